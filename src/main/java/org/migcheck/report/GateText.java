package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.fleet.FleetBaselines.Baseline;
import org.migcheck.fleet.gate.GateResult;
import org.migcheck.fleet.gate.RuleResult;
import org.migcheck.fleet.gate.Violation;

/**
 * {@code migcheck gate} for a terminal or a CI log: the verdict first, a table of the rules, then
 * every broken rule with its violations (hosts breaking a rule the same way share a line).
 */
public final class GateText {
  private static final int SHOWN_GROUPS = 20;
  private static final int SHOWN_DETAILS = 12;

  private final GateResult r;
  private final String cpuMap;

  public GateText(GateResult result, String cpuMap) {
    this.r = result;
    this.cpuMap = cpuMap;
  }

  /** "gate: PASS ..." or "gate: FAIL ...": the first line of every format. */
  public static String verdict(GateResult r) {
    long broken = r.rules().stream().filter(RuleResult::failed).count();
    return r.passed()
        ? "PASS: every rule holds"
        : "FAIL: " + Units.count(r.violations(), "violation", "violations") + " of "
            + Units.count(broken, "rule", "rules");
  }

  public static String scope(GateResult r) {
    int added = r.candidates().size() - r.updates();
    return r.hostsAfter() + " hosts after the rollout ("
        + Units.count(r.candidates().size(), "candidate", "candidates") + ": "
        + Units.count(r.updates(), "update", "updates") + ", " + added + " new), "
        + Units.count(r.guests(), "guest", "guests");
  }

  public static String baselines(GateResult r) {
    return "baseline " + baseline(r.baselineBefore()) + " -> " + baseline(r.baselineAfter());
  }

  static String baseline(Baseline b) {
    return b.ok() ? FleetText.describe(b) : "none (" + b.error() + ")";
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("gate: ").append(verdict(r)).append('\n');
    out.append(TextLayout.wrap("  " + scope(r) + "; " + baselines(r), 4));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"rule", "checked", "failed", "what it demands"});
    for (RuleResult rule : r.rules()) {
      rows.add(new String[] {rule.rule(), Integer.toString(rule.checked()),
          Integer.toString(rule.violations().size()), rule.description()});
    }
    out.append('\n');
    TextTable.append(out, rows);
    for (RuleResult rule : r.rules()) {
      if (!rule.failed()) {
        continue;
      }
      out.append("\nFAILED ").append(rule.rule()).append(": ").append(rule.description()).append('\n');
      int shown = 0;
      java.util.Collection<List<Violation>> groups = rule.grouped();
      for (List<Violation> g : groups) {
        if (shown++ == SHOWN_GROUPS) {
          out.append("  ... and ").append(groups.size() - SHOWN_GROUPS)
              .append(" more (the JSON and JUnit reports list every violation)\n");
          break;
        }
        out.append(TextLayout.wrap("  " + subjects(g, rule.aboutGuests()) + ": " + g.get(0).message(), 6));
        List<String> details = g.get(0).details();
        for (String d : details.subList(0, Math.min(SHOWN_DETAILS, details.size()))) {
          out.append(TextLayout.wrap("      " + d, 8));
        }
        if (details.size() > SHOWN_DETAILS) {
          out.append("      ... and ").append(details.size() - SHOWN_DETAILS).append(" more\n");
        }
      }
    }
    if (!r.notes().isEmpty()) {
      out.append("\nnotes:\n");
      for (String n : r.notes()) {
        out.append(TextLayout.wrap("  " + n, 4));
      }
    }
    out.append("cpu_map: ").append(cpuMap).append('\n');
    return out.toString();
  }

  /** "host-3 (candidate)", or "812 hosts (host-1, host-2, ... and 808 more)". */
  public static String subjects(List<Violation> vs, boolean guests) {
    List<String> names =
        vs.stream().map(v -> v.subject() + (v.candidate() ? " (candidate)" : "")).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return names.size() + (guests ? " guests (" : " hosts (") + FleetText.abbreviate(names, 4) + ")";
  }

}
