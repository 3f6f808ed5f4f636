package org.migcheck.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.CpuEngine;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.fleet.gen.FleetMix;
import org.migcheck.fleet.gen.CpuNamer;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.testing.SharedData;

/** Fleets for tests: the samples, generated fleets, and loading them. */
final class Fleets {
  private Fleets() {}

  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));

  static final List<String> SAMPLE_HOSTS =
      List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell",
          "coffeelake-e2288g", "epyc-rome");

  static String sample(String file) {
    return SharedData.repo().resolve("samples").resolve(file).toString();
  }

  /**
   * Each sample host's capabilities and domcapabilities, host by host. Without domcapabilities the
   * capabilities are copies in a directory of their own: in samples/ each has its domcapabilities
   * beside it, which every command pairs.
   */
  static List<String> samples(List<String> hosts, boolean domcaps) {
    List<String> out = new ArrayList<>();
    for (String h : hosts) {
      out.add(domcaps ? sample(h + ".xml") : capsAlone(h + ".xml"));
      if (domcaps) {
        out.add(sample(h + "-domcaps.xml"));
      }
    }
    return out;
  }

  private static Path capsAlone;

  private static synchronized String capsAlone(String file) {
    try {
      if (capsAlone == null) {
        capsAlone = Files.createTempDirectory("migcheck-caps-alone");
        capsAlone.toFile().deleteOnExit();
      }
      Path copy = capsAlone.resolve(file);
      if (!Files.exists(copy)) {
        Files.copy(Path.of(sample(file)), copy);
        copy.toFile().deleteOnExit();
      }
      return copy.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Fleet load(List<String> inputs) {
    return load(new FleetRegistry(ENGINE), inputs, 2);
  }

  static Fleet load(FleetRegistry registry, List<String> inputs, int threads) {
    List<FleetHost> hosts =
        new FleetLoader(registry, new FleetReader(() -> System.in, threads)).load(inputs);
    return new Fleet(registry, hosts);
  }

  static FleetAnalysis analyse(List<String> inputs) {
    return new FleetAnalysis(ENGINE, load(inputs));
  }

  /** A generated fleet, one file per host (and its domcapabilities) in {@code dir}. */
  static Path generate(Path dir, long seed, int hosts, boolean domcaps, boolean intelOnly) {
    try {
      new FleetGenerator(seed, intelOnly ? FleetMix.INTEL : FleetMix.DEFAULT, CpuNamer.bundled())
          .write(hosts, new FleetGenerator.Output(dir, null, domcaps));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class of the host whose source ends with {@code name}. */
  static FleetClass classOf(Fleet fleet, String name) {
    return fleet.hosts().stream()
        .filter(h -> h.name().endsWith(name))
        .findFirst()
        .orElseThrow()
        .fleetClass();
  }
}
