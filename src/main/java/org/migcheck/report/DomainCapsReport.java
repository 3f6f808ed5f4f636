package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainCapabilities.CustomModel;
import org.migcheck.model.DomainCapabilities.FeatureCaps;
import org.migcheck.model.DomainCapabilities.HostModel;
import org.migcheck.model.DomainCapabilities.ModeCaps;
import org.migcheck.model.ModelUsability;
import org.migcheck.json.JsonWriter;

/** What {@code virsh domcapabilities} says one emulator and machine type can give guests. */
final class DomainCapsReport implements DocumentReport {
  private final DomainCapabilities dc;
  private final HostModel hostModel;
  private final CpuExpansion expansion;

  DomainCapsReport(DomainCapabilities dc, CpuEngine engine) {
    this.dc = dc;
    this.hostModel = dc.cpu().hostModel();
    if (dc.hostModelCpuDef() == null) {
      this.expansion = new CpuExpansion(null, null, "host-model is not supported");
    } else {
      this.expansion = CpuExpansion.of(dc.hostModelCpuDef().withArch(dc.arch()), dc.arch(), engine);
    }
  }

  @Override
  public String kind() {
    return "domainCapabilities";
  }

  @Override
  public CpuExpansion expansion() {
    return expansion;
  }

  @Override
  public String source() {
    return dc.source();
  }

  @Override
  public void text(TextLayout t) {
    t.line("== " + dc.source() + ": domain capabilities");
    t.field("emulator", dc.path() == null ? "not reported" : dc.path());
    t.field("guest", orUnknown(dc.domain(), "virt type") + " on " + orUnknown(dc.arch(), "arch")
        + ", machine " + orUnknown(dc.machine(), "")
        + (dc.vcpuMax() == null ? "" : ", up to " + dc.vcpuMax() + " vCPUs"));
    hostModelText(t);
    t.field("passthrough", mode(dc.cpu().hostPassthrough()));
    t.field("maximum", mode(dc.cpu().maximum()));
    customText(t);
    featuresText(t);
  }

  /** A value the document leaves out: "not reported" rather than "null". */
  private static String orUnknown(String value, String what) {
    return value != null ? value : (what.isEmpty() ? "" : what + " ") + "not reported";
  }

  private void hostModelText(TextLayout t) {
    if (hostModel == null || !hostModel.supported() || hostModel.cpu() == null) {
      t.field("host-model", "not supported");
      return;
    }
    List<String> head = new ArrayList<>();
    if (hostModel.vendor() != null) {
      head.add(hostModel.vendor());
    }
    head.add(hostModel.model());
    String fallback = hostModel.fallback() == null ? "" : ", fallback " + hostModel.fallback().xmlName();
    t.field("host-model", String.join(" ", head) + fallback);
    if (hostModel.maxPhysAddr() != null) {
      t.field("  maxphysaddr", maxPhysAddr());
    }
    for (var e : policies().entrySet()) {
      t.list("  " + e.getKey(), e.getValue());
    }
    t.field("  features", expansion.summary());
    if (expansion.expanded()) {
      t.field("  x86-64 level", expansion.levelTitle());
    }
  }

  private String maxPhysAddr() {
    var m = hostModel.maxPhysAddr();
    String s = "mode " + m.mode();
    if (m.bits() != null) {
      s += ", " + m.bits() + " bits";
    }
    if (m.limit() != null) {
      s += ", limit " + m.limit();
    }
    return s;
  }

  /** The listed features by policy, in document order. */
  private Map<String, List<String>> policies() {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (CpuFeature f : hostModel.features()) {
      out.computeIfAbsent(f.effectivePolicy().xmlName(), k -> new ArrayList<>()).add(f.name());
    }
    return out;
  }

  private static String mode(ModeCaps m) {
    if (m == null || !m.supported()) {
      return "not supported";
    }
    return m.migratableValues().isEmpty()
        ? "supported"
        : "supported; migratable " + String.join("/", m.migratableValues());
  }

