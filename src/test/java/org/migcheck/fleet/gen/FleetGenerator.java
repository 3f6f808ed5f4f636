package org.migcheck.fleet.gen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.migcheck.model.CpuDef;

/**
 * Writes a synthetic fleet of libvirt 9.0.0 capabilities documents (and optionally their
 * domcapabilities), deterministic for a seed: host {@code i} depends only on the seed and {@code i}.
 * Host CPUs are decoded from their feature sets, never named by hand; decodes are cached per
 * distinct feature set. A test and bench tool, not part of the product jar: bench/fleetgen.sh runs
 * it.
 */
public final class FleetGenerator {
  private static final int BATCH = 512;

  private final long seed;
  private final FleetMix mix;
  private final CpuNamer namer;

  public FleetGenerator(long seed, FleetMix mix, CpuNamer namer) {
    this.seed = seed;
    this.mix = mix;
    this.namer = namer;
  }

  public FleetGenerator(long seed) {
    this(seed, FleetMix.DEFAULT, CpuNamer.bundled());
  }

  public CpuNamer namer() {
    return namer;
  }

  /** The spec of host {@code index}. */
  public HostSpec host(int index) {
    return mix.draw(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index));
  }

  /** The capabilities document of a host. */
  public String capabilities(HostSpec h) {
    CpuPart p = h.part();
    CpuDef cpu = namer.hostCpu(h.features(), p.vendor(), p.family(), p.model(), p.stepping());
    return CapabilitiesXml.format(h, cpu);
  }

  public String domainCapabilities(HostSpec h) {
    return DomainCapabilitiesXml.format(h, namer);
  }

  /** Where and what to write. Either directory or file may be null, not both. */
  public record Output(Path directory, Path singleFile, boolean domcaps) {
    public Output {
      if (directory == null && singleFile == null) {
        throw new IllegalArgumentException("give an output directory or a single file");
      }
    }
  }

  /** What a run produced. */
  public record Summary(int hosts, long bytes, int distinctHostCpus, long millis) {}

  /** The file name of host {@code index} in a fleet of {@code count}. */
  public static String fileName(int index, int count) {
    int width = Math.max(5, Integer.toString(count - 1).length());
    return String.format("host-%0" + width + "d", index);
  }

  /** Generates hosts [0, count) into the output, in parallel batches written in order. */
  public Summary write(int count, Output out) throws IOException {
    long start = System.nanoTime();
    long bytes = 0;
    if (out.directory() != null) {
      Files.createDirectories(out.directory());
    }
    try (Writer single = open(out.singleFile());
        Writer singleDomcaps = out.domcaps() ? open(domcapsFile(out.singleFile())) : null) {
      for (int from = 0; from < count; from += BATCH) {
        int to = Math.min(count, from + BATCH);
        List<String[]> docs =
            IntStream.range(from, to).parallel().mapToObj(i -> documents(i, out.domcaps())).toList();
        for (int i = from; i < to; i++) {
          String[] d = docs.get(i - from);
          bytes += d[0].length() + (d[1] == null ? 0 : d[1].length());
          if (out.directory() != null) {
            String name = fileName(i, count);
            Files.writeString(out.directory().resolve(name + ".xml"), d[0], StandardCharsets.UTF_8);
            if (d[1] != null) {
              Files.writeString(out.directory().resolve(name + "-domcaps.xml"), d[1],
                  StandardCharsets.UTF_8);
            }
          }
          if (single != null) {
            single.write(d[0]);
          }
          if (singleDomcaps != null) {
            singleDomcaps.write(d[1]);
          }
        }
      }
    }
    return new Summary(count, bytes, namer.distinctHostCpus(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private String[] documents(int index, boolean domcaps) {
    HostSpec h = host(index);
    return new String[] {capabilities(h), domcaps ? domainCapabilities(h) : null};
  }

  private static Writer open(Path file) {
    if (file == null) {
      return null;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** F.xml → F-domcaps.xml, next to the concatenated capabilities. */
  static Path domcapsFile(Path single) {
    if (single == null) {
      return null;
    }
    String name = single.getFileName().toString();
    String base = name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
    return single.resolveSibling(base + "-domcaps.xml");
  }

  static final String USAGE =
      "usage: bench/fleetgen.sh --hosts N"
          + " [--seed S] [--out DIR] [--single-file FILE] [--domcaps] [--intel-only]\n"
          + "  --hosts N          number of hosts (capabilities documents) to generate\n"
          + "  --seed S           random seed (default 1); the same seed gives the same bytes\n"
          + "  --out DIR          one file per host: DIR/host-00000.xml ...\n"
          + "  --single-file F    all hosts concatenated in one file (what virsh cpu-baseline"
          + " reads)\n"
          + "  --domcaps          also write each host's domcapabilities (DIR/host-N-domcaps.xml,"
          + " F-domcaps.xml)\n"
          + "  --intel-only       draw only the Intel generations\n"
          + "  --max-cores-per-socket N\n"
          + "                     smaller hosts of the same generations (smaller documents)\n"
          + "At least one of --out and --single-file is required.";

  public static void main(String[] args) throws IOException {
    Integer hosts = null;
    long seed = 1;
    Path dir = null;
    Path single = null;
    boolean domcaps = false;
    FleetMix mix = FleetMix.DEFAULT;
    int maxCores = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--hosts" -> hosts = Integer.parseInt(value(args, ++i));
          case "--seed" -> seed = Long.parseLong(value(args, ++i));
          case "--out" -> dir = Path.of(value(args, ++i));
          case "--single-file" -> single = Path.of(value(args, ++i));
          case "--domcaps" -> domcaps = true;
          case "--intel-only" -> mix = FleetMix.INTEL;
          case "--max-cores-per-socket" -> maxCores = Integer.parseInt(value(args, ++i));
          case "-h", "--help" -> {
            System.out.println(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (hosts == null || hosts < 1) {
        throw new IllegalArgumentException("--hosts N (N >= 1) is required");
      }
      if (dir == null && single == null) {
        throw new IllegalArgumentException("give --out DIR and/or --single-file FILE");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("FleetGenerator: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (maxCores > 0) {
      mix = mix.withCoresPerSocket(maxCores);
    }
    Summary s = new FleetGenerator(seed, mix, CpuNamer.bundled())
        .write(hosts, new Output(dir, single, domcaps));
    System.err.printf("generated %d hosts (%d distinct host CPUs), %.1f MB in %d ms%n",
        s.hosts(), s.distinctHostCpus(), s.bytes() / 1e6, s.millis());
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
