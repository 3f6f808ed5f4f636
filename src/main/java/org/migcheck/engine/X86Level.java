package org.migcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;

/**
 * The x86-64 micro-architecture levels of the psABI, in libvirt feature names (RHEL 9 needs v2,
 * RHEL 10 v3). OSXSAVE is an OS bit guests never see in libvirt's names; xsave stands for it.
 */
public enum X86Level {
  V1("x86-64", List.of("lm", "cmov", "cx8", "fpu", "fxsr", "mmx", "syscall", "sse", "sse2")),
  V2("x86-64-v2", List.of("cx16", "lahf_lm", "popcnt", "pni", "sse4.1", "sse4.2", "ssse3")),
  V3(
      "x86-64-v3",
      List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave")),
  V4("x86-64-v4", List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"));

  private final String title;
  private final List<String> features;

  X86Level(String title, List<String> features) {
    this.title = title;
    this.features = features;
  }

  /** "v1".."v4". */
  public String shortName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String title() {
    return title;
  }

  /** The features this level adds to the one below. */
  public List<String> features() {
    return features;
  }

  /** Parses "v3", "V3" or "x86-64-v3"; null when not a level. */
  public static X86Level parse(String s) {
    for (X86Level l : values()) {
      if (l.shortName().equalsIgnoreCase(s) || l.title.equalsIgnoreCase(s)) {
        return l;
      }
    }
    return null;
  }

  /** The highest level whose features (and those of the levels below) are all present, or null. */
  public static X86Level of(CpuMap map, Bits bits) {
    X86Level reached = null;
    for (X86Level l : values()) {
      if (!l.missing(map, bits).isEmpty()) {
        break;
      }
      reached = l;
    }
    return reached;
  }

  /** The features of this level (only the ones it adds) that {@code bits} lacks. */
  public List<String> missing(CpuMap map, Bits bits) {
    List<String> out = new ArrayList<>();
    for (String name : features) {
      Feature f = map.feature(name).orElse(null);
      if (f == null || !bits.containsAll(f.bits())) {
        out.add(name);
      }
    }
    return out;
  }

  /** Every feature missing for this level including the levels below it. */
  public List<String> missingUpTo(CpuMap map, Bits bits) {
    List<String> out = new ArrayList<>();
    for (X86Level l : values()) {
      out.addAll(l.missing(map, bits));
      if (l == this) {
        break;
      }
    }
    return out;
  }
}
