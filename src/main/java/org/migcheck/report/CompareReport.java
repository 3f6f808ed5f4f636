package org.migcheck.report;

import java.util.List;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CompareResult;
import org.migcheck.engine.CpuEngine;
import org.migcheck.json.JsonWriter;

/** The text and JSON forms of a compare result, in virsh's words plus the reasons. */
public final class CompareReport {
  private final String hostFile;
  private final String cpuFile;
  private final CompareResult result;
  private final CpuMap map;

  public CompareReport(
      String hostFile, String cpuFile, CompareResult result, CpuEngine engine, String arch) {
    this.hostFile = hostFile;
    this.cpuFile = cpuFile;
    this.result = result;
    this.map = engine.maps().forLibvirtArch(arch == null ? "x86_64" : arch, hostFile);
  }

  /** virsh cpu-compare's sentence for the verdict. */
  public String sentence() {
    return switch (result.verdict()) {
      case IDENTICAL -> "CPU described in " + cpuFile + " is identical to host CPU";
      case SUPERSET -> "Host CPU is a superset of CPU described in " + cpuFile;
      case INCOMPATIBLE -> "CPU described in " + cpuFile + " is incompatible with host CPU";
    };
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(result.verdict()).append('\n');
    sb.append(sentence()).append(" (host: ").append(hostFile).append(")\n");
    if (result.message() != null) {
      sb.append(result.message()).append('\n');
      appendFeatures(sb, result.features());
    } else if (!result.extras().isEmpty()) {
      sb.append("The host has ")
          .append(result.extras().size())
          .append(result.extras().size() == 1 ? " feature" : " features")
          .append(" the CPU does not use: ")
          .append(String.join(", ", result.extras()))
          .append('\n');
    }
    sb.append("cpu_map: ").append(map.source().describe()).append('\n');
    return sb.toString();
  }

  private void appendFeatures(StringBuilder sb, List<String> names) {
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    for (String n : names) {
      String loc = map.feature(n).map(Feature::location).orElse("");
      sb.append("  ").append(n);
      if (!loc.isEmpty()) {
        sb.append(" ".repeat(width - n.length() + 2)).append(loc);
      }
      sb.append('\n');
    }
  }

  public String json() {
    JsonWriter w = new JsonWriter();
    w.beginObject()
        .field("result", result.verdict().name())
        .field("compatible", result.verdict().compatible())
        .field("host", hostFile)
        .field("cpu", cpuFile)
        .field("message", sentence())
        .field("reason", result.reason() == null ? null : result.reason().name())
        .field("detail", result.message());
    w.name("features").beginArray();
    for (String n : result.features()) {
      w.beginObject().field("name", n);
      w.field("location", map.feature(n).map(Feature::location).orElse(null));
      w.endObject();
    }
    w.endArray();
    w.stringArray("hostExtras", result.extras());
    w.field("cpuMap", map.source().describe());
    w.endObject();
    return w.toString();
  }
}
