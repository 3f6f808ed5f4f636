package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.verdict.Fixtures.check;
import static org.migcheck.verdict.Fixtures.checkBothWays;
import static org.migcheck.verdict.Fixtures.checkGuest;
import static org.migcheck.verdict.Fixtures.guest;
import static org.migcheck.verdict.Fixtures.host;
import static org.migcheck.verdict.Fixtures.verdict;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scenarios of samples/README.md, with the verdicts, axes and features they must give. */
class MigrationScenariosTest {
  static Host skylakeA;
  static Host skylakeB;
  static Host cascadelake;
  static Host icelake;
  static Host broadwell;
  static Host coffeelake;
  static Host epyc;

  @BeforeAll
  static void load() {
    skylakeA = host("skylake-a");
    skylakeB = host("skylake-b");
    cascadelake = host("cascadelake");
    icelake = host("icelake-notsx");
    broadwell = host("broadwell");
    coffeelake = host("coffeelake-e2288g");
    epyc = host("epyc-rome");
  }

  private static List<Axis> axes(ModeVerdict v) {
    return v.findings().stream().map(Finding::axis).distinct().toList();
  }

  @Test
  void identicalHostsAreSafeInEveryModeBothWays() {
    List<ModeVerdict> vs = checkBothWays(skylakeA, skylakeB);
    assertThat(vs).hasSize(6);
    assertThat(vs).allSatisfy(v -> {
      assertThat(v.safety()).as(v.mode() + " " + v.from()).isEqualTo(Safety.SAFE);
      assertThat(v.findings()).isEmpty();
    });
    assertThat(vs).extracting(ModeVerdict::from)
        .containsExactly("skylake-a", "skylake-b", "skylake-a", "skylake-b", "skylake-a",
            "skylake-b");
  }

