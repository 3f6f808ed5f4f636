package org.migcheck.fleet.gate;

import java.util.List;

/**
 * One broken rule for one subject (a host, a guest, or the fleet).
 *
 * @param candidate the subject is a candidate host (new, or a new snapshot of a fleet host)
 * @param message one line for people
 * @param facts what the line summarises (features with their hosts, findings...), as fields
 */
public record Violation(String subject, boolean candidate, String message, List<Detail> facts) {
  public Violation {
    facts = List.copyOf(facts);
  }

  /** The facts as the lines reports print. */
  public List<String> details() {
    return facts.stream().map(Detail::text).toList();
  }
}
