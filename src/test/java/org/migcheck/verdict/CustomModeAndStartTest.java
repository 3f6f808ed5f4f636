package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.verdict.Fixtures.checkGuest;
import static org.migcheck.verdict.Fixtures.host;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.ModelUsability;

/** Custom-mode details (update at start, domcapabilities usability) and the gate's helpers. */
class CustomModeAndStartTest {

  private static CpuDef custom(String model, Fallback fallback, CpuFeature... features) {
    return new CpuDef(CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT, CpuCheck.PARTIAL, null,
        model, fallback, null, null, List.of(features), "test");
  }

  private static ModeVerdict customVerdict(Host a, Host b, CpuDef cpu) {
    return Fixtures.CHECKER.check(a, b,
        new CheckOptions(List.of(GuestMode.CUSTOM), null, cpu, false)).get(0);
  }

  @Test
  void minimumIsFixedAtStartFromTheSource() {
    ModeVerdict v = checkGuest(host("skylake-a"), host("coffeelake-e2288g"),
        Fixtures.testGuest("minimum.xml")).get(0);
    assertThat(v.guestCpu().model()).isEqualTo("Skylake-Server-IBRS");
    assertThat(v.guestCpu().match()).isEqualTo(CpuMatch.EXACT);
    assertThat(v.notes()).anyMatch(n -> n.startsWith("match='minimum': the guest starts with"
        + " skylake-a's host-model CPU (Skylake-Server-IBRS"));
    assertThat(v.findings(Axis.CPU).get(0).features()).contains("avx512f", "hle");
    // started on coffeelake it takes that host's CPU, whose mitigation bits Skylake lacks
    ModeVerdict fromSmall = checkGuest(host("coffeelake-e2288g"), host("skylake-a"),
        Fixtures.testGuest("minimum.xml")).get(0);
    assertThat(fromSmall.guestCpu().model()).isEqualTo("Skylake-Client-IBRS");
    assertThat(fromSmall.findings(Axis.CPU)).singleElement().satisfies(f -> assertThat(
        f.features()).containsExactly("rdctl-no", "ibrs-all", "mds-no"));
  }

  @Test
  void optionalFeaturesBecomeRequiredWhereTheSourceHasThem() {
    ModeVerdict v = checkGuest(host("skylake-a"), host("broadwell"),
        Fixtures.testGuest("optional.xml")).get(0);
    assertThat(v.notes()).anyMatch(n -> n.contains("avx512f became required and broadwell must"
        + " provide them"));
    assertThat(v.guestCpu().features()).contains(
        new CpuFeature("avx512f", FeaturePolicy.REQUIRE),
        new CpuFeature("sha-ni", FeaturePolicy.DISABLE));
    assertThat(v.findings(Axis.CPU)).singleElement()
        .satisfies(f -> assertThat(f.features()).containsExactly("avx512f"));
  }

  @Test
  void checkNoneDoesNotSaveAMissingFeature() {
    ModeVerdict v = checkGuest(host("skylake-a"), host("coffeelake-e2288g"),
        Fixtures.testGuest("check-none.xml")).get(0);
    assertThat(v.safety()).isEqualTo(Safety.UNSAFE);
    assertThat(v.notes()).anyMatch(n -> n.startsWith("check='none'"));
  }

