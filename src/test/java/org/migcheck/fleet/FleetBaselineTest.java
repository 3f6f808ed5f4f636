package org.migcheck.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.engine.BaselineOptions;
import org.migcheck.fleet.FleetBaselines.Baseline;
import org.migcheck.fleet.FleetBaselines.HoldBack;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuType;
import org.migcheck.model.CpuXml;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.verdict.GuestVisibleCpu;

/**
 * The fleet baseline is libvirt's baseline over every host's guest-visible CPU (its
 * domcapabilities host-model, else libvirt's derivation through KVM's masks), computed over the
 * classes.
 */
class FleetBaselineTest {
  @TempDir Path tmp;

  /**
   * What virsh cpu-baseline gives for the guest-visible CPUs of all the hosts, in this order: the
   * XML or the error. A capabilities file stands for its host CPU's guest-visible CPU, a
   * domcapabilities file for its host-model (it replaces the capabilities file before it).
   */
  private static String overAllHosts(List<String> files) {
    List<CpuDef> cpus = new ArrayList<>();
    InputReader reader = new InputReader();
    for (String f : files) {
      ParsedDocument d = reader.readAll(List.of(f)).get(0);
      if (d instanceof DomainCapabilities dc) {
        cpus.set(cpus.size() - 1, dc.hostModelCpuDef().withArch(dc.arch()));
        continue;
      }
      for (CpuDef c : reader.extractCpus(f, CpuType.HOST)) {
        GuestVisibleCpu v = GuestVisibleCpu.of(null, c.arch(), c, Fleets.ENGINE);
        cpus.add(v == null ? c : v.cpu());
      }
    }
    try {
      return CpuXml.format(Fleets.ENGINE.baseline(cpus, BaselineOptions.DEFAULT));
    } catch (InputException e) {
      return e.getMessage();
    }
  }

  private static String overClasses(Baseline b) {
    return b.ok() ? CpuXml.format(b.cpu()) : b.error();
  }

  private static List<String> capsFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(Path::toString).filter(n -> !n.endsWith("-domcaps.xml")).sorted().toList();
    }
  }

  @Test
  void equalsTheBaselineOverEveryHostInAnyOrder() throws IOException {
    Random random = new Random(5);
    int successes = 0;
    for (int seed = 1; seed <= 4; seed++) {
      Path dir = Fleets.generate(tmp.resolve("f" + seed), seed, 50, false, seed % 2 == 0);
      List<String> files = new ArrayList<>(capsFiles(dir));
      for (int order = 0; order < 3; order++) {
        Baseline b = new FleetBaselines(Fleets.ENGINE, Fleets.load(files)).overall();
        assertThat(overClasses(b)).as("seed %d order %d", seed, order).isEqualTo(overAllHosts(files));
        successes += b.ok() ? 1 : 0;
        Collections.shuffle(files, random);
      }
    }
    assertThat(successes).as("intel-only fleets have a baseline").isEqualTo(6);
  }

  @Test
  void samplesPerVendor() {
    FleetAnalysis a = Fleets.analyse(Fleets.samples(Fleets.SAMPLE_HOSTS, true));
    FleetBaselines b = a.baselines();
    assertThat(b.overall().ok()).isFalse();
    assertThat(b.overall().error()).isEqualTo("CPU vendors do not match");
    assertThat(b.perVendor()).extracting(Baseline::vendor).containsExactly("Intel", "AMD");
    Baseline intel = b.perVendor().get(0);
    List<String> intelFiles =
        Fleets.samples(List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell",
            "coffeelake-e2288g"), true);
    assertThat(overClasses(intel)).isEqualTo(overAllHosts(intelFiles));
    assertThat(intel.cpu().model()).isEqualTo("Broadwell-noTSX-IBRS");
    assertThat(intel.hosts()).isEqualTo(6);
    // what a class has beyond its vendor's baseline
    FleetClass icelake = Fleets.classOf(a.fleet(), "icelake-notsx.xml");
    assertThat(b.beyondBaseline(icelake)).contains("avx512f", "pku").doesNotContain("sse2");
  }

  /** Each hold-back is the baseline of the other classes, and what it adds to the fleet's. */
  @Test
  void holdBacksAreBaselinesWithoutTheClass() {
    List<String> hosts = List.of("skylake-a", "cascadelake", "icelake-notsx", "broadwell", "coffeelake-e2288g");
    FleetAnalysis a = Fleets.analyse(Fleets.samples(hosts, false));
    List<HoldBack> list = a.baselines().holdBacks();
    assertThat(list).hasSize(5);
    HoldBack top = list.get(0);
    assertThat(top.gains()).isTrue();
    String left = a.hosts(top.classes().get(0)).get(0).name();
    List<String> others = Fleets.samples(hosts, false).stream().filter(f -> !f.equals(left)).toList();
    assertThat(overClasses(top.without())).isEqualTo(overAllHosts(others));
    List<String> gained = Fleets.ENGINE.x86("t").map().presentFeatures(
            top.without().bits().andNot(a.baselines().overall().bits())).stream()
        .map(f -> f.name()).toList();
    assertThat(top.gained()).isEqualTo(gained).isNotEmpty();
    // ranked by what they gain
    for (int i = 1; i < list.size(); i++) {
      assertThat(list.get(i).gained().size()).isLessThanOrEqualTo(list.get(i - 1).gained().size());
    }
    // the Broadwell host (no xsavec, xsaves...) and the early Ice Lake one (no md-clear) hold
    // guests back; what the Coffee Lake host lacks (dca, ...) guests never get anyway
    assertThat(list.subList(0, 2))
        .extracting(h -> h.classes().get(0).cpu().decodedModel())
        .containsExactly("Broadwell-IBRS", "Icelake-Server-noTSX");
    assertThat(list.get(1).gained()).containsExactly("md-clear");
  }

  @Test
  void leavingAVendorOutMakesABaselinePossible() {
    List<String> hosts = List.of("skylake-a", "epyc-rome");
    FleetAnalysis a = Fleets.analyse(Fleets.samples(hosts, false));
    // one class per vendor: each vendor's part is one class, nothing to hold back there
    assertThat(a.baselines().perVendor()).hasSize(2).allSatisfy(b -> assertThat(b.ok()).isTrue());
    assertThat(a.baselines().holdBacks()).isEmpty();
  }
}
