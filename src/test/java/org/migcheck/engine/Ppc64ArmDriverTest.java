package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.CompareResult.Reason;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;

/** ppc64 and arm compare as libvirt's drivers do it (spec §4.3, §4.4; cputest's ppc64 cases). */
class Ppc64ArmDriverTest {
  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  static final CpuDef POWER8 = CpuDef.host("ppc64", "POWER8", "IBM", List.of(), "host");

  static CpuDef guest(CpuMode mode, String model) {
    return new CpuDef(CpuType.GUEST, null, mode, CpuMatch.EXACT, CpuCheck.DEFAULT, null, model,
        Fallback.ALLOW, null, null, List.of(), "guest");
  }

  static Verdict ppc(CpuDef cpu) {
    return ENGINE.compare(POWER8, cpu).verdict();
  }

  /**
   * A map without an x86 part (a --cpu-map of ppc64 files): readying the x86 driver, as baseline
   * does while its input is read, does nothing, nor does an arch migcheck has no driver for, and
   * x86 CPUs still meet the usual error.
   */
  @Test
  void preparingADriverWithoutItsMapDoesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path bundled = org.migcheck.testing.SharedData.repo().resolve("cpu-maps/libvirt-9.0.0");
    StringBuilder index = new StringBuilder("<cpus>\n  <arch name='ppc64'>\n");
    try (var files = java.nio.file.Files.list(bundled)) {
      // the vendors first, as in libvirt's index
      for (java.nio.file.Path f : files.sorted(java.util.Comparator.comparing(
          (java.nio.file.Path p) -> !p.toString().endsWith("_vendors.xml"))).toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("ppc64_")) {
          java.nio.file.Files.copy(f, dir.resolve(name));
          index.append("    <include filename='").append(name).append("'/>\n");
        }
      }
    }
    java.nio.file.Files.writeString(dir.resolve("index.xml"), index + "  </arch>\n</cpus>\n");
    CpuEngine ppcOnly = new CpuEngine(CpuMapLoader.load(dir.toString()));
    ppcOnly.prepare("x86_64");
    ppcOnly.prepare("sparc64"); // no driver for it: nothing either
    assertThat(ppcOnly.baseline(List.of(POWER8, POWER8.withSource("again")),
        new BaselineOptions(false, false)).model()).isEqualTo("POWER8");
    CpuDef x86 = CpuDef.host("x86_64", "Skylake-Client", "Intel", List.of(), "x86host");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ppcOnly.baseline(List.of(x86), new BaselineOptions(false, false)))
        .hasMessageContaining("cannot find CPU map for x86");
  }

  @Test
  void ppc64ComparesModelNamesOnlyWithoutSuperset() {
    assertThat(ppc(POWER8)).isEqualTo(Verdict.IDENTICAL);
    assertThat(ppc(CpuDef.host("ppc64", "POWER9", "IBM", List.of(), "better")))
        .isEqualTo(Verdict.INCOMPATIBLE);
    CompareResult worse = ENGINE.compare(POWER8, CpuDef.host("ppc64", "POWER7", "IBM", List.of(), "w"));
    assertThat(worse.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(worse.message()).isEqualTo("host CPU model does not match required CPU model POWER7");
    assertThat(ppc(CpuDef.host("x86_64", "POWER8", null, List.of(), "x"))).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(ppc(POWER8.withVendor(null))).isEqualTo(Verdict.IDENTICAL);
    assertThat(ENGINE.compare(POWER8.withVendor(null), POWER8).reason()).isEqualTo(Reason.VENDOR);
  }

  @Test
  void ppc64GuestModesAndLegacyNames() {
    assertThat(ppc(guest(CpuMode.CUSTOM, "POWER8"))).isEqualTo(Verdict.IDENTICAL);
    assertThat(ppc(guest(CpuMode.CUSTOM, "POWER7"))).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(ppc(guest(CpuMode.CUSTOM, "POWER8_v1.0"))).isEqualTo(Verdict.IDENTICAL);
    assertThat(ppc(guest(CpuMode.CUSTOM, "POWER7+_v2.1"))).isEqualTo(Verdict.INCOMPATIBLE);
    assertThatThrownBy(() -> ppc(guest(CpuMode.CUSTOM, "POWER8_v9.9")))
        .isInstanceOf(CpuError.class);
    assertThat(ppc(guest(CpuMode.HOST_PASSTHROUGH, null))).isEqualTo(Verdict.IDENTICAL);
    // host-model names a compatibility mode
    assertThat(ppc(guest(CpuMode.HOST_MODEL, null))).isEqualTo(Verdict.IDENTICAL);
    assertThat(ppc(guest(CpuMode.HOST_MODEL, "power7"))).isEqualTo(Verdict.IDENTICAL);
    assertThat(ppc(guest(CpuMode.HOST_MODEL, "power8"))).isEqualTo(Verdict.IDENTICAL);
    assertThat(ppc(guest(CpuMode.HOST_MODEL, "power9"))).isEqualTo(Verdict.INCOMPATIBLE);
    assertThatThrownBy(() -> ppc(guest(CpuMode.HOST_MODEL, "power42")))
        .isInstanceOf(CpuError.class)
        .hasMessage("Unknown compatibility mode power42");
    CpuDef e5500 = CpuDef.host("ppc64", "POWERPC_e5500", "Freescale", List.of(), "e5500");
    assertThatThrownBy(() -> ENGINE.compare(e5500, guest(CpuMode.HOST_MODEL, "power8")))
        .isInstanceOf(CpuError.class)
        .hasMessage("Host CPU does not support compatibility modes");
  }

  @Test
  void armGuestsAlwaysFitAndHostsCompareByVendorAndModel() {
    CpuDef a57 = CpuDef.host("aarch64", "cortex-a57", "ARM", List.of(), "a57");
    assertThat(ENGINE.compare(a57, guest(CpuMode.CUSTOM, "cortex-a72")).verdict())
        .isEqualTo(Verdict.IDENTICAL);
    assertThat(ENGINE.compare(a57, a57).verdict()).isEqualTo(Verdict.IDENTICAL);
    CompareResult other =
        ENGINE.compare(a57, CpuDef.host("aarch64", "cortex-a72", "ARM", List.of(), "a72"));
    assertThat(other.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(other.message())
        .isEqualTo("Host CPU model does not match required CPU vendor ARM or(and) model cortex-a72");
    assertThat(ENGINE.compare(a57, a57.withVendor(null)).verdict()).isEqualTo(Verdict.INCOMPATIBLE);
  }
}
