package org.migcheck.report;

import java.util.List;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.json.JsonWriter;

/** Feature names with their CPUID/MSR location, one a line, aligned; and their JSON form. */
final class FeatureLines {
  private FeatureLines() {}

  static void append(StringBuilder sb, String indent, List<String> names, CpuMap map) {
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    for (String n : names) {
      String loc = location(n, map);
      sb.append(indent).append(n);
      if (loc != null && !loc.isEmpty()) {
        sb.append(" ".repeat(width - n.length() + 2)).append(loc);
      }
      sb.append('\n');
    }
  }

  static String location(String name, CpuMap map) {
    return map.feature(name).map(Feature::location).orElse(null);
  }

  /** "features": [{"name", "location"}...]. */
  static void json(JsonWriter w, String key, List<String> names, CpuMap map) {
    w.name(key).beginArray();
    for (String n : names) {
      w.beginObject().field("name", n).field("location", location(n, map)).endObject();
    }
    w.endArray();
  }
}
