package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuTopology;
import org.migcheck.model.MemoryUnits;
import org.migcheck.model.DomainDef;
import org.migcheck.model.DomainDef.HugePage;
import org.migcheck.model.DomainDef.SecLabel;
import org.migcheck.model.DomainDef.Timer;
import org.migcheck.json.JsonWriter;

/** A guest definition: what it asks of the host it runs on or migrates to. */
final class DomainReport implements DocumentReport {
  private final DomainDef d;
  private final CpuDef cpu;
  private final CpuExpansion expansion;

  DomainReport(DomainDef d, CpuEngine engine) {
    this.d = d;
    this.cpu = d.cpuDef();
    String arch = d.os() == null ? null : d.os().arch();
    if (cpu == null) {
      this.expansion = new CpuExpansion(null, null, "no <cpu>: the hypervisor's default model");
    } else if (cpu.mode() != CpuMode.CUSTOM) {
      this.expansion =
          new CpuExpansion(
              null, null, cpu.mode().xmlName() + ": the host decides the features at start");
    } else {
      this.expansion = CpuExpansion.of(cpu, arch, engine);
    }
  }

  @Override
  public String kind() {
    return "domain";
  }

  @Override
  public CpuExpansion expansion() {
    return expansion;
  }

  @Override
  public String source() {
    return d.source();
  }

  @Override
  public void text(TextLayout t) {
    t.line("== " + d.source() + ": domain " + d.name());
    List<String> os = new ArrayList<>();
    os.add("type " + d.type());
    if (d.os() != null) {
      os.add(d.os().type() + (d.os().arch() == null ? "" : " " + d.os().arch()));
      os.add("machine " + (d.os().machine() == null ? "not set (the hypervisor's default)"
          : d.os().machine()));
    }
    t.field("guest", String.join(", ", os));
    t.field("CPU", cpuLine());
    if (cpu != null && !cpu.features().isEmpty()) {
      t.list("  features", cpu.features().stream().map(f -> policy(f) + " " + f.name()).toList());
    }
    if (cpu != null) {
      t.field("  expanded", expansion.summary());
      if (expansion.expanded()) {
        t.field("  x86-64 level", expansion.levelTitle());
      }
    }
    t.field("memory", d.memory() == null ? "not set" : Units.kib(d.memory().kib()));
    t.field("vCPUs", vcpus());
    t.field("clock", clock());
    t.list("seclabels", d.secLabels().stream().map(DomainReport::secLabel).toList());
    t.field("hugepages", hugePages());
    t.list("blockers", d.migrationBlockers());
  }

  private String cpuLine() {
    if (cpu == null) {
      return "not set (hypervisor default)";
    }
    List<String> parts = new ArrayList<>();
    parts.add("mode " + cpu.mode().xmlName());
    if (cpu.model() != null) {
      parts.add("model " + cpu.model());
      if (cpu.fallback() != null) {
        parts.add("fallback " + cpu.fallback().xmlName());
      }
    }
    if (cpu.mode() == CpuMode.CUSTOM && cpu.match() != null) {
      parts.add("match " + cpu.match().xmlName());
    }
    if (cpu.check() != null) {
      parts.add("check " + cpu.check().xmlName());
    }
    if (cpu.migratable() != null) {
      parts.add("migratable " + (cpu.migratable() ? "on" : "off"));
    }
    if (cpu.vendor() != null) {
      parts.add("vendor " + cpu.vendor());
    }
    CpuTopology topo = d.cpu().topology();
    if (topo != null) {
      boolean clusters = topo.clusters() != null;
      parts.add("topology " + topo.sockets() + "×" + one(topo.dies()) + "×"
          + (clusters ? topo.clusters() + "×" : "") + topo.cores() + "×" + topo.threads()
          + (clusters ? " (sockets×dies×clusters×cores×threads)" : " (sockets×dies×cores×threads)"));
    }
    return String.join(", ", parts);
  }

  private static String policy(CpuFeature f) {
    return f.effectivePolicy().xmlName();
  }

  private String vcpus() {
    if (d.vcpu() == null) {
      return "not set";
    }
    String s = String.valueOf(d.vcpu().count());
    if (d.vcpu().current() != null) {
      s += " (" + d.vcpu().current() + " current)";
    }
    if (d.vcpu().placement() != null) {
      s += ", placement " + d.vcpu().placement();
    }
    return s;
  }

