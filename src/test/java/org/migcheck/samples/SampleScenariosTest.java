package org.migcheck.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.engine.CompareResult;
import org.migcheck.engine.Verdict;
import org.migcheck.model.CpuDef;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCapabilities.Machine;
import org.migcheck.verdict.Axis;
import org.migcheck.verdict.CheckOptions;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.MigrationChecker;
import org.migcheck.verdict.ModeVerdict;
import org.migcheck.verdict.Safety;

/** The scenarios samples/README.md promises, checked on the committed files. */
class SampleScenariosTest {

  private static CompareResult compare(String host, CpuDef cpu) {
    return Samples.ENGINE.compare(Samples.hostCpu(host), cpu);
  }

  private static CompareResult hostOnHost(String host, String other) {
    return compare(host, Samples.hostCpu(other));
  }

  @Test
  void skylakeAAndBAreIdentical() throws IOException {
    assertThat(hostOnHost("skylake-a", "skylake-b").verdict()).isEqualTo(Verdict.IDENTICAL);
    assertThat(hostOnHost("skylake-b", "skylake-a").verdict()).isEqualTo(Verdict.IDENTICAL);
    String a = Files.readString(Samples.file("skylake-a.xml"));
    String b = Files.readString(Samples.file("skylake-b.xml"));
    String uuidA = Samples.caps("skylake-a").uuid();
    String uuidB = Samples.caps("skylake-b").uuid();
    assertThat(uuidA).isNotEqualTo(uuidB);
    assertThat(a.replace(uuidA, "UUID")).isEqualTo(b.replace(uuidB, "UUID"));
  }

