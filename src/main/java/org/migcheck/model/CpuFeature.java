package org.migcheck.model;

/** A {@code <feature>} of a CPU definition; host CPU features have no policy (null). */
public record CpuFeature(String name, FeaturePolicy policy) {
  /** The policy libvirt acts on: a host feature counts as require. */
  public FeaturePolicy effectivePolicy() {
    return policy == null ? FeaturePolicy.REQUIRE : policy;
  }
}
