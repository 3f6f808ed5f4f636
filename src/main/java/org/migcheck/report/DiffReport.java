package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.FeatureCategory;
import org.migcheck.engine.FeatureDiff.Entry;
import org.migcheck.engine.FeatureDiff;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuSignature;
import org.migcheck.json.JsonWriter;

/**
 * {@code migcheck diff}: the features each of two x86 CPUs has that the other lacks, after full
 * expansion, grouped so the ones that matter (SIMD, TSX, mitigations) stand out.
 */
public final class DiffReport {
  /**
   * One side of the diff: the file, what the CPU was taken from, and the identity that only host
   * capabilities carry (signature and microcode, null otherwise).
   */
  public record Side(
      String file, String origin, CpuDef cpu, CpuSignature signature, Long microcode) {}

  private final Side a;
  private final Side b;
  private final FeatureDiff diff;
  private final X86Level levelA;
  private final X86Level levelB;
  private final String cpuMap;

  public DiffReport(Side a, Side b, CpuEngine engine, String source) {
    this.a = a;
    this.b = b;
    CpuMap map = engine.featureMap(source);
    this.diff = engine.diff(a.cpu(), b.cpu(), source);
    this.levelA = X86Level.of(map, engine.features(a.cpu()));
    this.levelB = X86Level.of(map, engine.features(b.cpu()));
    this.cpuMap = map.source().describe();
  }

  /** No feature difference and no vendor conflict (the model names may still differ). */
  public boolean identical() {
    return diff.onlyA().isEmpty() && diff.onlyB().isEmpty() && !vendorConflict();
  }

  /** Both name a vendor and they differ; a CPU without a vendor takes any. */
  private boolean vendorConflict() {
    return a.cpu().vendor() != null && b.cpu().vendor() != null && diff.vendorDiffers();
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    header(sb, "A", a, levelA, diff.expandedA());
    header(sb, "B", b, levelB, diff.expandedB());
    sb.append(vendorLine()).append('\n');
    if (diff.modelDiffers() && diff.onlyA().isEmpty() && diff.onlyB().isEmpty()) {
      sb.append("The model names differ but the expanded feature sets are the same.\n");
    }
    int width =
        Stream.concat(diff.onlyA().stream(), diff.onlyB().stream())
            .mapToInt(e -> e.name().length())
            .max()
            .orElse(0);
    sb.append('\n');
    side(sb, "Only in A", diff.onlyA(), width);
    side(sb, "Only in B", diff.onlyB(), width);
    if (Stream.concat(diff.onlyA().stream(), diff.onlyB().stream()).anyMatch(Entry::blocksMigration)) {
      sb.append(
          "! blocks migration: migratable='no' in the cpu_map, a guest using it cannot migrate\n");
    }
    sb.append('\n');
    sb.append(TextLayout.wrap(summary(), 4));
    sb.append("cpu_map: ").append(cpuMap).append('\n');
    return sb.toString();
  }

  private static void header(StringBuilder sb, String tag, Side s, X86Level level, int expanded) {
    CpuDef c = s.cpu();
    sb.append(tag).append("  ").append(s.file()).append(" (").append(s.origin()).append(")\n");
    List<String> id = new ArrayList<>();
    String model = c.model() == null ? "no model" : c.model();
    id.add(c.vendor() == null ? model : c.vendor() + " " + model);
    if (s.signature() != null) {
      id.add(
          "family " + s.signature().family()
              + " model " + s.signature().model()
              + " stepping " + s.signature().stepping());
    }
    if (s.microcode() != null) {
      id.add("microcode " + Units.hex(s.microcode()));
    }
    sb.append("   ").append(String.join(", ", id)).append('\n');
    sb.append("   ")
        .append(level == null ? "below x86-64 (v1)" : level.title())
        .append(", ")
        .append(expanded)
        .append(" features after expansion\n");
  }

  private String vendorLine() {
    String va = a.cpu().vendor();
    String vb = b.cpu().vendor();
    if (vendorConflict()) {
      return "vendor: A is " + va + ", B is " + vb + ": a named CPU model cannot move between vendors";
    }
    if (va == null && vb == null) {
      return "vendor: neither names one";
    }
    if (va == null || vb == null) {
      return "vendor: only " + (va == null ? "B" : "A") + " names one (" + (va == null ? vb : va) + ")";
    }
    return "vendor: both " + va;
  }

  private static void side(StringBuilder sb, String title, List<Entry> entries, int width) {
    if (entries.isEmpty()) {
      sb.append(title).append(": nothing\n");
      return;
    }
    sb.append(title).append(" (").append(entries.size()).append("):\n");
    for (Map.Entry<FeatureCategory, List<Entry>> group : FeatureDiff.byCategory(entries).entrySet()) {
      sb.append("  ").append(group.getKey().title()).append('\n');
      for (Entry e : group.getValue()) {
        sb.append("   ").append(e.blocksMigration() ? "! " : "  ").append(e.name());
        String loc = e.feature().location();
        if (!loc.isEmpty()) {
          sb.append(" ".repeat(width - e.name().length() + 2)).append(loc);
        }
        sb.append('\n');
      }
    }
  }

  /** "A→B would lose: …; B→A would lose: …". */
  public String summary() {
    return "A→B would lose: " + names(diff.lostMovingAtoB()) + "; B→A would lose: "
        + names(diff.lostMovingBtoA());
  }

  private static String names(List<Entry> entries) {
    return entries.isEmpty()
        ? "nothing"
        : String.join(", ", entries.stream().map(Entry::name).toList());
  }

  public String json() {
    JsonWriter w = new JsonWriter();
    w.beginObject();
    sideJson(w, "a", a, levelA, diff.expandedA());
    sideJson(w, "b", b, levelB, diff.expandedB());
    w.field("identical", identical())
        .field("vendorDiffers", vendorConflict())
        .field("modelDiffers", diff.modelDiffers());
    entriesJson(w, "onlyInA", diff.onlyA());
    entriesJson(w, "onlyInB", diff.onlyB());
    w.stringArray("aToBLoses", diff.lostMovingAtoB().stream().map(Entry::name).toList());
    w.stringArray("bToALoses", diff.lostMovingBtoA().stream().map(Entry::name).toList());
    w.field("cpuMap", cpuMap);
    w.endObject();
    return w.toString();
  }

  private static void sideJson(JsonWriter w, String name, Side s, X86Level level, int expanded) {
    CpuDef c = s.cpu();
    w.name(name).beginObject()
        .field("file", s.file())
        .field("origin", s.origin())
        .field("arch", c.arch())
        .field("vendor", c.vendor())
        .field("model", c.model());
    w.name("signature");
    if (s.signature() == null) {
      w.nullValue();
    } else {
      w.beginObject()
          .field("family", s.signature().family())
          .field("model", s.signature().model())
          .field("stepping", s.signature().stepping())
          .endObject();
    }
    w.field("microcode", s.microcode())
        .field("x86Level", level == null ? null : level.title())
        .field("expandedFeatureCount", expanded)
        .endObject();
  }

  private static void entriesJson(JsonWriter w, String name, List<Entry> entries) {
    w.name(name).beginArray();
    for (Entry e : entries) {
      w.beginObject()
          .field("name", e.name())
          .field("category", e.category().name().toLowerCase(java.util.Locale.ROOT))
          .field("location", e.feature().location())
          .field("blocksMigration", e.blocksMigration())
          .endObject();
    }
    w.endArray();
  }
}