  @Test
  void blockersListedByQemuMustBeDisabled() {
    Host a = host("skylake-a");
    Host b = TestHosts.withCustomModel(host("skylake-b"), "Broadwell-IBRS",
        TestHosts.model("Broadwell-IBRS", ModelUsability.NO, List.of("rtm", "hle")));
    ModeVerdict kept = customVerdict(a, b, custom("Broadwell-IBRS", Fallback.FORBID));
    assertThat(kept.findings(Axis.CPU)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(f.message()).isEqualTo(
          "QEMU on skylake-b cannot run Broadwell-IBRS: the guest keeps 2 blockers");
      assertThat(f.features()).containsExactly("rtm", "hle");
    });
    ModeVerdict disabled = customVerdict(a, b, custom("Broadwell-IBRS", Fallback.FORBID,
        new CpuFeature("hle", FeaturePolicy.DISABLE), new CpuFeature("rtm", FeaturePolicy.DISABLE)));
    assertThat(disabled.findings()).isEmpty();
    assertThat(disabled.notes()).anyMatch(n -> n.contains("blockers: rtm, hle)"));
    // starting it is another matter: check='partial' compares with skylake-b's own CPU, which has
    // hle and rtm, and QEMU without enforce drops the blockers silently (RealQemuOracleTest)
    assertThat(Fixtures.CHECKER.canStart(custom("Broadwell-IBRS", Fallback.FORBID), b)).isTrue();
    assertThat(new CustomStart(Fixtures.ENGINE, Fixtures.ENGINE.featureMap("test"))
        .findings(custom("Broadwell-IBRS", Fallback.FORBID), b)).singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.RISKY);
          assertThat(f.features()).containsExactly("rtm", "hle");
        });
  }

  @Test
  void aModelQemuDoesNotOffer() {
    Host a = host("skylake-a");
    Host b = TestHosts.withCustomModel(host("skylake-b"), "Broadwell-IBRS", null);
    assertThat(customVerdict(a, b, custom("Broadwell-IBRS", Fallback.FORBID)).findings())
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
          assertThat(f.message()).contains("does not offer model Broadwell-IBRS");
        });
    assertThat(customVerdict(a, b, custom("Broadwell-IBRS", Fallback.ALLOW)).safety())
        .isEqualTo(Safety.RISKY);
  }

  @Test
  void migrationSupportAndTransports() {
    Host a = host("skylake-a");
    List<ModeVerdict> noLive = Fixtures.check(a, TestHosts.withMigration(host("skylake-b"),
        false, List.of("tcp")));
    assertThat(noLive).allSatisfy(v -> assertThat(v.findings(Axis.MIGRATION))
        .extracting(Finding::message).containsExactly("skylake-b does not support live migration"));
    List<ModeVerdict> rdmaOnly = Fixtures.check(TestHosts.withMigration(a, true, List.of("tcp")),
        TestHosts.withMigration(host("skylake-b"), true, List.of("rdma")));
    assertThat(rdmaOnly.get(0).findings(Axis.MIGRATION)).singleElement().satisfies(f -> assertThat(
        f.message()).isEqualTo("no common migration transport (tcp on skylake-a, rdma on skylake-b)"));
  }

  @Test
  void whereGuestsCanStart() {
    List<Host> all = Fixtures.HOSTS.stream().map(Fixtures::host).toList();
    MigrationChecker c = Fixtures.CHECKER;
    assertThat(c.startableHosts(Fixtures.guest("guest-custom"), all)).extracting(Host::name)
        .containsExactly("skylake-a", "skylake-b", "icelake-notsx");
    assertThat(c.startFindings(Fixtures.guest("guest-custom"), all.get(2)))
        .extracting(Finding::axis).containsExactly(Axis.SECURITY, Axis.MEMORY);
    assertThat(c.startableHosts(Fixtures.guest("guest-host-model"), all)).extracting(Host::name)
        .doesNotContain("broadwell").hasSize(6);
    // the pinned TSC rate: only hosts at that rate or able to scale
    assertThat(c.startableHosts(Fixtures.guest("guest-passthrough"), all)).extracting(Host::name)
        .doesNotContain("broadwell");
    ModeVerdict m = c.migrate(Fixtures.guest("guest-custom"), all.get(0), all.get(3));
    assertThat(m.mode()).isEqualTo(GuestMode.CUSTOM);
    assertThat(m.safety()).isEqualTo(Safety.SAFE);
  }

  @Test
  void modesAndNodeSets() {
    assertThat(GuestMode.parse("passthrough")).isEqualTo(GuestMode.HOST_PASSTHROUGH);
    assertThat(GuestMode.parse("HOST_MODEL")).isEqualTo(GuestMode.HOST_MODEL);
    assertThat(GuestMode.parse("custom")).isEqualTo(GuestMode.CUSTOM);
    assertThat(GuestMode.parse("maximum")).isNull();
    assertThat(GuestMode.of(CpuMode.MAXIMUM)).isEqualTo(GuestMode.HOST_PASSTHROUGH);
    assertThat(NodeSet.parse("0-3,^2,8", "t")).containsExactly(0, 1, 3, 8);
    assertThat(NodeSet.format(NodeSet.parse("0-3,^2,8", "t"))).isEqualTo("0-1,3,8");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeSet.parse("0-x", "g.xml"))
        .hasMessageContaining("invalid nodeset '0-x'");
  }
}
