package org.migcheck.report;

import java.util.List;
import java.util.Optional;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.UnknownName;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuDef;
import org.migcheck.json.JsonWriter;

/**
 * A CPU's full feature set after expanding its model through the cpu_map (x86 only: the ppc64 and
 * arm maps carry no feature bits), or the reason there is none.
 *
 * @param features every present feature in map order, null when not expanded
 * @param level the x86-64 psABI level, null when not x86 or below v1
 * @param note why there is no expansion, null when there is one
 * @param unknown names the map does not know (then there is no expansion; inspect warns)
 * @param writtenBy the oldest bundled libvirt knowing all the CPU's names, when newer than the
 *     oldest bundled one; null otherwise
 */
record CpuExpansion(
    List<Feature> features,
    X86Level level,
    String note,
    List<UnknownName> unknown,
    String writtenBy) {

  CpuExpansion(List<Feature> features, X86Level level, String note) {
    this(features, level, note, List.of(), null);
  }

  static CpuExpansion of(CpuDef cpu, String libvirtArch, CpuEngine engine) {
    String arch = libvirtArch != null ? libvirtArch : "x86_64";
    Optional<Arch> driverArch = Arch.forLibvirtArch(arch);
    if (driverArch.isEmpty()) {
      return none("no cpu_map for " + arch + ": libvirt has no CPU models for this architecture");
    }
    CpuMap map = engine.maps().forArch(driverArch.get()).orElse(null);
    List<UnknownName> unknown = map == null ? List.of() : UnknownName.of(cpu, map);
    String writtenBy = UnknownName.writtenBy(cpu, driverArch.get());
    if (!unknown.isEmpty()) {
      // inspect degrades: everything else in the document is still reported
      return new CpuExpansion(
          null,
          null,
          "not expanded: the "
              + map.source().describe()
              + " does not know "
              + UnknownName.describeAll(unknown),
          unknown,
          writtenBy);
    }
    if (driverArch.get() != Arch.X86) {
      return new CpuExpansion(
          null,
          null,
          "no feature expansion: the "
              + driverArch.get().mapName()
              + " cpu_map has no feature bits; libvirt tells "
              + driverArch.get().mapName()
              + " CPUs apart by model name only",
          List.of(),
          writtenBy);
    }
    if (cpu == null || cpu.model() == null) {
      return none("no CPU model to expand");
    }
    CpuMap featureMap = engine.featureMap(cpu.source());
    Bits bits = engine.features(cpu);
    return new CpuExpansion(featureMap.presentFeatures(bits), X86Level.of(featureMap, bits), null,
        List.of(), writtenBy);
  }

  private static CpuExpansion none(String note) {
    return new CpuExpansion(null, null, note);
  }

  boolean expanded() {
    return features != null;
  }

  Integer count() {
    return features == null ? null : features.size();
  }

  boolean has(String name) {
    return features != null && features.stream().anyMatch(f -> f.name().equals(name));
  }

  List<String> names() {
    return features == null ? List.of() : features.stream().map(Feature::name).toList();
  }

  String levelTitle() {
    if (!expanded()) {
      return null;
    }
    return level == null ? "below x86-64 (v1)" : level.title();
  }

  /** One line for text reports: "112 after expanding the model through the map" or the note. */
  String summary() {
    return expanded() ? features.size() + " after expanding the model through the map" : note;
  }

  void json(JsonWriter w) {
    w.field("writtenByLibvirtAtLeast", writtenBy);
    if (!unknown.isEmpty()) {
      w.name("unknownNames").beginArray();
      for (UnknownName u : unknown) {
        w.beginObject()
            .field("kind", u.kind())
            .field("name", u.name())
            .field("knownFromBundledLibvirt", u.knownFrom())
            .endObject();
      }
      w.endArray();
    }
    w.field("expandedFeatureCount", count());
    w.field("x86Level", levelTitle());
    w.field("expansionNote", note);
    if (expanded()) {
      w.stringArray("expandedFeatures", names());
    } else {
      w.name("expandedFeatures").nullValue();
    }
  }
}
