package org.migcheck.fleet.gate;

import java.util.List;

/**
 * One broken rule for one subject (a host, a guest, or the fleet).
 *
 * @param candidate the subject is a candidate host (new, or a new snapshot of a fleet host)
 * @param message one line for people
 * @param details what the line summarises (features with their hosts, findings...)
 */
public record Violation(String subject, boolean candidate, String message, List<String> details) {
  public Violation {
    details = List.copyOf(details);
  }
}
