package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.verdict.Fixtures.ENGINE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CpuEngine;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.MaxPhysAddr;
import org.migcheck.testing.SharedData;

/** The guest-visible CPU: domcapabilities as given, else libvirt's derivation through KVM. */
class GuestVisibleCpuTest {
  /** Finding 1 of the issue: host CPUID bits the README's caps-only suggestion required. */
  static final List<String> FINDING_1 =
      List.of("ds", "acpi", "ht", "tm", "pbe", "dtes64", "monitor", "ds_cpl", "smx", "est", "tm2",
          "xtpr", "pdcm", "dca", "osxsave", "cmt", "intel-pt", "ospke", "mbm_total", "mbm_local");

  private static List<String> names(CpuEngine engine, CpuDef cpu) {
    CpuMap map = engine.maps().forArch(Arch.X86).orElseThrow();
    return map.presentFeatures(engine.features(cpu)).stream().map(Feature::name).toList();
  }

  static Stream<String> hosts() {
    return Fixtures.HOSTS.stream();
  }

  @ParameterizedTest
  @MethodSource("hosts")
  void withoutDomcapsNoHostOnlyBitsAndNothingKvmLacks(String name) {
    Host full = Fixtures.host(name);
    Host caps = Fixtures.capsOnly(name);
    GuestVisibleCpu real = GuestVisibleCpu.of(full, ENGINE);
    GuestVisibleCpu approx = GuestVisibleCpu.of(caps, ENGINE);
    assertThat(real.approximate()).isFalse();
    assertThat(real.cpu()).isEqualTo(full.hostModelCpu());
    assertThat(approx.approximate()).isTrue();
    assertThat(approx.basis()).contains(GuestVisibleCpu.APPROXIMATE);
    List<String> got = names(ENGINE, approx.cpu());
    assertThat(got).doesNotContainAnyElementsOf(FINDING_1)
        .contains("hypervisor", "x2apic", "tsc-deadline", "tsc_adjust", "arch-capabilities");
    // never more than what the host's own domcapabilities say KVM gives
    Bits extra = ENGINE.features(approx.cpu()).andNot(ENGINE.features(real.cpu()));
    assertThat(ENGINE.maps().forArch(Arch.X86).orElseThrow().presentFeatures(extra)).isEmpty();
    // and a guest of the approximation starts where QEMU says
    CpuDef guest = CpuDef.guest(approx.cpu().model(), approx.cpu().vendor(),
        approx.cpu().features(), "test");
    assertThat(ENGINE.compare(real.cpu(), guest).verdict().compatible()).isTrue();
  }

  @Test
  void modelFeaturesKvmHidesAreDisabled() {
    // a host CPU whose model has monitor (Penryn and older do): the guest gets it disabled
    CpuDef host = CpuDef.host("x86_64", "Penryn", "Intel", List.of("ds", "vmx"), "test");
    CpuDef v = GuestVisibleCpu.of(null, "x86_64", host, ENGINE).cpu();
    assertThat(v.features())
        .anyMatch(f -> f.name().equals("vmx") && f.policy() == FeaturePolicy.REQUIRE)
        .noneMatch(f -> f.name().equals("ds"));
    CpuMap map = ENGINE.maps().forArch(Arch.X86).orElseThrow();
    boolean penrynHasMonitor =
        map.model("Penryn").orElseThrow().bits().containsAll(map.feature("monitor").orElseThrow().bits());
    assertThat(v.features().stream().anyMatch(f -> f.name().equals("monitor")
        && f.policy() == FeaturePolicy.DISABLE)).isEqualTo(penrynHasMonitor);
    assertThat(names(ENGINE, v)).doesNotContain("monitor", "ds");
  }

