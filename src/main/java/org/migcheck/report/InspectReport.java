package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.json.JsonWriter;

/**
 * {@code migcheck inspect}: per document, what operators otherwise piece together from lscpu and
 * virsh capabilities. Documents are added one at a time, so errors surface before any output.
 */
public final class InspectReport {
  static final int LABEL_WIDTH = 16;

  private final CpuEngine engine;
  private final List<DocumentReport> documents = new ArrayList<>();

  public InspectReport(CpuEngine engine) {
    this.engine = engine;
  }

  /** Analyses one document (expansion errors are raised here, naming the document). */
  public void add(ParsedDocument doc) {
    documents.add(reportOf(doc));
  }

  private DocumentReport reportOf(ParsedDocument doc) {
    if (doc instanceof HostCapabilities caps) {
      return new HostReport(caps, engine);
    }
    if (doc instanceof DomainCapabilities dc) {
      return new DomainCapsReport(dc, engine);
    }
    if (doc instanceof DomainDef d) {
      return new DomainReport(d, engine);
    }
    return new CpuReport((CpuDocument) doc, engine);
  }

  /**
   * One line per document whose CPU names the map does not know: inspect reports the rest of the
   * document and warns instead of failing.
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (DocumentReport d : documents) {
      List<org.migcheck.engine.UnknownName> u = d.expansion().unknown();
      if (!u.isEmpty()) {
        out.add(
            d.source()
                + ": the "
                + cpuMap()
                + " does not know "
                + org.migcheck.engine.UnknownName.describeAll(u)
                + "; the CPU is reported without expansion (verdict commands reject it)");
      }
    }
    return out;
  }

  public int size() {
    return documents.size();
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (DocumentReport d : documents) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      TextLayout t = new TextLayout(LABEL_WIDTH);
      d.text(t);
      if (d.expansion().writtenBy() != null) {
        t.field("written by", "libvirt ≥ " + d.expansion().writtenBy() + " (its CPU names)");
      }
      t.field("cpu_map", cpuMap());
      sb.append(t);
    }
    return sb.toString();
  }

  /** {"cpuMap": ..., "documents": [{"source", "kind", ...}, ...]}. */
  public String json() {
    JsonWriter w = new JsonWriter();
    w.beginObject().field("cpuMap", cpuMap());
    w.name("documents").beginArray();
    for (DocumentReport d : documents) {
      w.beginObject();
      d.json(w);
      w.endObject();
    }
    w.endArray().endObject();
    return w.toString();
  }

  private String cpuMap() {
    return engine.maps().source().describe();
  }
}
