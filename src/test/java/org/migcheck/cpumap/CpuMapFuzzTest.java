package org.migcheck.cpumap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.migcheck.InputException;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.CpuError;
import org.migcheck.engine.FeatureDiff;
import org.migcheck.engine.Verdict;
import org.migcheck.engine.X86Decoder;
import org.migcheck.engine.X86Driver;
import org.migcheck.model.CpuDef;

/**
 * Fuzzes the cpu_map loader over a directory the input describes, then uses what loaded: the
 * loader and the engine on a hostile map may only fail with {@link InputException}, and x86
 * compare stays reflexive on any map.
 *
 * <p>Input format: UTF-8 text; a line {@code === NAME} starts the file NAME, text before the first
 * such line is {@code index.xml}. Names with a path in them, and very long ones, are not written
 * (the loader must then refuse them as include names, or not find them).
 */
class CpuMapFuzzTest {
  private static Path dir;

  private static Path writeMap(byte[] data) throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("migcheck-fuzz-map-");
      dir.toFile().deleteOnExit();
    }
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    String name = "index.xml";
    StringBuilder content = new StringBuilder();
    for (String line : new String(data, StandardCharsets.UTF_8).split("\n", -1)) {
      if (line.startsWith("=== ")) {
        save(name, content);
        name = line.substring(4).strip();
        content.setLength(0);
      } else {
        content.append(line).append('\n');
      }
    }
    save(name, content);
    return dir;
  }

  private static void save(String name, CharSequence content) throws IOException {
    if (name.isEmpty()
        || name.getBytes(StandardCharsets.UTF_8).length > 100
        || name.contains("/")
        || name.contains("\0")
        || name.startsWith(".")) {
      return;
    }
    Path p = dir.resolve(name);
    if (!Files.exists(p)) {
      Files.writeString(p, content);
      p.toFile().deleteOnExit();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void loader(byte[] data) {
    CpuMaps maps;
    try {
      maps = CpuMapLoader.load(writeMap(data).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InputException rejected) {
      oneLine(rejected);
      return;
    }
    try {
      use(maps);
    } catch (InputException rejected) {
      oneLine(rejected);
    }
  }

  private static void oneLine(InputException e) {
    if (e.oneLine().isBlank() || e.oneLine().contains("\n")) {
      throw new AssertionError("not one line: " + e.oneLine());
    }
  }

  private static void use(CpuMaps maps) {
    CpuEngine engine = new CpuEngine(maps);
    for (Arch arch : maps.arches()) {
      CpuMap map = maps.forArch(arch).orElseThrow();
      String libvirtArch = switch (arch) {
        case X86 -> "x86_64";
        case PPC64 -> "ppc64le";
        case ARM -> "aarch64";
      };
      List<CpuDef> hosts = new ArrayList<>();
      for (CpuModel m : map.models().subList(0, Math.min(4, map.models().size()))) {
        String vendor = m.vendor() == null ? null : m.vendor().name();
        List<String> features =
            map.features().stream().limit(2).map(Feature::name).toList();
        hosts.add(CpuDef.host(libvirtArch, m.name(), vendor, features, "host " + m.name()));
      }
      for (CpuDef h : hosts) {
        Verdict self = engine.compare(h, h).verdict();
        // x86 compares feature sets, reflexive on any map; ppc64 renames legacy guest models
        // (POWER8_v1.0 to POWER8) as libvirt does, which a map defining both can make unequal
        if (arch == Arch.X86 && self != Verdict.IDENTICAL) {
          throw new AssertionError("compare(h, h) is not IDENTICAL on " + h);
        }
        if (arch == Arch.X86) {
          useX86(engine, h);
        }
      }
      if (!hosts.isEmpty()) {
        try {
          engine.baseline(hosts, new org.migcheck.engine.BaselineOptions(true, true));
        } catch (CpuError refused) {
          // incompatible vendors or no common model: libvirt refuses too
        }
      }
    }
  }

  private static void useX86(CpuEngine engine, CpuDef h) {
    X86Driver x86 = engine.x86("fuzz");
    engine.expand(h, "x86_64");
    FeatureDiff.of(x86, h, h);
    try {
      x86.decoder().decode(X86Decoder.Request.guest(x86.effectiveBits(h)), "decode");
      x86.decoder().decode(X86Decoder.Request.host(x86.effectiveBits(h), 6, 85, 4), "decode");
    } catch (CpuError noModel) {
      // no model fits these bits
    }
  }
}
