package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migcheck.fleet.gate.Policy;

/**
 * One TSC tolerance for every command: {@code check} (a pinned rate on a host that cannot scale),
 * the fleet summary (hosts beyond the tolerance above the slowest) and a gate policy of the same
 * number of ppm give the same answer for every host.
 */
class TscAxisTest {
  private static final Host BASE = Fixtures.host("skylake-a");

  @Test
  void theToleranceIsInclusive() {
    long slowest = 2_000_000_000L;
    long edge = slowest + slowest / 1_000_000 * TscAxis.TOLERANCE_PPM; // exactly 250 ppm above
    assertThat(TscAxis.ppm(edge, slowest)).isEqualTo(TscAxis.TOLERANCE_PPM);
    assertThat(TscAxis.rateOn(TestHosts.withTscRate(BASE, edge, false), slowest)).isNull();
    assertThat(TscAxis.rateOn(TestHosts.withTscRate(BASE, edge + 1, false), slowest)).isNotNull();
    assertThat(TscAxis.rateOn(TestHosts.withTscRate(BASE, edge + 1, true), slowest)).isNull();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void checkFleetAndGateAgree(long seed) {
    Random r = new Random(seed);
    long slowest = 1_000_000_000L + r.nextInt(2_000_000_000);
    List<Long> rates = new ArrayList<>(List.of(slowest));
    for (int i = 0; i < 40; i++) {
      // around the tolerance, where an off-by-one would show
      long ppm = TscAxis.TOLERANCE_PPM - 5 + r.nextInt(11);
      rates.add(slowest + slowest * ppm / 1_000_000 + r.nextInt(3) - 1);
    }
    TscAxis.FleetTsc<Long> fleet = TscAxis.fleet(rates, hz -> hz, hz -> false);
    Policy.TscSpread policy = new Policy.TscSpread(TscAxis.TOLERANCE_PPM, true);
    assertThat(fleet.minHz()).isEqualTo(slowest);
    int beyond = 0;
    for (long hz : rates) {
      boolean check = TscAxis.rateOn(TestHosts.withTscRate(BASE, hz, false), slowest) != null;
      boolean inFleet = fleet.beyondTolerance().contains(hz);
      boolean gate = !policy.allows(slowest, hz);
      assertThat(inFleet).as(hz + " Hz").isEqualTo(check);
      assertThat(gate).as(hz + " Hz").isEqualTo(check);
      beyond += check ? 1 : 0;
    }
    assertThat(beyond).isBetween(1, rates.size() - 2);
  }
}