  private void customText(TextLayout t) {
    DomainCapabilities.CustomMode c = dc.cpu().custom();
    if (c == null || !c.supported()) {
      t.field("custom", "not supported");
      return;
    }
    List<String> usable = new ArrayList<>();
    List<String> unusable = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (CustomModel m : c.models()) {
      String name = m.name() + (Boolean.TRUE.equals(m.deprecated()) ? " [deprecated]" : "");
      if (m.usable() == ModelUsability.YES) {
        usable.add(name);
      } else if (m.usable() == ModelUsability.NO) {
        unusable.add(m.blockers().isEmpty() ? name : name + " (" + String.join(" ", m.blockers()) + ")");
      } else {
        unknown.add(name);
      }
    }
    t.list("usable (" + usable.size() + ")", usable);
    t.list("unusable (" + unusable.size() + ")", unusable);
    if (!unknown.isEmpty()) {
      t.list("unknown (" + unknown.size() + ")", unknown);
    }
  }

  private void featuresText(TextLayout t) {
    List<String> yes = new ArrayList<>();
    List<String> no = new ArrayList<>();
    for (FeatureCaps f : dc.features().values()) {
      (Boolean.TRUE.equals(f.supported()) ? yes : no).add(f.name());
    }
    t.list("features", yes);
    t.list("not supported", no);
    for (FeatureCaps f : dc.features().values()) {
      if (Boolean.TRUE.equals(f.supported()) && !f.values().isEmpty()) {
        List<String> vals = new ArrayList<>();
        f.values().forEach((k, v) -> vals.add(k + " " + v));
        t.list("  " + f.name(), vals);
      }
    }
  }

  @Override
  public void json(JsonWriter w) {
    w.field("source", dc.source())
        .field("kind", kind())
        .field("path", dc.path())
        .field("domain", dc.domain())
        .field("machine", dc.machine())
        .field("arch", dc.arch())
        .field("vcpuMax", dc.vcpuMax());
    hostModelJson(w);
    modeJson(w, "hostPassthrough", dc.cpu().hostPassthrough());
    modeJson(w, "maximum", dc.cpu().maximum());
    customJson(w);
    w.name("features").beginArray();
    for (FeatureCaps f : dc.features().values()) {
      w.beginObject().field("name", f.name()).field("supported", f.supported());
      w.name("values").beginObject();
      f.values().forEach(w::field);
      w.endObject().endObject();
    }
    w.endArray();
  }

  private void hostModelJson(JsonWriter w) {
    w.name("hostModel").beginObject();
    boolean supported = hostModel != null && hostModel.supported() && hostModel.cpu() != null;
    w.field("supported", supported);
    w.field("model", supported ? hostModel.model() : null);
    w.field("vendor", supported ? hostModel.vendor() : null);
    w.field("fallback", supported && hostModel.fallback() != null ? hostModel.fallback().xmlName() : null);
    HostReport.maxPhysAddrJson(w, supported ? hostModel.maxPhysAddr() : null);
    w.name("features").beginArray();
    if (supported) {
      for (CpuFeature f : hostModel.features()) {
        w.beginObject().field("name", f.name()).field("policy", f.effectivePolicy().xmlName());
        w.endObject();
      }
    }
    w.endArray();
    expansion.json(w);
    w.endObject();
  }

  private static void modeJson(JsonWriter w, String name, ModeCaps m) {
    w.name(name).beginObject();
    w.field("supported", m != null && m.supported());
    w.stringArray("migratable", m == null ? List.of() : m.migratableValues());
    w.endObject();
  }

  private void customJson(JsonWriter w) {
    DomainCapabilities.CustomMode c = dc.cpu().custom();
    w.name("customModels").beginArray();
    if (c != null) {
      for (CustomModel m : c.models()) {
        w.beginObject()
            .field("name", m.name())
            .field("usable", m.usable() == null ? null : m.usable().xmlName())
            .field("deprecated", m.deprecated())
            .field("vendor", m.vendor())
            .field("canonical", m.canonical())
            .stringArray("blockers", m.blockers())
            .endObject();
      }
    }
    w.endArray();
  }
}
