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
          "cpu_map to use: bundled (libvirt ${bundled.libvirt:-9.0.0}, default), system"
              + " (/usr/share/libvirt/cpu_map), or a path to a cpu_map directory or an old"
              + " single-file cpu_map.xml.")
  String cpuMap;

  @Option(names = "--debug", description = "Show stack traces for errors.")
  boolean debug;

  private CpuEngine engine;

  public CpuMaps maps() {
    return engine().maps();
  }

  public CpuEngine engine() {
    if (engine == null) {
      engine = new CpuEngine(CpuMapLoader.load(cpuMap));
    }
    return engine;
  }
}
