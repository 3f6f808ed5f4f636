package org.migcheck.engine;

import org.migcheck.model.FeaturePolicy;

/** The selectors of libvirt's x86ModelFromCPU: one policy, or ALL (the effective feature set). */
enum X86Policy {
  FORCE(FeaturePolicy.FORCE),
  REQUIRE(FeaturePolicy.REQUIRE),
  OPTIONAL(FeaturePolicy.OPTIONAL),
  DISABLE(FeaturePolicy.DISABLE),
  FORBID(FeaturePolicy.FORBID),
  ALL(null);

  final FeaturePolicy policy;

  X86Policy(FeaturePolicy policy) {
    this.policy = policy;
  }
}
