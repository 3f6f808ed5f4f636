package org.migcheck.report;

import java.util.List;
import org.migcheck.fleet.gate.GateResult;
import org.migcheck.fleet.gate.RuleResult;
import org.migcheck.fleet.gate.Violation;

/**
 * {@code migcheck gate --format markdown}: a pull-request comment. The verdict as a heading, the
 * rules as a table, then each broken rule with its violations (details folded away).
 */
public final class GateMarkdown {
  private static final int SHOWN_GROUPS = 30;

  private final GateResult r;
  private final String cpuMap;

  public GateMarkdown(GateResult result, String cpuMap) {
    this.r = result;
    this.cpuMap = cpuMap;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(r.passed() ? "✅" : "❌").append(" migcheck gate: ")
        .append(GateText.verdict(r)).append("\n\n");
    out.append(cell(GateText.scope(r))).append("; ").append(cell(GateText.baselines(r))).append(".\n\n");
    out.append("| rule | checked | failed | what it demands |\n|---|---:|---:|---|\n");
    for (RuleResult rule : r.rules()) {
      out.append("| ").append(rule.failed() ? "❌ " : "✅ ").append('`').append(rule.rule()).append("` | ")
          .append(rule.checked()).append(" | ").append(rule.violations().size()).append(" | ")
          .append(cell(rule.description())).append(" |\n");
    }
    for (RuleResult rule : r.rules()) {
      if (!rule.failed()) {
        continue;
      }
      out.append("\n### ❌ `").append(rule.rule()).append("`: ").append(cell(rule.description())).append("\n\n");
      java.util.Collection<List<Violation>> groups = rule.grouped();
      int shown = 0;
      for (List<Violation> g : groups) {
        if (shown++ == SHOWN_GROUPS) {
          out.append("- … and ").append(groups.size() - SHOWN_GROUPS)
              .append(" more (see the JSON or JUnit report)\n");
          break;
        }
        out.append("- **").append(cell(GateText.subjects(g, rule.aboutGuests()))).append("**: ")
            .append(cell(g.get(0).message())).append('\n');
        List<String> details = g.get(0).details();
        if (!details.isEmpty()) {
          out.append("  <details><summary>details</summary>\n\n  ```\n");
          for (String d : details) {
            out.append("  ").append(d.replace("```", "'''")).append('\n');
          }
          out.append("  ```\n  </details>\n");
        }
      }
    }
    if (!r.notes().isEmpty()) {
      out.append("\n**Notes**\n\n");
      for (String n : r.notes()) {
        out.append("- ").append(cell(n)).append('\n');
      }
    }
    out.append("\n<sub>cpu_map: ").append(cell(cpuMap)).append("</sub>\n");
    return out.toString();
  }

  /** Text safe in a table cell and in running text: no pipes, angle brackets or line ends. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
  }
}
