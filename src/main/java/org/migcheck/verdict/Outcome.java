package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.Bits;
import org.migcheck.model.CpuDef;

/** Collects the findings and notes of one verdict while the checks run. */
final class Outcome {
  final List<Finding> findings = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  /** The CPU the guest runs with on the source (null for host-passthrough). */
  CpuDef guestCpu;
  /** The features the running guest sees, null when unknown. */
  Bits guestBits;

  void add(Axis axis, Safety severity, String message) {
    findings.add(new Finding(axis, severity, message));
  }

  void add(Axis axis, Safety severity, String message, List<String> features) {
    findings.add(new Finding(axis, severity, message, features));
  }

  void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  Safety safety() {
    return Safety.of(findings);
  }
}