  private String clock() {
    if (d.clock() == null) {
      return "not set";
    }
    String s = "offset " + d.clock().offset();
    Timer tsc = d.clock().timer("tsc");
    if (tsc == null) {
      return s + "; no TSC timer";
    }
    List<String> parts = new ArrayList<>();
    if (tsc.frequency() != null) {
      parts.add("frequency " + Units.megahertz(tsc.frequency()) + " (the destination must match or scale)");
    }
    if (tsc.mode() != null) {
      parts.add("mode " + tsc.mode());
    }
    if (tsc.present() != null) {
      parts.add("present " + (tsc.present() ? "yes" : "no"));
    }
    return s + "; TSC timer " + (parts.isEmpty() ? "set" : String.join(", ", parts));
  }

  private static String secLabel(SecLabel s) {
    String label = s.type() + (s.model() == null ? "" : " " + s.model());
    return s.relabel() == null ? label : label + " (relabel " + (s.relabel() ? "yes" : "no") + ")";
  }

  private String hugePages() {
    if (!d.hugePagesRequested()) {
      return "no";
    }
    if (d.hugePages().isEmpty()) {
      return "yes (default size)";
    }
    List<String> out = new ArrayList<>();
    for (HugePage p : d.hugePages()) {
      String size = p.size() == null ? "default size" : Units.memory(p.size(), p.unit());
      out.add(p.nodeset() == null ? size : size + " on nodes " + p.nodeset());
    }
    return "yes, " + String.join(", ", out);
  }

  @Override
  public void json(JsonWriter w) {
    w.field("source", d.source())
        .field("kind", kind())
        .field("name", d.name())
        .field("uuid", d.uuid())
        .field("type", d.type())
        .field("osType", d.os() == null ? null : d.os().type())
        .field("arch", d.os() == null ? null : d.os().arch())
        .field("machine", d.os() == null ? null : d.os().machine());
    cpuJson(w);
    w.field("memoryKiB", d.memory() == null ? null : d.memory().kib());
    w.name("vcpu");
    if (d.vcpu() == null) {
      w.nullValue();
    } else {
      w.beginObject()
          .field("count", d.vcpu().count())
          .field("current", d.vcpu().current())
          .field("placement", d.vcpu().placement())
          .endObject();
    }
    clockJson(w);
    w.name("secLabels").beginArray();
    for (SecLabel s : d.secLabels()) {
      w.beginObject()
          .field("type", s.type())
          .field("model", s.model())
          .field("relabel", s.relabel())
          .endObject();
    }
    w.endArray();
    w.name("hugePages").beginObject().field("requested", d.hugePagesRequested());
    w.name("pages").beginArray();
    for (HugePage p : d.hugePages()) {
      w.beginObject()
          .field("sizeKiB", p.size() == null || !MemoryUnits.isKnown(p.unit()) ? null : MemoryUnits.toKib(p.size(), p.unit()))
          .field("nodeset", p.nodeset())
          .endObject();
    }
    w.endArray().endObject();
    w.stringArray("migrationBlockers", d.migrationBlockers());
  }

  private void cpuJson(JsonWriter w) {
    w.name("cpu");
    if (cpu == null) {
      w.nullValue();
      return;
    }
    w.beginObject()
        .field("mode", cpu.mode().xmlName())
        .field("match", cpu.match() == null ? null : cpu.match().xmlName())
        .field("check", cpu.check() == null ? null : cpu.check().xmlName())
        .field("migratable", cpu.migratable())
        .field("model", cpu.model())
        .field("fallback", cpu.fallback() == null ? null : cpu.fallback().xmlName())
        .field("vendor", cpu.vendor());
    w.name("features").beginArray();
    for (CpuFeature f : cpu.features()) {
      w.beginObject().field("name", f.name()).field("policy", policy(f)).endObject();
    }
    w.endArray();
    expansion.json(w);
    w.endObject();
  }

  private void clockJson(JsonWriter w) {
    w.name("clock");
    if (d.clock() == null) {
      w.nullValue();
      return;
    }
    Timer tsc = d.clock().timer("tsc");
    w.beginObject().field("offset", d.clock().offset());
    w.name("tscTimer");
    if (tsc == null) {
      w.nullValue();
    } else {
      w.beginObject()
          .field("frequency", tsc.frequency())
          .field("mode", tsc.mode())
          .field("present", tsc.present())
          .endObject();
    }
    w.endObject();
  }

  private static int one(Integer v) {
    return v == null ? 1 : v;
  }
}
