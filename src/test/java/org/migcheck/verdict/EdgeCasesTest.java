package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.verdict.Fixtures.checkGuest;
import static org.migcheck.verdict.Fixtures.host;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCpu;
import org.migcheck.model.ModelUsability;

/** Cases the samples do not cover: missing data, unusual guests. */
class EdgeCasesTest {

  @Test
  void nonMigratablePassthroughCarriesInvtscAndItsLimit() {
    var g = Fixtures.testGuest("passthrough-not-migratable.xml");
    ModeVerdict v = checkGuest(host("skylake-a"), host("skylake-b"), g).get(0);
    // migratable='off' keeps invtsc, and without a pinned frequency QEMU will not migrate
    assertThat(v.findings(Axis.TSC)).singleElement()
        .satisfies(f -> assertThat(f.features()).containsExactly("invtsc"));
    assertThat(v.notes()).anyMatch(n -> n.startsWith("migratable='off'"));
    // <maxphysaddr mode='passthrough' limit='39'/>: 39 bits fit the 39-bit host
    ModeVerdict small = checkGuest(host("skylake-a"), host("coffeelake-e2288g"), g).get(0);
    assertThat(small.findings(Axis.PHYS_BITS)).isEmpty();
  }

  @Test
  void archAndVirtTypeTheDestinationCannotRun() {
    ModeVerdict arm = checkGuest(host("skylake-a"), host("skylake-b"),
        Fixtures.testGuest("aarch64.xml")).get(0);
    assertThat(arm.findings(Axis.ARCH)).extracting(Finding::message)
        .containsExactly("skylake-b cannot run hvm guests of arch aarch64");
    ModeVerdict xen = checkGuest(host("skylake-a"), host("skylake-b"),
        Fixtures.testGuest("xen.xml")).get(0);
    assertThat(xen.findings(Axis.DOMAIN_TYPE)).extracting(Finding::message)
        .containsExactly("skylake-b offers no xen domains for x86_64 (only qemu, kvm)");
    assertThat(Fixtures.CHECKER.canStart(Fixtures.testGuest("xen.xml"), host("skylake-b")))
        .isFalse();
  }

  @Test
  void unknownTscRateAndMigrationFeatures() {
    Host a = host("skylake-a");
    HostCpu c = host("skylake-b").caps().cpu();
    Host noCounter = TestHosts.withCpu(host("skylake-b"), new HostCpu(c.source(), c.line(),
        c.arch(), c.model(), c.vendor(), c.microcodeVersion(), c.signature(), null, c.topology(),
        c.maxPhysAddr(), c.features(), c.pages()));
    ModeVerdict v = checkGuest(a, noCounter, Fixtures.guest("guest-passthrough")).get(0);
    assertThat(v.findings(Axis.TSC)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.RISKY);
      assertThat(f.message()).startsWith("skylake-b does not report its TSC rate");
    });
    HostCapabilities caps = host("skylake-b").caps();
    Host silent = new Host("silent", new HostCapabilities(caps.source(), caps.line(), caps.uuid(),
        caps.cpu(), caps.powerManagement(), caps.iommuSupport(), null, caps.numaCells(),
        caps.cacheBanks(), caps.memoryBandwidth(), caps.secModels(), caps.guests()),
        host("skylake-b").domcaps());
    assertThat(Fixtures.check(a, silent).get(0).findings(Axis.MIGRATION))
        .extracting(Finding::message).containsExactly("silent does not report migration features");
  }

  @Test
  void unusableWithoutAReason() {
    Host b = TestHosts.withCustomModel(host("skylake-b"), "Broadwell-noTSX-IBRS",
        TestHosts.model("Broadwell-noTSX-IBRS", ModelUsability.NO, List.of()));
    CpuDef cpu = new CpuDef(CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT,
        CpuCheck.PARTIAL, null, "Broadwell-noTSX-IBRS", Fallback.FORBID, null, null, List.of(),
        "test");
    ModeVerdict v = Fixtures.CHECKER.check(host("skylake-a"), b,
        new CheckOptions(List.of(GuestMode.CUSTOM), null, cpu, false)).get(0);
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.RISKY);
      assertThat(f.message()).isEqualTo(
          "QEMU on skylake-b marks Broadwell-noTSX-IBRS unusable and does not say why");
    });
    Host unknown = TestHosts.withCustomModel(host("skylake-b"), "Broadwell-noTSX-IBRS",
        TestHosts.model("Broadwell-noTSX-IBRS", ModelUsability.UNKNOWN, List.of()));
    ModeVerdict u = Fixtures.CHECKER.check(host("skylake-a"), unknown,
        new CheckOptions(List.of(GuestMode.CUSTOM), null, cpu, false)).get(0);
    assertThat(u.safety()).isEqualTo(Safety.SAFE);
    assertThat(u.notes()).contains(
        "QEMU on skylake-b cannot tell whether Broadwell-noTSX-IBRS is usable");
  }
}
