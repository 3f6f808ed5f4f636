package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.model.CpuDef;

/**
 * The verdict for one guest CPU mode and one direction.
 *
 * @param from the source host's name
 * @param to the destination host's name
 * @param findings why it is not SAFE, most important axis first (empty when SAFE)
 * @param notes facts worth knowing that do not change the verdict (approximations, the way back)
 * @param guestCpu the CPU the guest runs with after starting on the source (host-model: the
 *     source's host-model CPU; custom: the custom CPU after libvirt's start-up update); null for
 *     host-passthrough and when there is none
 */
public record ModeVerdict(
    GuestMode mode,
    String from,
    String to,
    Safety safety,
    List<Finding> findings,
    List<String> notes,
    CpuDef guestCpu) {

  public ModeVerdict {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** The findings of one axis, in order. */
  public List<Finding> findings(Axis axis) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.axis() == axis) {
        out.add(f);
      }
    }
    return out;
  }

  /** Every feature the findings name, in order, without repeats. */
  public List<String> features() {
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      for (String n : f.features()) {
        if (!out.contains(n)) {
          out.add(n);
        }
      }
    }
    return out;
  }
}
