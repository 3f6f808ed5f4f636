package org.migcheck.cpumap;

import java.util.List;

/**
 * A named CPU model, with inheritance resolved: {@code bits} holds all its feature bits (own and
 * inherited, minus nothing: models only add). Removed features are not in {@code bits}.
 *
 * <p>Features marked {@code added='yes'} (the vmx-* features newer maps add to existing models)
 * are kept in {@code addedFeatures} and left out of {@code bits}: only then do libvirt's stored
 * results for the newest map reproduce (cputest's compare of exact-disable2 and
 * exact-force-Haswell, the host decodes of Xeon-Platinum-9242, Xeon-Gold-6530 and Xeon-6788P).
 */
public record CpuModel(
    String name,
    int index,
    String ancestor,
    Vendor vendor,
    List<Signature> signatures,
    boolean decodeHost,
    boolean decodeGuest,
    Bits bits,
    List<Feature> removedFeatures,
    List<Feature> addedFeatures,
    String checkPartial,
    List<Pvr> pvrs) {

  public CpuModel {
    signatures = List.copyOf(signatures);
    removedFeatures = List.copyOf(removedFeatures);
    addedFeatures = List.copyOf(addedFeatures);
    pvrs = List.copyOf(pvrs);
  }

  public boolean matchesSignature(int family, int model, int stepping) {
    for (Signature s : signatures) {
      if (s.matches(family, model, stepping)) {
        return true;
      }
    }
    return false;
  }
}
