package org.migcheck.fleet;

import java.util.List;
import org.migcheck.cpumap.Bits;

/**
 * What a host-passthrough guest sees of a host CPU: vendor, signature and the fully expanded
 * feature set. For x86 the features are the map's bits (model and listed features together), so
 * two listings of the same CPU are equal; other arches keep the sorted feature names.
 */
public record CpuIdentity(
    String arch,
    String vendor,
    Integer family,
    Integer model,
    Integer stepping,
    Bits bits,
    List<String> otherFeatures) {
  public CpuIdentity {
    otherFeatures = List.copyOf(otherFeatures);
  }
}
