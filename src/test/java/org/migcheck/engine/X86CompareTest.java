package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.CompareResult.Reason;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;

/** The worked compare examples of the spec (§4.2), on cputest's Penryn host. */
class X86CompareTest {
  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  static final List<String> HOST_FEATURES =
      List.of(
          "dca", "xtpr", "tm2", "est", "vmx", "ds_cpl", "monitor", "pbe", "tm", "ht", "ss",
          "acpi", "ds", "vme");
  static final CpuDef HOST = CpuDef.host("x86_64", "Penryn", "Intel", HOST_FEATURES, "host");

  static CpuDef guest(String model, CpuMatch match, CpuFeature... features) {
    return new CpuDef(
        CpuType.GUEST, null, CpuMode.CUSTOM, match, CpuCheck.DEFAULT, null, model,
        Fallback.ALLOW, null, null, List.of(features), "guest");
  }

  static CpuFeature f(String name, FeaturePolicy p) {
    return new CpuFeature(name, p);
  }

  CompareResult compare(CpuDef cpu) {
    return ENGINE.compare(HOST, cpu);
  }

  @Test
  void hostAgainstItselfAndVariants() {
    assertThat(compare(HOST).verdict()).isEqualTo(Verdict.IDENTICAL);
    CompareResult better =
        compare(CpuDef.host("x86_64", "Nehalem", "Intel", HOST_FEATURES, "better"));
    assertThat(better.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(better.reason()).isEqualTo(Reason.MISSING_FEATURES);
    assertThat(better.features()).containsExactly("sse4.2", "popcnt");
    assertThat(compare(HOST.withVendor(null)).verdict()).isEqualTo(Verdict.IDENTICAL);
    CompareResult noVendorHost = ENGINE.compare(HOST.withVendor(null), HOST);
    assertThat(noVendorHost.reason()).isEqualTo(Reason.VENDOR);
    assertThat(noVendorHost.message())
        .isEqualTo("host CPU vendor does not match required CPU vendor Intel");
    CompareResult ppc =
        compare(CpuDef.host("ppc64", "POWER8", null, List.of(), "ppc"));
    assertThat(ppc.reason()).isEqualTo(Reason.ARCH);
    assertThat(ppc.message()).isEqualTo("CPU arch ppc64 does not match host arch");
  }

  @Test
  void policies() {
    assertThat(compare(guest("Penryn", CpuMatch.EXACT)).verdict()).isEqualTo(Verdict.SUPERSET);
    CompareResult req =
        compare(guest("Penryn", CpuMatch.EXACT, f("3dnowext", FeaturePolicy.REQUIRE)));
    assertThat(req.message()).isEqualTo("Host CPU does not provide required features: 3dnowext");
    assertThat(
            compare(guest("Penryn", CpuMatch.EXACT, f("3dnowext", FeaturePolicy.FORBID)))
                .verdict())
        .isEqualTo(Verdict.SUPERSET);
    CompareResult forbid =
        compare(guest("Penryn", CpuMatch.EXACT, f("vmx", FeaturePolicy.FORBID)));
    assertThat(forbid.message()).isEqualTo("Host CPU provides forbidden features: vmx");
    assertThat(
            compare(guest("Penryn", CpuMatch.EXACT, f("3dnowext", FeaturePolicy.DISABLE)))
                .verdict())
        .isEqualTo(Verdict.SUPERSET);
    assertThat(
            compare(
                    guest(
                        "Nehalem",
                        CpuMatch.EXACT,
                        f("popcnt", FeaturePolicy.DISABLE),
                        f("sse4.2", FeaturePolicy.DISABLE)))
                .verdict())
        .isEqualTo(Verdict.SUPERSET);
    // minimum compares like exact: libvirt handles minimum in update, not in compare
    assertThat(compare(guest("Penryn", CpuMatch.MINIMUM)).verdict()).isEqualTo(Verdict.SUPERSET);
  }

  @Test
  void strictMatch() {
    CompareResult strict = compare(guest("Penryn", CpuMatch.STRICT));
    assertThat(strict.reason()).isEqualTo(Reason.STRICT_EXTRA_FEATURES);
    assertThat(strict.message())
        .isEqualTo(
            "Host CPU does not strictly match guest CPU: Extra features: vme, ds, acpi, ss, ht,"
                + " tm, pbe, monitor, ds_cpl, vmx, est, tm2, xtpr, dca");
    List<CpuFeature> all = new ArrayList<>();
    HOST_FEATURES.forEach(n -> all.add(f(n, FeaturePolicy.REQUIRE)));
    all.add(f("3dnow", FeaturePolicy.FORCE));
    assertThat(compare(guest("Penryn", CpuMatch.STRICT, all.toArray(CpuFeature[]::new))).verdict())
        .isEqualTo(Verdict.IDENTICAL);
    List<CpuFeature> disabled = new ArrayList<>();
    for (String n : HOST_FEATURES) {
      FeaturePolicy p =
          n.equals("monitor") || n.equals("ss") ? FeaturePolicy.DISABLE : FeaturePolicy.REQUIRE;
      disabled.add(f(n, p));
    }
    disabled.add(f("3dnow", FeaturePolicy.DISABLE));
    assertThat(
            compare(guest("Penryn", CpuMatch.STRICT, disabled.toArray(CpuFeature[]::new)))
                .verdict())
        .isEqualTo(Verdict.IDENTICAL);
  }

  @Test
  void cputestGuestWithEveryPolicy() {
    CpuDef g =
        guest(
            "Penryn",
            CpuMatch.EXACT,
            f("dca", FeaturePolicy.OPTIONAL),
            f("xtpr", FeaturePolicy.OPTIONAL),
            f("sse4.2", FeaturePolicy.OPTIONAL),
            f("3dnow", FeaturePolicy.OPTIONAL),
            f("ssse3", FeaturePolicy.OPTIONAL),
            f("vmx", FeaturePolicy.DISABLE),
            f("ds_cpl", FeaturePolicy.DISABLE),
            f("sse", FeaturePolicy.DISABLE),
            f("monitor", FeaturePolicy.FORCE),
            f("pbe", FeaturePolicy.FORCE),
            f("3dnowext", FeaturePolicy.FORCE),
            f("svm", FeaturePolicy.FORCE),
            f("popcnt", FeaturePolicy.FORBID));
    assertThat(compare(g).verdict()).isEqualTo(Verdict.SUPERSET);
  }

  @Test
  void unknownNamesAreErrorsNamingTheMap() {
    assertThatThrownBy(() -> compare(guest("Pentium99", CpuMatch.EXACT)))
        .isInstanceOf(CpuError.class)
        .hasMessageStartingWith("Unknown CPU model Pentium99 (not in the bundled cpu_map (libvirt 9.0.0)");
    assertThatThrownBy(
            () -> compare(guest("Penryn", CpuMatch.EXACT, f("sse3", FeaturePolicy.REQUIRE))))
        .isInstanceOf(CpuError.class)
        .hasMessage(
            "Unknown CPU feature sse3 (sse3 is an alias of pni; libvirt does not accept aliases)");
  }

  @Test
  void diffExpandsModelsBeforeComparing() {
    X86Driver x86 = ENGINE.x86("t");
    CpuDef sky = CpuDef.host("x86_64", "Skylake-Server-IBRS", "Intel", List.of(), "a");
    CpuDef cas = CpuDef.host("x86_64", "Cascadelake-Server", "Intel", List.of(), "b");
    FeatureDiff d = FeatureDiff.of(x86, sky, cas);
    assertThat(d.onlyA()).isEmpty();
    assertThat(d.onlyB().stream().map(FeatureDiff.Entry::name))
        .containsExactly("clflushopt", "avx512vnni", "ssbd");
    assertThat(d.modelDiffers()).isTrue();
    assertThat(d.vendorDiffers()).isFalse();
    FeatureDiff back = FeatureDiff.of(x86, cas, sky);
    assertThat(back.onlyA()).isEqualTo(d.onlyB());
    assertThat(FeatureDiff.of(x86, sky, sky).identical()).isTrue();
    // listing a model feature explicitly changes nothing after expansion
    CpuDef skyListed = CpuDef.host("x86_64", "Skylake-Server-IBRS", "Intel", List.of("avx2"), "c");
    assertThat(FeatureDiff.of(x86, sky, skyListed).identical()).isTrue();
    FeatureDiff.Entry invtsc =
        FeatureDiff.of(x86, sky.withFeatures(List.of(new CpuFeature("invtsc", null))), sky)
            .onlyA()
            .get(0);
    assertThat(invtsc.blocksMigration()).isTrue();
    assertThat(invtsc.category()).isEqualTo(FeatureCategory.TIMING);
    assertThat(invtsc.feature().location()).isEqualTo("CPUID 0x80000007.0 EDX[8]");
  }
}
