package org.migcheck.engine;

import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.LibvirtVersion;

/**
 * Where libvirt's CPU code (not only its cpu_map) differs between releases; the release comes
 * from the map's source (the bundled map's version, or the one {@code --libvirt} emulates).
 */
final class LibvirtRules {
  private LibvirtRules() {}

  /**
   * Before libvirt 8.4.0 ("Improve heuristics for computing baseline CPU models" in its NEWS)
   * x86Decode kept the model with the shortest feature list, and a baseline preferred an input
   * model only when all inputs named the same one. A map of unknown version gets today's rules.
   */
  static boolean shortestFeatureList(CpuMap map) {
    LibvirtVersion v = LibvirtVersion.parseOrNull(map.source().rulesVersion());
    return v != null && v.isOlderThan(LibvirtVersion.SCORED_MODEL_CHOICE);
  }
}
