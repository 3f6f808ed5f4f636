package org.migcheck.engine;

import java.util.List;

/**
 * The result of comparing a CPU with a host CPU, with the reason libvirt logs for it.
 *
 * @param reason which check decided (null for IDENTICAL/SUPERSET)
 * @param message libvirt's message, e.g. "Host CPU does not provide required features: svm"
 * @param features the features the message names, in map order
 * @param extras for SUPERSET, what the host has beyond the CPU, in map order
 */
public record CompareResult(
    Verdict verdict, Reason reason, String message, List<String> features, List<String> extras) {

  public CompareResult {
    features = List.copyOf(features);
    extras = List.copyOf(extras);
  }

  /** Why a CPU is incompatible. */
  public enum Reason {
    UNKNOWN_HOST,
    ARCH,
    VENDOR,
    FORBIDDEN_FEATURES,
    MISSING_FEATURES,
    STRICT_EXTRA_FEATURES,
    MODEL
  }

  static CompareResult incompatible(Reason reason, String message, List<String> features) {
    return new CompareResult(Verdict.INCOMPATIBLE, reason, message, features, List.of());
  }
}
