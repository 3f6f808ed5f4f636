package org.migcheck.cli;

import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.engine.CpuEngine;
import picocli.CommandLine.Option;

/** Options every command has. */
public final class CommonOptions {
  @Option(
      names = "--cpu-map",
      paramLabel = "MAP",
      defaultValue = "bundled",
      description =
          "cpu_map to use: bundled (the newest bundled map, libvirt ${bundled.libvirt:-12.8.0},"
              + " default; see --libvirt), system (/usr/share/libvirt/cpu_map), or a path to a"
              + " cpu_map directory or an old single-file cpu_map.xml. Wins over --libvirt's map.")
  String cpuMap;

  @Option(
      names = "--libvirt",
      paramLabel = "VERSION",
      description =
          "Emulate this libvirt (11.3, 11.3.0...): its bundled cpu_map and its CPU rules. A"
              + " version between bundled ones uses the nearest older bundled map (reports say so).")
  String libvirt;

  @Option(names = "--debug", description = "Show stack traces for errors.")
  boolean debug;

  private CpuEngine engine;

  public CpuMaps maps() {
    return engine().maps();
  }

  public CpuEngine engine() {
    if (engine == null) {
      engine = new CpuEngine(loadMaps());
    }
    return engine;
  }

  /**
   * The engine for a mixed fleet whose oldest libvirt is {@code oldest}: that libvirt's bundled
   * map, so suggestions only use names (and definitions) it knows; --libvirt and --cpu-map win.
   */
  public CpuEngine engineForOldest(org.migcheck.cpumap.LibvirtVersion oldest) {
    if (oldest == null || !defaultMap()) {
      return engine();
    }
    return new CpuEngine(CpuMapLoader.forLibvirt(oldest.toString(), "--host-libvirt"));
  }

  /** Neither --libvirt nor --cpu-map chose the map: each host's own libvirt may be emulated. */
  public boolean defaultMap() {
    return libvirt == null && (cpuMap == null || cpuMap.equals("bundled"));
  }

  /**
   * The map: --libvirt's bundled one unless --cpu-map names another; a map of unknown version
   * emulates --libvirt, else the newest bundled libvirt, so every report names a libvirt.
   */
  private CpuMaps loadMaps() {
    boolean defaultMap = cpuMap == null || cpuMap.equals("bundled");
    if (defaultMap && libvirt != null) {
      return CpuMapLoader.forLibvirt(libvirt, "--libvirt");
    }
    CpuMaps m = CpuMapLoader.load(cpuMap);
    if (libvirt != null) {
      return m.emulating(
          org.migcheck.cpumap.LibvirtVersion.parse(libvirt, "--libvirt").toString());
    }
    if (m.source().rulesVersion() == null) {
      java.util.List<String> all = CpuMapLoader.bundledVersions();
      return m.emulating(all.get(all.size() - 1));
    }
    return m;
  }
}
