package org.migcheck.report;

import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMode;
import org.migcheck.json.JsonWriter;

/** A bare {@code <cpu>} document (virsh cpu-baseline output, cputest files). */
final class CpuReport implements DocumentReport {
  private final CpuDocument doc;
  private final CpuDef cpu;
  private final CpuExpansion expansion;

  CpuReport(CpuDocument doc, CpuEngine engine) {
    this.doc = doc;
    this.cpu = doc.toCpuDef();
    if (!cpu.isHost() && cpu.mode() != CpuMode.CUSTOM) {
      this.expansion =
          new CpuExpansion(null, null, cpu.mode().xmlName() + ": the host decides the features");
    } else {
      this.expansion = CpuExpansion.of(cpu, cpu.arch(), engine);
    }
  }

  @Override
  public String kind() {
    return "cpu";
  }

  @Override
  public CpuExpansion expansion() {
    return expansion;
  }

  @Override
  public String source() {
    return doc.source();
  }

  @Override
  public void text(TextLayout t) {
    t.line("== " + doc.source() + ": " + (cpu.isHost() ? "host" : "guest") + " <cpu>");
    StringBuilder sb = new StringBuilder();
    if (cpu.arch() != null) {
      sb.append(cpu.arch()).append(' ');
    }
    if (cpu.vendor() != null) {
      sb.append(cpu.vendor()).append(' ');
    }
    sb.append(cpu.model() == null ? "no model" : cpu.model());
    if (!cpu.isHost()) {
      sb.append(", mode ").append(cpu.mode().xmlName());
    }
    t.field("CPU", sb.toString());
    t.list(
        "listed",
        cpu.features().stream()
            .map(f -> cpu.isHost() ? f.name() : f.effectivePolicy().xmlName() + " " + f.name())
            .toList());
    t.field("features", expansion.summary());
    if (expansion.expanded()) {
      t.field("x86-64 level", expansion.levelTitle());
    }
  }

  @Override
  public void json(JsonWriter w) {
    w.field("source", doc.source())
        .field("kind", kind())
        .field("type", cpu.isHost() ? "host" : "guest")
        .field("arch", cpu.arch())
        .field("mode", cpu.mode() == null ? null : cpu.mode().xmlName())
        .field("model", cpu.model())
        .field("vendor", cpu.vendor());
    w.name("features").beginArray();
    for (CpuFeature f : cpu.features()) {
      w.beginObject()
          .field("name", f.name())
          .field("policy", f.policy() == null ? null : f.policy().xmlName())
          .endObject();
    }
    w.endArray();
    expansion.json(w);
  }
}