  @Test
  void skylakeToCascadelakeIsOneWayForHostModel() {
    ModeVerdict there = verdict(check(skylakeA, cascadelake), GuestMode.HOST_MODEL, "skylake-a");
    // the CPU fits; only the different security drivers keep it from SAFE
    assertThat(there.findings(Axis.CPU)).isEmpty();
    assertThat(axes(there)).containsExactly(Axis.SECURITY);
    assertThat(there.safety()).isEqualTo(Safety.RISKY);
    assertThat(there.guestCpu().model()).isEqualTo("Skylake-Server-IBRS");
    assertThat(there.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("one-way: a host-model guest that moves to cascadelake cannot come back")
        .contains("avx512vnni", "tsx-ctrl"));

    List<ModeVerdict> both = checkBothWays(skylakeA, cascadelake);
    ModeVerdict back = verdict(both, GuestMode.HOST_MODEL, "cascadelake");
    assertThat(back.safety()).isEqualTo(Safety.UNSAFE);
    assertThat(back.findings(Axis.CPU)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(f.features())
          .containsExactly("avx512vnni", "rdctl-no", "ibrs-all", "mds-no", "tsx-ctrl");
    });
    // with --both-ways the way back is a verdict, not a note
    assertThat(verdict(both, GuestMode.HOST_MODEL, "skylake-a").notes())
        .noneMatch(n -> n.startsWith("one-way"));
  }

  @Test
  void hostModelWithoutDomcapabilitiesIsDerivedAndSaysSo() {
    Host a = Fixtures.capsOnly("skylake-a");
    Host c = Fixtures.capsOnly("cascadelake");
    ModeVerdict there = verdict(check(a, c), GuestMode.HOST_MODEL, "skylake-a");
    assertThat(there.findings(Axis.CPU)).isEmpty();
    assertThat(there.notes()).anyMatch(n -> n.contains("derived from the capabilities host CPU"));
    // libvirt's derivation: host CPU as a guest CPU, invtsc (non-migratable) left out
    assertThat(there.guestCpu().model()).isEqualTo("Skylake-Server-IBRS");
    assertThat(there.guestCpu().features()).extracting(f -> f.name())
        .contains("pku", "md-clear").doesNotContain("invtsc", "xsaves");
    ModeVerdict back = verdict(checkBothWays(a, c), GuestMode.HOST_MODEL, "cascadelake");
    // arch-capabilities is emulated by KVM on every host, so it is no loss for a guest
    assertThat(back.findings(Axis.CPU).get(0).features())
        .contains("avx512vnni", "mds-no", "tsx-ctrl").doesNotContain("arch-capabilities");
    assertThat(there.notes()).anyMatch(n -> n.startsWith("approximate: no domcapabilities"));
  }

  @Test
  void tsxOffHostBreaksPassthroughButTheCustomGuestFits() {
    ModeVerdict pt = verdict(check(skylakeA, icelake), GuestMode.HOST_PASSTHROUGH, "skylake-a");
    assertThat(pt.safety()).isEqualTo(Safety.UNSAFE);
    assertThat(pt.findings(Axis.CPU).get(0).features()).contains("hle", "rtm");
    ModeVerdict hm = verdict(check(skylakeA, icelake), GuestMode.HOST_MODEL, "skylake-a");
    assertThat(hm.findings(Axis.CPU).get(0).features()).containsExactly("hle", "rtm", "md-clear");

    List<ModeVerdict> custom = checkGuest(skylakeA, icelake, guest("guest-custom"));
    assertThat(custom).singleElement().satisfies(v -> {
      assertThat(v.mode()).isEqualTo(GuestMode.CUSTOM);
      assertThat(v.safety()).isEqualTo(Safety.SAFE);
      // domcapabilities say Skylake-Server-IBRS is unusable there, for hle and rtm only
      assertThat(v.notes()).anyMatch(n -> n.contains("not usable on icelake-notsx")
          && n.contains("hle, rtm") && n.contains("the guest disables all of them"));
    });
  }

  @Test
  void intelAndAmdNeverMix() {
    for (ModeVerdict v : checkBothWays(skylakeA, epyc)) {
      assertThat(v.safety()).as(v.mode() + " from " + v.from()).isEqualTo(Safety.UNSAFE);
      assertThat(v.findings(Axis.CPU)).as(v.mode() + " from " + v.from()).isNotEmpty();
    }
    List<ModeVerdict> vs = check(skylakeA, epyc);
    assertThat(verdict(vs, GuestMode.HOST_PASSTHROUGH, "skylake-a").findings(Axis.CPU).get(0)
        .message()).contains("another CPU vendor: Intel on skylake-a, AMD on epyc-rome");
    assertThat(verdict(vs, GuestMode.HOST_MODEL, "skylake-a").findings(Axis.CPU).get(0)
        .message()).contains("epyc-rome has an AMD CPU");
    assertThat(verdict(vs, GuestMode.CUSTOM, "skylake-a").findings(Axis.CPU).get(0).message())
        .contains("CPU vendors do not match");
  }

  @Test
  void pinnedTscNeedsTheSameRateOrScaling() {
    var g = guest("guest-passthrough");
    ModeVerdict toBroadwell = checkGuest(skylakeA, broadwell, g).get(0);
    assertThat(toBroadwell.findings(Axis.TSC)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(f.message()).contains("2394.374 MHz", "broadwell runs at 2199.998 MHz",
          "cannot scale");
    });
    // cascadelake runs at another rate but scales the guest's TSC
    ModeVerdict toCascadelake = checkGuest(skylakeA, cascadelake, g).get(0);
    assertThat(toCascadelake.findings(Axis.TSC)).isEmpty();
    assertThat(toCascadelake.notes()).anyMatch(n -> n.contains("cascadelake scales the guest's"));
    // the same rate: nothing to scale, and the guest is SAFE
    ModeVerdict toTwin = checkGuest(skylakeA, skylakeB, g).get(0);
    assertThat(toTwin.safety()).isEqualTo(Safety.SAFE);
  }

  @Test
  void invtscWithoutAPinnedFrequencyBlocksMigration() {
    var g = Fixtures.testGuest("invtsc-unpinned.xml");
    ModeVerdict v = checkGuest(skylakeA, skylakeB, g).get(0);
    assertThat(v.safety()).isEqualTo(Safety.UNSAFE);
    assertThat(v.findings(Axis.TSC)).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("invtsc without a pinned TSC frequency",
          "frequency='2394374000'");
      assertThat(f.features()).containsExactly("invtsc");
    });
    // and a guest that can start anywhere: starting is not migrating
    assertThat(Fixtures.CHECKER.canStart(g, skylakeB)).isTrue();
  }

  @Test
  void physicalAddressBitsMustNotShrink() {
    List<ModeVerdict> vs = check(skylakeA, coffeelake);
    // host-passthrough: QEMU passes the host's 46 bits through
    assertThat(verdict(vs, GuestMode.HOST_PASSTHROUGH, "skylake-a").findings(Axis.PHYS_BITS))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
          assertThat(f.message()).contains("46 physical address bits", "coffeelake-e2288g has 39");
        });
    // host-model: a named model gets QEMU's default 40 bits, which QEMU only warns about
    assertThat(verdict(vs, GuestMode.HOST_MODEL, "skylake-a").findings(Axis.PHYS_BITS))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.RISKY);
          assertThat(f.message()).contains("40 physical address bits", "QEMU's default",
              "coffeelake-e2288g has 39");
        });
    // the suggested custom CPU pins the smaller width, so it moves safely
    ModeVerdict custom = verdict(vs, GuestMode.CUSTOM, "skylake-a");
    assertThat(custom.safety()).isEqualTo(Safety.SAFE);
    assertThat(custom.notes()).anyMatch(n -> n.contains("39 address bits"));
    // the way back grows, which is fine
    assertThat(verdict(check(coffeelake, skylakeA), GuestMode.HOST_PASSTHROUGH,
        "coffeelake-e2288g").findings(Axis.PHYS_BITS)).isEmpty();
  }

  @Test
  void physicalAddressBitsOfAGuest() {
    // emulate bits above the destination: UNSAFE; QEMU's implicit 40 above 39: RISKY
    var emulated = Fixtures.testGuest("custom-emulated-46.xml");
    assertThat(checkGuest(skylakeA, coffeelake, emulated).get(0).findings(Axis.PHYS_BITS))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
          assertThat(f.message()).contains("<maxphysaddr mode='emulate' bits='46'/>");
        });
    var implicit = Fixtures.testGuest("custom-broadwell.xml");
    assertThat(checkGuest(skylakeA, coffeelake, implicit).get(0).findings(Axis.PHYS_BITS))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.RISKY);
          assertThat(f.message()).contains("40 physical address bits", "QEMU's default");
        });
  }

  @Test
  void missingMachineTypes() {
    ModeVerdict v = verdict(check(skylakeA, broadwell), GuestMode.HOST_MODEL, "skylake-a");
    List<Finding> machine = v.findings(Axis.MACHINE_TYPE);
    assertThat(machine).hasSize(2);
    assertThat(machine.get(0).severity()).isEqualTo(Safety.UNSAFE);
    assertThat(machine.get(0).message())
        .contains("pc-i440fx-7.2 (pc; broadwell has pc-i440fx-6.2)",
            "pc-q35-7.2 (q35; broadwell has pc-q35-6.2)");
    assertThat(machine.get(1).severity()).isEqualTo(Safety.RISKY);
    assertThat(machine.get(1).message()).contains("pc-q35-7.0", "pc-q35-7.1", "pc-i440fx-7.1")
        .doesNotContain("pc-q35-7.2");
    // broadwell's QEMU 6.2 types all exist on QEMU 7.2
    assertThat(verdict(check(broadwell, skylakeA), GuestMode.HOST_MODEL, "broadwell")
        .findings(Axis.MACHINE_TYPE)).isEmpty();

    ModeVerdict g = checkGuest(skylakeA, broadwell, guest("guest-host-model")).get(0);
    assertThat(g.findings(Axis.MACHINE_TYPE)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(f.message()).isEqualTo(
          "broadwell lacks machine type pc-q35-7.2 (its newest q35 is pc-q35-6.2)");
    });
  }

  @Test
  void machineTypeAliasesResolveToTheSourcesCanonicalType() {
    var g = Fixtures.testGuest("alias-q35.xml");
    ModeVerdict v = checkGuest(skylakeA, broadwell, g).get(0);
    assertThat(v.findings(Axis.MACHINE_TYPE)).singleElement().satisfies(f -> assertThat(
        f.message()).contains("lacks machine type pc-q35-7.2 (the guest's q35)"));
    assertThat(checkGuest(skylakeA, skylakeB, g).get(0).findings(Axis.MACHINE_TYPE)).isEmpty();
  }

  @Test
  void securityDrivers() {
    // the guest names AppArmor: UNSAFE on an SELinux host
    ModeVerdict named = checkGuest(skylakeA, cascadelake, guest("guest-custom")).get(0);
    assertThat(named.findings(Axis.SECURITY)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(f.message()).contains("an apparmor label", "selinux and dac");
    });
    // no label in the guest: the driver sets differ, RISKY, both ways
    for (ModeVerdict v : checkBothWays(skylakeA, cascadelake)) {
      assertThat(v.findings(Axis.SECURITY)).singleElement()
          .satisfies(f -> assertThat(f.severity()).isEqualTo(Safety.RISKY));
    }
    assertThat(check(skylakeA, icelake)).allSatisfy(
        v -> assertThat(v.findings(Axis.SECURITY)).isEmpty());
  }

  @Test
  void hugePagesAndNumaNodes() {
    var g = guest("guest-custom");
    // 16 GiB on 1 GiB pages: cascadelake reserves none
    ModeVerdict toCascadelake = checkGuest(skylakeA, cascadelake, g).get(0);
    assertThat(toCascadelake.findings(Axis.MEMORY)).singleElement().satisfies(f -> assertThat(
        f.message()).isEqualTo("cascadelake reserves 0 1 GiB pages on node 0-1; the guest needs 16"));
    // a one-node host has no node 1
    ModeVerdict toCoffeelake = checkGuest(skylakeA, coffeelake, g).get(0);
    assertThat(toCoffeelake.findings(Axis.MEMORY)).first().satisfies(f -> assertThat(
        f.message()).startsWith("coffeelake-e2288g has no NUMA node 1"));
    assertThat(checkGuest(skylakeA, icelake, g).get(0).findings(Axis.MEMORY)).isEmpty();
  }

  @Test
  void hostDevicesCannotMigrate() {
    var g = Fixtures.testGuest("hostdev.xml");
    ModeVerdict v = checkGuest(skylakeA, skylakeB, g).get(0);
    assertThat(v.safety()).isEqualTo(Safety.UNSAFE);
    assertThat(v.findings(Axis.DEVICES)).extracting(Finding::message).containsExactly(
        "hostdev (mode=subsystem, type=pci) cannot migrate",
        "interface type='hostdev' cannot migrate");
  }

  @Test
  void passthroughOnTwinsDifferingInMicrocodeOrSupersetIsRisky() {
    // cascadelake is skylake's superset with another stepping and microcode
    ModeVerdict v = verdict(check(skylakeA, cascadelake), GuestMode.HOST_PASSTHROUGH, "skylake-a");
    assertThat(v.findings(Axis.CPU)).extracting(Finding::severity).containsOnly(Safety.RISKY);
    assertThat(v.findings(Axis.CPU).get(0).features())
        .containsExactly("avx512vnni", "rdctl-no", "ibrs-all", "mds-no", "tsx-ctrl");
    assertThat(v.findings(Axis.CPU)).extracting(Finding::message)
        .anyMatch(m -> m.startsWith("the stepping differs (4 on skylake-a, 7 on cascadelake)"))
        .anyMatch(m -> m.startsWith("the microcode differs (0x2007006 on skylake-a"));
  }
}
