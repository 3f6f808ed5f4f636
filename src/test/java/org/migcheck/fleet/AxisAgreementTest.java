package org.migcheck.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.verdict.Axis;
import org.migcheck.verdict.CheckOptions;
import org.migcheck.verdict.Finding;
import org.migcheck.verdict.GuestMode;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.MigrationChecker;
import org.migcheck.verdict.ModeVerdict;
import org.migcheck.verdict.Safety;

/**
 * {@code check} and {@code fleet} answer host-model reach with the same CPU axis: for every
 * ordered pair of sample hosts, the fleet's migration graph lets host-model guests move exactly
 * when {@code check --mode host-model} finds nothing UNSAFE on the CPU axis.
 */
class AxisAgreementTest {
  private static final MigrationChecker CHECKER = new MigrationChecker(Fleets.ENGINE);
  private static final CheckOptions HOST_MODEL =
      new CheckOptions(List.of(GuestMode.HOST_MODEL), null, null, false);

  @ParameterizedTest(name = "domcapabilities {0}")
  @ValueSource(booleans = {true, false})
  void fleetReachIsCheckReach(boolean domcaps) {
    List<String> names = Fleets.SAMPLE_HOSTS;
    List<String> inputs = Fleets.samples(names, domcaps);
    FleetAnalysis fleet = Fleets.analyse(inputs);
    List<Host> hosts = hosts(names, inputs, domcaps);
    int reachable = 0;
    int unreachable = 0;
    for (int a = 0; a < names.size(); a++) {
      for (int b = 0; b < names.size(); b++) {
        if (a == b) {
          continue;
        }
        ModeVerdict v = CHECKER.check(hosts.get(a), hosts.get(b), HOST_MODEL).get(0);
        boolean check = v.findings(Axis.CPU).stream().noneMatch(f -> f.severity() == Safety.UNSAFE);
        boolean graph = fleet.graph().canMove(classIndex(fleet, names.get(a)),
            classIndex(fleet, names.get(b)));
        assertThat(graph).as(names.get(a) + " -> " + names.get(b) + ": check says "
            + v.findings(Axis.CPU).stream().map(Finding::message).toList()).isEqualTo(check);
        if (check) {
          reachable++;
        } else {
          unreachable++;
        }
      }
    }
    // both answers occur, so the comparison says something either way
    assertThat(reachable).isPositive();
    assertThat(unreachable).isPositive();
  }

  private static List<Host> hosts(List<String> names, List<String> inputs, boolean domcaps) {
    InputReader reader = new InputReader();
    List<Host> out = new ArrayList<>();
    int step = domcaps ? 2 : 1;
    for (int i = 0; i < names.size(); i++) {
      String caps = inputs.get(i * step);
      out.add(new Host(names.get(i),
          (HostCapabilities) reader.readAll(List.of(caps)).get(0),
          domcaps ? (DomainCapabilities) reader.readAll(List.of(inputs.get(i * step + 1))).get(0)
              : null));
    }
    return out;
  }

  private static int classIndex(FleetAnalysis fleet, String host) {
    List<FleetClass> classes = fleet.graph().classes();
    for (int i = 0; i < classes.size(); i++) {
      for (FleetHost h : fleet.hosts(classes.get(i))) {
        if (h.name().endsWith("/" + host + ".xml")) {
          return i;
        }
      }
    }
    throw new AssertionError("no class holds " + host);
  }
}
