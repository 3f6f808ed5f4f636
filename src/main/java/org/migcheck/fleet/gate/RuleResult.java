package org.migcheck.fleet.gate;

import java.util.List;

/**
 * A rule checked on every subject it applies to: what broke, and who passed (so that reports can
 * list a test case per rule and subject without keeping one object per passing host).
 *
 * @param rule the rule's key, e.g. "min-level" or "guest-start"
 * @param description what the rule demands, e.g. "every host reaches x86-64-v3"
 * @param passed the subjects that pass, in order
 * @param seconds how long checking it took
 */
public record RuleResult(
    String rule, String description, List<Violation> violations, List<String> passed, double seconds) {
  public RuleResult {
    violations = List.copyOf(violations);
    passed = List.copyOf(passed);
  }

  public RuleResult(String rule, String description, List<Violation> violations, List<String> passed) {
    this(rule, description, violations, passed, 0);
  }

  /** The same result with its time. */
  RuleResult timed(double s) {
    return new RuleResult(rule, description, violations, passed, s);
  }

  /**
   * The violations grouped by message and details (hosts of one class break a CPU rule the same
   * way), in order of first appearance.
   */
  public java.util.Collection<List<Violation>> grouped() {
    java.util.Map<List<String>, List<Violation>> out = new java.util.LinkedHashMap<>();
    for (Violation v : violations) {
      List<String> key = new java.util.ArrayList<>(v.details());
      key.add(v.message());
      out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(v);
    }
    return out.values();
  }

  /** Whether the subjects are guests rather than hosts. */
  public boolean aboutGuests() {
    return rule.startsWith("guest-");
  }

  public boolean failed() {
    return !violations.isEmpty();
  }

  public int checked() {
    return violations.size() + passed.size();
  }
}
