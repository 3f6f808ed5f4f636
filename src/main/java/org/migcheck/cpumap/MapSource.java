package org.migcheck.cpumap;

/**
 * Where a cpu_map came from: "bundled", "system" or a path, the layout it was read in, the
 * libvirt version it belongs to when known, and the libvirt whose behaviour migcheck emulates
 * with it when that is another one (a version between bundled maps, or {@code --libvirt} with a
 * map of unknown version).
 */
public record MapSource(
    String kind, String location, String layout, String libvirtVersion, String emulated) {

  public MapSource(String kind, String location, String layout, String libvirtVersion) {
    this(kind, location, layout, libvirtVersion, null);
  }

  /** The libvirt whose rules apply: the emulated one, else the map's own, else null. */
  public String rulesVersion() {
    return emulated != null ? emulated : libvirtVersion;
  }

  public MapSource emulating(String version) {
    return new MapSource(kind, location, layout, libvirtVersion, version);
  }

  /**
   * e.g. "bundled cpu_map (libvirt 9.0.0)", "bundled cpu_map (libvirt 9.0.0, the nearest older
   * bundled map for libvirt 10.0.0)" or "cpu_map /usr/share/libvirt/cpu_map".
   */
  public String describe() {
    String where = kind.equals("path") ? "cpu_map " + location : kind + " cpu_map (" + location + ")";
    if (kind.equals("bundled")) {
      where = "bundled cpu_map";
    }
    if (emulated != null && !emulated.equals(libvirtVersion)) {
      if (libvirtVersion == null) {
        return where + " (emulating libvirt " + emulated + ")";
      }
      String how =
          kind.equals("bundled")
              ? ", the nearest older bundled map for libvirt "
              : ", emulating libvirt ";
      return where + " (libvirt " + libvirtVersion + how + emulated + ")";
    }
    return libvirtVersion == null ? where : where + " (libvirt " + libvirtVersion + ")";
  }
}
