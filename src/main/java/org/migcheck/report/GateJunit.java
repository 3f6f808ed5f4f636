package org.migcheck.report;

import java.util.Locale;
import org.migcheck.fleet.gate.GateResult;
import org.migcheck.fleet.gate.RuleResult;
import org.migcheck.fleet.gate.Violation;
import org.migcheck.model.CpuXml;

/**
 * {@code migcheck gate --format junit}: the JUnit XML that CI systems (GitLab, Jenkins, GitHub
 * test reporters) show natively. One {@code <testsuite>} per rule, one {@code <testcase>} per
 * rule and subject (host, guest or the fleet), a {@code <failure message type>} for each
 * violation with its details as text.
 */
public final class GateJunit {
  private final GateResult r;
  private final double seconds;
  private final boolean times;

  /** @param seconds the whole run, reported on {@code <testsuites>} */
  public GateJunit(GateResult result, double seconds) {
    this(result, seconds, true);
  }

  /**
   * @param times false writes every {@code time} attribute as 0, so that the same inputs give
   *     the same bytes (measured times differ run to run)
   */
  public GateJunit(GateResult result, double seconds, boolean times) {
    this.r = result;
    this.seconds = seconds;
    this.times = times;
  }

  public String render() {
    int tests = r.rules().stream().mapToInt(RuleResult::checked).sum();
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"migcheck gate\" tests=\"").append(tests)
        .append("\" failures=\"").append(r.violations())
        .append("\" errors=\"0\" skipped=\"0\" time=\"").append(time(seconds)).append("\">\n");
    for (RuleResult rule : r.rules()) {
      out.append("  <testsuite name=\"").append(attr(rule.rule()))
          .append("\" tests=\"").append(rule.checked())
          .append("\" failures=\"").append(rule.violations().size())
          .append("\" errors=\"0\" skipped=\"0\" time=\"").append(time(rule.seconds())).append("\">\n");
      out.append("    <properties><property name=\"description\" value=\"")
          .append(attr(rule.description())).append("\"/></properties>\n");
      String classname = "migcheck.gate." + rule.rule().replace(' ', '.');
      for (Violation v : rule.violations()) {
        out.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"")
            .append(attr(v.subject())).append("\" time=\"0\">\n");
        out.append("      <failure message=\"").append(attr(v.message())).append("\" type=\"")
            .append(attr(rule.rule())).append("\">")
            .append(text(v.message() + (v.candidate() ? " (candidate host)" : "")
                + (v.details().isEmpty() ? "" : "\n" + String.join("\n", v.details()))))
            .append("</failure>\n");
        out.append("    </testcase>\n");
      }
      for (String subject : rule.passed()) {
        out.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"")
            .append(attr(subject)).append("\" time=\"0\"/>\n");
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
    return out.toString();
  }

  private String time(double s) {
    return times ? String.format(Locale.ROOT, "%.3f", s) : "0";
  }

  private static String attr(String s) {
    return CpuXml.escape(legal(s)).replace("\n", "&#10;");
  }

  private static String text(String s) {
    return CpuXml.escape(legal(s));
  }

  /** XML 1.0 allows no control characters but tab and line ends. */
  private static String legal(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '?' : c);
    }
    return sb.toString();
  }
}