  @Test
  void mitigationBitsAreMirroredAsKvmDoes() {
    CpuDef intel = CpuDef.host("x86_64", "Skylake-Server", "Intel",
        List.of("spec-ctrl", "stibp", "ssbd"), "test");
    assertThat(names(ENGINE, GuestVisibleCpu.of(null, "x86_64", intel, ENGINE).cpu()))
        .contains("ibpb", "ibrs", "amd-stibp", "amd-ssbd");
    CpuDef amd = CpuDef.host("x86_64", "EPYC", "AMD",
        List.of("ibpb", "ibrs", "amd-stibp", "amd-ssbd"), "test");
    assertThat(names(ENGINE, GuestVisibleCpu.of(null, "x86_64", amd, ENGINE).cpu()))
        .contains("spec-ctrl", "stibp", "ssbd");
  }

  /**
   * The list checked against real data: libvirt's QEMU domcapabilities (tests/domaincapsdata)
   * never offer a guest these, except ds, dtes64 and pdcm with a virtual PMU (the TDX host).
   */
  @Test
  void realDomcapsHostModelsLackWhatKvmHides() throws IOException {
    Path dir = SharedData.reference("libvirt-domcaps-qemu");
    CpuEngine latest = new CpuEngine(CpuMapLoader.bundled("12.8.0"));
    InputReader reader = new InputReader();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().contains("x86_64")).sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(10);
    int checked = 0;
    for (Path f : files) {
      DomainCapabilities dc = (DomainCapabilities) reader.readAll(List.of(f.toString())).get(0);
      CpuDef hm = dc.hostModelCpuDef();
      if (hm == null) {
        continue;
      }
      List<String> offered = names(latest, hm.withArch("x86_64"));
      // a vPMU brings ds, dtes64, pdcm; kernels after 6.1 emulate flushbyasid for nested SVM:
      // the approximation does not assume either
      List<String> allowed = f.toString().contains("inteltdx")
          ? List.of("ds", "dtes64", "pdcm", "flushbyasid") : List.of("flushbyasid");
      for (String hidden : GuestVisibleCpu.KVM_HIDDEN) {
        if (!allowed.contains(hidden)) {
          assertThat(offered).as(f.getFileName() + " offers " + hidden).doesNotContain(hidden);
        }
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(GuestVisibleCpu.KVM_HIDDEN).containsAll(FINDING_1);
  }

  @Test
  void usableBitsAreTheSmallerOfHostAndLimit() {
    assertThat(PhysBitsAxis.usableBits(43, 64)).isEqualTo(43);
    assertThat(PhysBitsAxis.usableBits(46, 39)).isEqualTo(39);
    assertThat(PhysBitsAxis.usableBits(null, 48)).isEqualTo(48);
    assertThat(PhysBitsAxis.usableBits(46, null)).isEqualTo(46);
    assertThat(PhysBitsAxis.usableBits(null, null)).isNull();
  }

  @Test
  void guestBitsFollowTheMode() {
    Host h = Fixtures.host("skylake-a");
    GuestProfile pt = new GuestProfile(GuestMode.HOST_PASSTHROUGH,
        GuestProfile.bare(org.migcheck.model.CpuMode.HOST_PASSTHROUGH), true, null, null, null,
        null, null);
    assertThat(PhysBitsAxis.guestBits(pt, h).bits()).isEqualTo(46);
    GuestProfile hm = new GuestProfile(GuestMode.HOST_MODEL,
        GuestProfile.bare(org.migcheck.model.CpuMode.HOST_MODEL), true, null, null, null, null,
        null);
    PhysBitsAxis.GuestBits d = PhysBitsAxis.guestBits(hm, h);
    assertThat(d.bits()).isEqualTo(PhysBitsAxis.QEMU_DEFAULT_BITS);
    assertThat(d.implicit()).isTrue();
    GuestProfile set = new GuestProfile(GuestMode.HOST_MODEL,
        GuestProfile.bare(org.migcheck.model.CpuMode.HOST_MODEL), true,
        new MaxPhysAddr("passthrough", null, 42), null, null, null, null);
    assertThat(PhysBitsAxis.guestBits(set, h).bits()).isEqualTo(42);
  }
}
