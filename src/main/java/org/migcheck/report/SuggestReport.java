package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuXml;
import org.migcheck.verdict.GuestVisibleCpu;
import org.migcheck.verdict.Suggestion;
import org.migcheck.json.JsonWriter;

/**
 * The forms of {@code migcheck suggest}: the pasteable {@code <cpu>} (libvirt's formatting plus
 * {@code <maxphysaddr>} where libvirt puts it), the verification table, a text report and JSON.
 */
public final class SuggestReport {
  private final Suggestion s;
  private final CpuMap map;

  public SuggestReport(Suggestion suggestion, CpuMap map) {
    this.s = suggestion;
    this.map = map;
  }

  /** The domain {@code <cpu>} element, or null when there is no CPU. */
  public String cpuXml() {
    if (s.cpu() == null) {
      return null;
    }
    String xml = CpuXml.format(s.cpu());
    if (s.physBits() == null) {
      return xml;
    }
    // virCPUDefFormat writes <maxphysaddr> after model, vendor and topology, before the features
    List<String> lines = new ArrayList<>(List.of(xml.split("\n")));
    int at = 1;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("  <model") || l.startsWith("  <vendor")) {
        at = i + 1;
      }
    }
    lines.add(at, "  <maxphysaddr mode='emulate' bits='" + s.physBits() + "'/>");
    return String.join("\n", lines) + "\n";
  }

  private static String level(X86Level l) {
    return l == null ? "<v1" : l.shortName();
  }

  /** One row per host: what the host stands for, its level, and how the suggestion fits. */
  public String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"host", "basis", "level", "result"});
    for (Suggestion.HostFit f : s.hosts()) {
      String result;
      if (f.verdict() == null) {
        result = "-";
      } else if (f.fits()) {
        result = f.verdict().name()
            + (f.extras().isEmpty() ? "" : " (" + f.extras().size() + " features unused)");
      } else {
        result = "FAILS: " + f.reason();
      }
      rows.add(new String[] {f.host(), f.basis(), level(f.level()), result});
    }
    if (s.cpu() != null) {
      List<String> approx = s.approximateHosts();
      rows.add(new String[] {"suggestion", s.cpu().model(), level(s.level()),
          (s.ok() ? "runs on every host" : "NOT USABLE")
              + (approx.isEmpty() ? "" : " (" + GuestVisibleCpu.APPROXIMATE + " for "
                  + String.join(", ", approx) + ")")});
    }
    int[] width = new int[3];
    for (String[] r : rows) {
      for (int i = 0; i < 3; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      sb.append("  ");
      for (int i = 0; i < 3; i++) {
        sb.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
      }
      sb.append(r[3]).append('\n');
    }
    return sb.toString();
  }

  /** Advice, unused features, notes and problems, one "label: text" line each. */
  public String remarks() {
    StringBuilder sb = new StringBuilder();
    for (String a : s.tscAdvice()) {
      sb.append("TSC: ").append(a).append('\n');
    }
    if (!s.unused().isEmpty()) {
      sb.append("unused: every host has ").append(String.join(", ", s.unused()))
          .append(", which the CPU leaves out\n");
    }
    for (String n : s.notes()) {
      sb.append("note: ").append(n).append('\n');
    }
    for (String p : s.problems()) {
      sb.append("error: ").append(p).append('\n');
    }
    return sb.toString();
  }

  /** A headline: model, method, level and address bits. */
  public String headline() {
    StringBuilder sb = new StringBuilder();
    int n = s.hosts().size();
    sb.append(s.ok() ? "Suggested CPU for " : "No usable CPU for ").append(n)
        .append(n == 1 ? " host" : " hosts").append(" (").append(s.method()).append(")");
    if (s.cpu() != null) {
      sb.append(": ").append(s.cpu().model()).append(", ")
          .append(s.level() == null ? "below x86-64 v1" : s.level().title());
      if (s.physBits() != null) {
        sb.append(", ").append(s.physBits()).append(" address bits");
      }
    }
    return sb.append('\n').toString();
  }

  public String text() {
    StringBuilder sb = new StringBuilder(headline()).append('\n');
    String xml = cpuXml();
    if (xml != null) {
      sb.append(xml).append('\n');
    }
    sb.append("Verification (libvirt's compare with each host):\n").append(table());
    String r = remarks();
    if (!r.isEmpty()) {
      sb.append('\n').append(r);
    }
    sb.append("\ncpu_map: ").append(map.source().describe()).append('\n');
    return sb.toString();
  }

  public String json() {
    JsonWriter w = new JsonWriter();
    w.beginObject()
        .field("ok", s.ok())
        .field("method", s.method())
        .field("model", s.cpu() == null ? null : s.cpu().model())
        .field("level", s.level() == null ? null : s.level().shortName())
        .field("physBits", s.physBits())
        .field("cpu", cpuXml());
    w.name("hosts").beginArray();
    for (Suggestion.HostFit f : s.hosts()) {
      w.beginObject()
          .field("host", f.host())
          .field("basis", f.basis())
          .field("approximate", f.approximate())
          .field("level", f.level() == null ? null : f.level().shortName())
          .field("result", f.verdict() == null ? null : f.verdict().name())
          .field("fits", f.fits())
          .field("reason", f.reason());
      FeatureLines.json(w, "missing", f.missing(), map);
      w.stringArray("unused", f.extras());
      w.endObject();
    }
    w.endArray();
    w.stringArray("unused", s.unused());
    w.stringArray("approximate", s.approximateHosts());
    w.stringArray("tscAdvice", s.tscAdvice());
    w.stringArray("notes", s.notes());
    w.stringArray("problems", s.problems());
    w.field("cpuMap", map.source().describe());
    w.endObject();
    return w.toString();
  }
}