  @Test
  void skylakeToCascadelakeWorksOneWayOnly() {
    assertThat(hostOnHost("cascadelake", "skylake-a").verdict()).isEqualTo(Verdict.SUPERSET);
    CompareResult back = hostOnHost("skylake-a", "cascadelake");
    assertThat(back.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(back.features())
        .contains("avx512vnni", "arch-capabilities", "rdctl-no", "mds-no", "tsx-ctrl");
  }

  @Test
  void icelakeHasTsxDisabled() {
    CpuDef icx = Samples.hostCpu("icelake-notsx");
    assertThat(icx.model()).isEqualTo("Icelake-Server-noTSX");
    assertThat(Samples.MAP.presentFeatures(Samples.X86.effectiveBits(icx)))
        .extracting(f -> f.name())
        .doesNotContain("hle", "rtm");
    CompareResult skx = hostOnHost("icelake-notsx", "skylake-a");
    assertThat(skx.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(skx.features()).contains("hle", "rtm");
    // the custom guest disables TSX, so it fits the Ice Lake host too
    assertThat(compare("icelake-notsx", Samples.guestCpu("guest-custom")).verdict())
        .isEqualTo(Verdict.SUPERSET);
  }

  @Test
  void customGuestFitsTheXeonScalableHostsOnly() {
    CpuDef guest = Samples.guestCpu("guest-custom");
    for (String ok : List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx")) {
      assertThat(compare(ok, guest).verdict()).as(ok).isEqualTo(Verdict.SUPERSET);
    }
    for (String no : List.of("broadwell", "coffeelake-e2288g", "epyc-rome")) {
      assertThat(compare(no, guest).verdict()).as(no).isEqualTo(Verdict.INCOMPATIBLE);
    }
  }

  @Test
  void intelAndAmdDoNotMix() {
    CompareResult toAmd = hostOnHost("epyc-rome", "skylake-a");
    assertThat(toAmd.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(toAmd.reason()).isEqualTo(CompareResult.Reason.VENDOR);
    assertThat(hostOnHost("skylake-a", "epyc-rome").reason())
        .isEqualTo(CompareResult.Reason.VENDOR);
  }

  @Test
  void tscRatesDifferAndOnlySomeHostsCanScale() {
    var skx = Samples.caps("skylake-a").cpu().counter();
    var bdw = Samples.caps("broadwell").cpu().counter();
    assertThat(skx.frequency()).isEqualTo(2_394_374_000L);
    assertThat(skx.scaling()).isTrue();
    assertThat(bdw.frequency()).isEqualTo(2_199_998_000L);
    assertThat(bdw.scaling()).isFalse();
    // far beyond QEMU's 250 ppm tolerance
    assertThat(Math.abs(skx.frequency() - bdw.frequency()) * 1_000_000 / skx.frequency())
        .isGreaterThan(250);
    assertThat(Samples.caps("skylake-b").cpu().counter()).isEqualTo(skx);
    for (String h : Samples.HOSTS) {
      assertThat(Samples.hostCpu(h).features()).extracting(f -> f.name()).contains("invtsc");
    }
    DomainDef pt = Samples.guest("guest-passthrough");
    assertThat(pt.clock().timers())
        .anySatisfy(t -> assertThat(t.toString()).contains("tsc").contains("2394374000"));
  }

  @Test
  void physicalAddressBits() {
    assertThat(Samples.caps("skylake-a").cpu().maxPhysAddr().bits()).isEqualTo(46);
    assertThat(Samples.caps("coffeelake-e2288g").cpu().maxPhysAddr().bits()).isEqualTo(39);
    assertThat(Samples.caps("epyc-rome").cpu().maxPhysAddr().bits()).isEqualTo(43);
    assertThat(Samples.domcaps("coffeelake-e2288g").cpu().hostModel().maxPhysAddr().limit())
        .isEqualTo(39);
  }

  @Test
  void broadwellLacksTheGuestsMachineType() {
    assertThat(Samples.guest("guest-custom").os().machine()).isEqualTo("pc-q35-7.2");
    assertThat(machines("broadwell")).contains("pc-q35-6.2").doesNotContain("pc-q35-7.2");
    for (String h : Samples.HOSTS) {
      if (!h.equals("broadwell")) {
        assertThat(machines(h)).as(h).contains("pc-q35-7.2", "q35", "pc");
      }
    }
  }

  private static Host host(String name) {
    return new Host(name, Samples.caps(name), Samples.domcaps(name));
  }

  @Test
  void aCpuLessGuestMovesBetweenIntelHostsButNotToAmd() {
    DomainDef g = Samples.guest("guest-no-cpu");
    assertThat(g.cpu()).isNull();
    MigrationChecker checker = new MigrationChecker(Samples.ENGINE);
    List<ModeVerdict> same = checker.check(host("skylake-a"), host("skylake-b"),
        new CheckOptions(List.of(), g, null, true));
    assertThat(same).extracting(ModeVerdict::safety).containsExactly(Safety.SAFE, Safety.SAFE);
    List<ModeVerdict> cross = checker.check(host("skylake-a"), host("epyc-rome"),
        new CheckOptions(List.of(), g, null, true));
    assertThat(cross).allSatisfy(v -> assertThat(v.findings(Axis.CPU))
        .anySatisfy(f -> assertThat(f.message()).startsWith("the vendor changes under a running guest")));
    assertThat(cross.get(1).findings(Axis.CPU)).anySatisfy(f -> assertThat(f.features()).containsExactly("svm"));
  }

  @Test
  void securityDrivers() {
    assertThat(secModels("skylake-a")).containsExactly("apparmor", "dac");
    assertThat(secModels("cascadelake")).containsExactly("selinux", "dac");
    assertThat(secModels("epyc-rome")).containsExactly("selinux", "dac");
    assertThat(dacLabel("broadwell")).isEqualTo("+0:+0");
    assertThat(dacLabel("cascadelake")).isEqualTo("+107:+107");
    assertThat(Samples.guest("guest-custom").secLabels())
        .extracting(DomainDef.SecLabel::model)
        .containsExactly("apparmor");
  }

  private static List<String> machines(String host) {
    HostCapabilities caps = Samples.caps(host);
    return caps.guests().stream()
        .filter(g -> g.arch().name().equals("x86_64"))
        .flatMap(g -> g.arch().machines().stream())
        .map(Machine::name)
        .toList();
  }

  private static List<String> secModels(String host) {
    return Samples.caps(host).secModels().stream().map(HostCapabilities.SecModel::model).toList();
  }

  private static String dacLabel(String host) {
    return Samples.caps(host).secModels().stream()
        .filter(s -> s.model().equals("dac"))
        .findFirst()
        .orElseThrow()
        .baseLabels()
        .get(0)
        .label();
  }
}
