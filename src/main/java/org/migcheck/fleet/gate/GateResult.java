package org.migcheck.fleet.gate;

import java.util.List;
import org.migcheck.fleet.FleetBaselines.Baseline;

/**
 * The verdict of a rollout: every rule with its violations and the subjects that passed.
 *
 * @param hostsBefore the fleet's hosts
 * @param hostsAfter the hosts after the rollout
 * @param candidates the candidate hosts' names
 * @param updates how many candidates replace a fleet host (same uuid)
 * @param baselineBefore the fleet baseline before (whole fleet)
 * @param baselineAfter and after
 * @param guests how many guest definitions were checked
 * @param notes facts that do not fail the gate
 */
public record GateResult(
    int hostsBefore,
    int hostsAfter,
    List<String> candidates,
    int updates,
    Baseline baselineBefore,
    Baseline baselineAfter,
    int guests,
    List<RuleResult> rules,
    List<String> notes) {

  public GateResult {
    candidates = List.copyOf(candidates);
    rules = List.copyOf(rules);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return rules.stream().noneMatch(RuleResult::failed);
  }

  public int violations() {
    return rules.stream().mapToInt(r -> r.violations().size()).sum();
  }
}
