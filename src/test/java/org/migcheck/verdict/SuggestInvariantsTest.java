package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.fleet.gen.FleetMix;

/**
 * The suggestion is verified on every host, over many seeded generated fleets: for hosts of one
 * vendor it exists, libvirt's compare accepts it on each host, the host can start it, and it asks
 * for no more address bits than any host has; hosts of two vendors get no suggestion.
 */
class SuggestInvariantsTest {
  static LongStream seeds() {
    return LongStream.range(100, 180);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theSuggestionRunsOnEveryHost(long seed) {
    List<Host> mixed = Fixtures.generated(seed, FleetMix.DEFAULT, 6);
    check(mixed);
    for (String vendor : List.of("Intel", "AMD")) {
      List<Host> same = mixed.stream().filter(h -> Objects.equals(h.vendor(), vendor)).toList();
      if (!same.isEmpty()) {
        check(same);
      }
    }
  }

  private static void check(List<Host> hosts) {
    Suggestion s = Fixtures.SUGGESTER.suggest(hosts, SuggestOptions.DEFAULT);
    if (hosts.stream().map(Host::vendor).distinct().count() > 1) {
      assertThat(s.ok()).isFalse();
      return;
    }
    assertThat(s.ok()).as(String.join("; ", s.problems())).isTrue();
    for (Host h : hosts) {
      var r = Fixtures.ENGINE.compare(GuestVisibleCpu.of(h, Fixtures.ENGINE).cpu(), s.cpu());
      assertThat(r.verdict().compatible()).as(h.name() + ": " + r.message()).isTrue();
      assertThat(Fixtures.CHECKER.canStart(s.cpu(), h)).as(h.name()).isTrue();
      if (h.physBits() != null) {
        assertThat(s.physBits()).isLessThanOrEqualTo(h.physBits());
      }
    }
  }
}
