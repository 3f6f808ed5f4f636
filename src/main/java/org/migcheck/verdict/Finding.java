package org.migcheck.verdict;

import java.util.List;
import java.util.Objects;

/**
 * One reason a migration is not SAFE.
 *
 * @param message a sentence for people, naming the hosts involved
 * @param features CPU feature names the finding is about (libvirt names, map order), often empty
 */
public record Finding(Axis axis, Safety severity, String message, List<String> features) {
  public Finding {
    Objects.requireNonNull(axis);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(message);
    features = List.copyOf(features);
  }

  public Finding(Axis axis, Safety severity, String message) {
    this(axis, severity, message, List.of());
  }
}
