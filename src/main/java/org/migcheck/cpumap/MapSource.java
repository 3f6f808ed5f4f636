package org.migcheck.cpumap;

/**
 * Where a cpu_map came from: "bundled", "system" or a path, the layout it was read in, and the
 * libvirt version it belongs to when known.
 */
public record MapSource(String kind, String location, String layout, String libvirtVersion) {

  /** e.g. "bundled cpu_map (libvirt 9.0.0)" or "cpu_map /usr/share/libvirt/cpu_map". */
  public String describe() {
    String where = kind.equals("path") ? "cpu_map " + location : kind + " cpu_map (" + location + ")";
    if (kind.equals("bundled")) {
      where = "bundled cpu_map";
    }
    return libvirtVersion == null ? where : where + " (libvirt " + libvirtVersion + ")";
  }
}
