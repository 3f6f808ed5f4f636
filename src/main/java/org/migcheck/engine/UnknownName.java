package org.migcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;

/**
 * A CPU model or feature name a cpu_map does not know, with the oldest bundled libvirt that knows
 * it (null: none bundled). Names are only ever added to libvirt's map, so that version is the
 * libvirt a document naming it was written by, at the oldest.
 */
public record UnknownName(String kind, String name, String knownFrom) {

  /** "feature gds-no (libvirt ≥ 11.3.0)" or "model POWER42 (none bundled)". */
  public String describe() {
    return kind + " " + name + " (" + (knownFrom == null ? "none bundled" : "libvirt ≥ " + knownFrom) + ")";
  }

  /** Some names for a message: the first ten described, then how many more there are. */
  public static String describeAll(List<UnknownName> names) {
    List<String> shown = names.stream().limit(10).map(UnknownName::describe).toList();
    String more = names.size() > 10 ? " and " + (names.size() - 10) + " more" : "";
    return String.join(", ", shown) + more;
  }

  /** What to do about it, for messages: "bundled libvirt 11.3.0 knows it: try --libvirt 11.3.0". */
  public static String hint(Arch arch, String name, CpuMap map) {
    String from = CpuMapLoader.firstKnowing(arch, name);
    String where = "not in the " + map.source().describe();
    if (from == null) {
      return where + "; no bundled libvirt knows it: see --cpu-map";
    }
    return where + "; written by libvirt ≥ " + from + "? try --libvirt " + from + " or newer";
  }

  /** The names of a CPU the map does not know (feature aliases count as known), in order. */
  public static List<UnknownName> of(CpuDef cpu, CpuMap map) {
    List<UnknownName> out = new ArrayList<>();
    if (cpu == null) {
      return out;
    }
    if (cpu.model() != null && map.model(cpu.model()).isEmpty()) {
      out.add(new UnknownName("model", cpu.model(), CpuMapLoader.firstKnowing(map.arch(), cpu.model())));
    }
    if (map.arch() == Arch.X86) {
      for (CpuFeature f : cpu.features()) {
        if (map.feature(f.name()).isEmpty() && map.featureByAlias(f.name()).isEmpty()) {
          out.add(new UnknownName("feature", f.name(), CpuMapLoader.firstKnowing(map.arch(), f.name())));
        }
      }
    }
    return out;
  }

  /**
   * The CPU as an older libvirt (this map's) can name it: features only a newer bundled libvirt
   * knows are left out. Names no bundled libvirt knows stay (bad input, as always). For
   * suggestions and baselines made for the oldest libvirt of a mixed fleet.
   */
  public static CpuDef withoutNewer(CpuDef cpu, CpuMap map) {
    if (cpu == null || map.arch() != Arch.X86) {
      return cpu;
    }
    List<String> newer =
        of(cpu, map).stream()
            .filter(u -> u.kind().equals("feature") && u.knownFrom() != null)
            .map(UnknownName::name)
            .toList();
    return newer.isEmpty()
        ? cpu
        : cpu.withFeatures(cpu.features().stream().filter(f -> !newer.contains(f.name())).toList());
  }

  /**
   * The oldest bundled libvirt knowing every name of a CPU, when that is newer than the oldest
   * bundled one (older documents say nothing); null when unknown or not newer.
   */
  public static String writtenBy(CpuDef cpu, Arch arch) {
    if (cpu == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    if (cpu.model() != null) {
      names.add(cpu.model());
    }
    if (arch == Arch.X86) {
      cpu.features().forEach(f -> names.add(f.name()));
    }
    LibvirtVersion newest = null;
    for (String n : names) {
      String from = CpuMapLoader.firstKnowing(arch, n);
      if (from == null) {
        return null;
      }
      LibvirtVersion v = LibvirtVersion.parse(from, null);
      if (newest == null || newest.isOlderThan(v)) {
        newest = v;
      }
    }
    String oldest = CpuMapLoader.bundledVersions().get(0);
    return newest == null || newest.toString().equals(oldest) ? null : newest.toString();
  }
}
