package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuXml;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.verdict.Axis;
import org.migcheck.verdict.Finding;
import org.migcheck.verdict.GuestMode;
import org.migcheck.verdict.ModeVerdict;
import org.migcheck.verdict.Safety;
import org.migcheck.json.JsonWriter;

/**
 * The text and JSON forms of {@code migcheck check}: a table of verdicts (mode × direction), then
 * the reasons of each verdict grouped by axis, each feature with its CPUID location.
 */
public final class CheckReport {
  private final String source;
  private final String destination;
  private final String guest;
  private final List<ModeVerdict> verdicts;
  private final CpuMap map;

  /**
   * @param guest the guest file, or null when the modes' default guests were judged
   */
  public CheckReport(String source, String destination, String guest, List<ModeVerdict> verdicts,
      CpuMap map) {
    this.source = source;
    this.destination = destination;
    this.guest = guest;
    this.verdicts = List.copyOf(verdicts);
    this.map = map;
  }

  /** The worst verdict. */
  public Safety result() {
    Safety s = Safety.SAFE;
    for (ModeVerdict v : verdicts) {
      s = s.worst(v.safety());
    }
    return s;
  }

  private List<String> directions() {
    List<String> out = new ArrayList<>();
    for (ModeVerdict v : verdicts) {
      String d = direction(v);
      if (!out.contains(d)) {
        out.add(d);
      }
    }
    return out;
  }

  private static String direction(ModeVerdict v) {
    return v.from() + " -> " + v.to();
  }

  private List<GuestMode> modes() {
    List<GuestMode> out = new ArrayList<>();
    for (ModeVerdict v : verdicts) {
      if (!out.contains(v.mode())) {
        out.add(v.mode());
      }
    }
    return out;
  }

  private ModeVerdict find(GuestMode mode, String direction) {
    for (ModeVerdict v : verdicts) {
      if (v.mode() == mode && direction(v).equals(direction)) {
        return v;
      }
    }
    return null;
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Migration check: ").append(source).append(" -> ").append(destination);
    if (guest != null) {
      sb.append(" (guest ").append(guest).append(')');
    }
    sb.append("\n\n");
    table(sb);
    for (ModeVerdict v : verdicts) {
      sb.append('\n').append(v.mode().xmlName()).append(", ").append(direction(v)).append(": ")
          .append(v.safety()).append('\n');
      if (v.guestCpu() != null) {
        sb.append("  guest CPU: ").append(describe(v.guestCpu())).append('\n');
      }
      for (Axis axis : Axis.values()) {
        List<Finding> fs = v.findings(axis);
        if (fs.isEmpty()) {
          continue;
        }
        sb.append("  ").append(axis.title()).append('\n');
        for (Finding f : fs) {
          sb.append("    ").append(pad(f.severity().name(), 8)).append(f.message()).append('\n');
          FeatureLines.append(sb, "              ", f.features(), map);
        }
      }
      for (String n : v.notes()) {
        sb.append("  note: ").append(n).append('\n');
      }
    }
    sb.append("\ncpu_map: ").append(map.source().describe()).append('\n');
    return sb.toString();
  }

  private void table(StringBuilder sb) {
    List<String> dirs = directions();
    int first = "host-passthrough".length() + 2;
    sb.append("  ").append(pad("mode", first));
    for (int i = 0; i < dirs.size(); i++) {
      sb.append(i + 1 < dirs.size() ? pad(dirs.get(i), dirs.get(i).length() + 3) : dirs.get(i));
    }
    sb.append('\n');
    for (GuestMode m : modes()) {
      StringBuilder row = new StringBuilder("  ").append(pad(m.xmlName(), first));
      for (int i = 0; i < dirs.size(); i++) {
        ModeVerdict v = find(m, dirs.get(i));
        String cell = v == null ? "-" : v.safety().name();
        row.append(i + 1 < dirs.size() ? pad(cell, dirs.get(i).length() + 3) : cell);
      }
      sb.append(row.toString().stripTrailing()).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  /** "Skylake-Server-IBRS (Intel), 14 required and 2 disabled features". */
  static String describe(CpuDef cpu) {
    long req = 0;
    long dis = 0;
    for (CpuFeature f : cpu.features()) {
      FeaturePolicy p = f.effectivePolicy();
      if (p == FeaturePolicy.DISABLE || p == FeaturePolicy.FORBID) {
        dis++;
      } else {
        req++;
      }
    }
    return cpu.model() + (cpu.vendor() == null ? "" : " (" + cpu.vendor() + ")") + ", " + req
        + " required and " + dis + " disabled feature" + (req + dis == 1 ? "" : "s")
        + " on top of the model";
  }

  public String json() {
    JsonWriter w = new JsonWriter();
    w.beginObject()
        .field("source", source)
        .field("destination", destination)
        .field("guest", guest)
        .field("result", result().name());
    w.name("verdicts").beginArray();
    for (ModeVerdict v : verdicts) {
      w.beginObject()
          .field("mode", v.mode().xmlName())
          .field("from", v.from())
          .field("to", v.to())
          .field("safety", v.safety().name())
          .field("guestCpu", v.guestCpu() == null ? null : CpuXml.format(v.guestCpu()));
      w.name("findings").beginArray();
      for (Finding f : v.findings()) {
        w.beginObject()
            .field("axis", f.axis().name())
            .field("severity", f.severity().name())
            .field("message", f.message());
        FeatureLines.json(w, "features", f.features(), map);
        w.endObject();
      }
      w.endArray();
      w.stringArray("notes", v.notes());
      w.endObject();
    }
    w.endArray();
    w.field("cpuMap", map.source().describe());
    w.endObject();
    return w.toString();
  }
}
