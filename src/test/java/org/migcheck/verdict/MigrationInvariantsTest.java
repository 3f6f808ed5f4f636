package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.migcheck.fleet.gen.FleetMix;

/** Properties that hold for any host or host set, on the samples and on generated fleets. */
class MigrationInvariantsTest {

  static Stream<String> sampleHosts() {
    return Fixtures.HOSTS.stream();
  }

  private static void assertAllSafe(Host h) {
    List<ModeVerdict> vs = Fixtures.checkBothWays(h, h);
    assertThat(vs).hasSize(6);
    for (ModeVerdict v : vs) {
      assertThat(v.findings()).as(h.name() + " " + v.mode()).isEmpty();
      assertThat(v.safety()).isEqualTo(Safety.SAFE);
    }
  }

  @ParameterizedTest
  @MethodSource("sampleHosts")
  void aSampleHostMigratesToItself(String name) {
    assertAllSafe(Fixtures.host(name));
    assertAllSafe(Fixtures.capsOnly(name));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13})
  void aGeneratedHostMigratesToItself(long seed) {
    for (Host h : Fixtures.generated(seed, FleetMix.DEFAULT, 4)) {
      assertAllSafe(h);
      assertAllSafe(new Host(h.name(), h.caps()));
    }
  }

  /** Either a suggestion every host runs, or none because the vendors differ. */
  private static void assertSuggestionFits(List<Host> hosts) {
    Suggestion s = Fixtures.SUGGESTER.suggest(hosts, SuggestOptions.DEFAULT);
    boolean oneVendor = hosts.stream().map(Host::vendor).distinct().count() == 1;
    if (!oneVendor) {
      assertThat(s.ok()).isFalse();
      assertThat(s.problems()).anyMatch(p -> p.contains("CPU vendors do not match"));
      return;
    }
    assertThat(s.ok()).as(String.join(",", s.problems())).isTrue();
    assertThat(s.hosts()).hasSize(hosts.size());
    for (Host h : hosts) {
      var r = Fixtures.ENGINE.compare(GuestVisibleCpu.of(h, Fixtures.ENGINE).cpu(), s.cpu());
      assertThat(r.verdict().compatible()).as(h.name() + ": " + r.message()).isTrue();
      assertThat(Fixtures.CHECKER.canStart(s.cpu(), h)).as(h.name()).isTrue();
      assertThat(s.physBits()).isLessThanOrEqualTo(h.physBits());
    }
    assertThat(s.cpu().features()).extracting(f -> f.name()).doesNotContain("invtsc");
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void aSuggestionFitsRandomSampleSets(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Host> all = Fixtures.HOSTS.stream()
        .map(n -> r.nextBoolean() ? Fixtures.host(n) : Fixtures.capsOnly(n))
        .toList();
    List<Host> pick = new ArrayList<>();
    for (Host h : all) {
      if (r.nextInt(100) < 45) {
        pick.add(h);
      }
    }
    if (pick.isEmpty()) {
      pick.add(all.get(r.nextInt(all.size())));
    }
    assertSuggestionFits(pick);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24})
  void aSuggestionFitsGeneratedFleets(long seed) {
    List<Host> intel = Fixtures.generated(seed, FleetMix.INTEL, 12);
    assertSuggestionFits(intel);
    List<Host> mixed = Fixtures.generated(seed, FleetMix.DEFAULT, 8);
    assertSuggestionFits(mixed);
    // each vendor on its own always gets one
    for (String vendor : List.of("Intel", "AMD")) {
      List<Host> same = mixed.stream().filter(h -> Objects.equals(h.vendor(), vendor)).toList();
      if (!same.isEmpty()) {
        assertSuggestionFits(same);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32})
  void theSuggestionOfTwoHostsMovesBothWays(long seed) {
    List<Host> hosts = Fixtures.generated(seed, FleetMix.INTEL, 6);
    IntStream.range(0, hosts.size() - 1).forEach(i -> {
      Host a = hosts.get(i);
      Host b = hosts.get(i + 1);
      List<ModeVerdict> vs = Fixtures.CHECKER.check(a, b,
          new CheckOptions(List.of(GuestMode.CUSTOM), null, null, true));
      for (ModeVerdict v : vs) {
        assertThat(v.findings(Axis.CPU)).as(a.name() + "/" + b.name()).isEmpty();
        assertThat(v.findings(Axis.PHYS_BITS)).isEmpty();
      }
    });
  }

  /**
   * All modes at once (the custom CPU worked out on a second thread) give exactly the verdicts of
   * each mode judged alone, in mode order, for random pairs of sample and generated hosts.
   */
  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43})
  void allModesAtOnceAreEachModeAlone(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Host> pool = new ArrayList<>(Fixtures.generated(seed, FleetMix.INTEL, 3));
    Fixtures.HOSTS.forEach(n -> pool.add(Fixtures.host(n)));
    for (int n = 0; n < 4; n++) {
      Host a = pool.get(r.nextInt(pool.size()));
      Host b = pool.get(r.nextInt(pool.size()));
      boolean both = r.nextBoolean();
      List<ModeVerdict> together = Fixtures.CHECKER.check(a, b, new CheckOptions(List.of(
          GuestMode.HOST_PASSTHROUGH, GuestMode.HOST_MODEL, GuestMode.CUSTOM), null, null, both));
      List<ModeVerdict> alone = new ArrayList<>();
      for (GuestMode m : List.of(GuestMode.HOST_PASSTHROUGH, GuestMode.HOST_MODEL, GuestMode.CUSTOM)) {
        alone.addAll(Fixtures.CHECKER.check(a, b, new CheckOptions(List.of(m), null, null, both)));
      }
      assertThat(together).as(a.name() + " -> " + b.name()).isEqualTo(alone);
    }
  }
}
