package org.migcheck.report.html;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.fleet.gate.GateResult;
import org.migcheck.fleet.gate.RuleResult;
import org.migcheck.fleet.gate.Violation;
import org.migcheck.report.GateText;

/**
 * {@code migcheck gate --format html}: a CI artifact, from the fleet report's templates (same page
 * frame and style). The verdict, the rules as a table, then each broken rule with every violation
 * (subjects and details folded away).
 */
public final class GateHtml {
  private final GateResult r;
  private final String cpuMap;

  public GateHtml(GateResult result, String cpuMap) {
    this.r = result;
    this.cpuMap = cpuMap;
  }

  public String render() {
    return Templates.render("gate", new Page(this));
  }

  public record Rule(String rule, int checked, int failed, String description, String css) {}

  public record Group(String subjects, List<String> names, String message, List<String> details) {}

  public record Broken(String rule, String description, List<Group> groups) {}

  /** Everything gate.mustache shows. */
  public static final class Page {
    public final String title = "migcheck gate report";
    public final boolean passed;
    public final String verdict;
    public final String scope;
    public final String baselines;
    public final String cpuMap;
    public final List<Rule> rules = new ArrayList<>();
    public final List<Broken> broken = new ArrayList<>();
    public final List<String> notes;

    Page(GateHtml g) {
      GateResult r = g.r;
      passed = r.passed();
      verdict = GateText.verdict(r);
      scope = GateText.scope(r);
      baselines = GateText.baselines(r);
      cpuMap = g.cpuMap;
      notes = r.notes();
      for (RuleResult rule : r.rules()) {
        rules.add(new Rule(rule.rule(), rule.checked(), rule.violations().size(), rule.description(),
            rule.failed() ? "unsafe" : "safe"));
        if (!rule.failed()) {
          continue;
        }
        List<Group> groups = new ArrayList<>();
        for (List<Violation> vs : rule.grouped()) {
          groups.add(new Group(GateText.subjects(vs, rule.aboutGuests()),
              vs.size() > 1
                  ? vs.stream().map(v -> v.subject() + (v.candidate() ? " (candidate)" : "")).toList()
                  : List.of(),
              vs.get(0).message(), vs.get(0).details()));
        }
        broken.add(new Broken(rule.rule(), rule.description(), groups));
      }
    }
  }
}
