package org.migcheck.report;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCapabilities.BaseLabel;
import org.migcheck.model.HostCapabilities.Guest;
import org.migcheck.model.HostCapabilities.GuestDomain;
import org.migcheck.model.HostCapabilities.GuestFeature;
import org.migcheck.model.HostCapabilities.Machine;
import org.migcheck.model.HostCapabilities.SecModel;
import org.migcheck.model.HostCpu;
import org.migcheck.model.MaxPhysAddr;
import org.migcheck.model.TscCounter;
import org.migcheck.json.JsonWriter;

/** What {@code virsh capabilities} says about one host, in the order operators need it. */
final class HostReport implements DocumentReport {
  private final HostCapabilities caps;
  private final HostCpu cpu;
  private final CpuExpansion expansion;
  private final HostTopology topology;

  HostReport(HostCapabilities caps, CpuEngine engine) {
    this.caps = caps;
    this.cpu = caps.cpu();
    String arch = cpu == null ? null : cpu.arch();
    if (cpu == null) {
      this.expansion = new CpuExpansion(null, null, "the capabilities have no host <cpu>");
    } else if (cpu.model() == null) {
      this.expansion =
          new CpuExpansion(null, null, "libvirt reports no CPU model for this " + arch + " host");
    } else {
      this.expansion = CpuExpansion.of(cpu.toCpuDef(), arch, engine);
    }
    this.topology = HostTopology.of(caps);
  }

  @Override
  public String kind() {
    return "capabilities";
  }

  @Override
  public CpuExpansion expansion() {
    return expansion;
  }

  @Override
  public String source() {
    return caps.source();
  }

  @Override
  public void text(TextLayout t) {
    t.line("== " + caps.source() + ": host capabilities");
    cpuText(t);
    topology.text(t);
    t.list("page sizes", pageSizes());
    t.field("nested virt", nested());
    t.field("IOMMU", Units.yesNo(caps.iommuSupport()));
    t.field("TSC", tsc());
    t.field("maxphysaddr", maxPhysAddr());
    List<String> secModels = secModels();
    t.field("secmodels", secModels.isEmpty() ? "none" : secModels.get(0));
    secModels.stream().skip(1).forEach(t::more);
    t.field("migration", migration());
    for (Guest g : caps.guests()) {
      guestText(t, g);
    }
  }

  private void cpuText(TextLayout t) {
    if (cpu == null) {
      t.field("CPU", "not reported");
      return;
    }
    List<String> parts = new ArrayList<>();
    parts.add(cpu.arch());
    if (cpu.vendor() != null) {
      parts.add(cpu.vendor());
    }
    if (cpu.model() != null) {
      parts.add(cpu.model() + " (libvirt model)");
    }
    t.field("CPU", String.join(" ", parts));
    List<String> sig = new ArrayList<>();
    if (cpu.signature() != null) {
      sig.add(
          "family " + cpu.signature().family()
              + ", model " + cpu.signature().model()
              + ", stepping " + cpu.signature().stepping());
    }
    if (cpu.microcodeVersion() != null) {
      sig.add("microcode " + Units.hex(cpu.microcodeVersion()));
    }
    if (!sig.isEmpty()) {
      t.field("signature", String.join(", ", sig));
    }
    t.field("features", cpu.features().size() + " listed; " + expansion.summary());
    if (expansion.expanded()) {
      t.field("x86-64 level", expansion.levelTitle());
    }
  }

  private List<String> pageSizes() {
    List<String> out = new ArrayList<>();
    if (cpu != null) {
      for (HostCpu.PageSize p : cpu.pages()) {
        // libvirt always writes a size; a hand-edited file may not
        out.add(p.size() == null ? "? KiB" : Units.memory(p.size(), p.unit()));
      }
    }
    return out;
  }

  private String nested() {
    if (!expansion.expanded()) {
      return "not known (no x86 feature expansion)";
    }
    if (expansion.has("vmx")) {
      return "yes (vmx: guests can run their own KVM guests)";
    }
    if (expansion.has("svm")) {
      return "yes (svm: guests can run their own KVM guests)";
    }
    return "no (neither vmx nor svm)";
  }

  private String tsc() {
    TscCounter c = cpu == null ? null : cpu.counter();
    String invtsc = expansion.expanded() ? "invtsc " + (expansion.has("invtsc") ? "yes" : "no") : null;
    if (c == null || c.frequency() == null) {
      return "frequency not reported" + (invtsc == null ? "" : "; " + invtsc);
    }
    String s = Units.megahertz(c.frequency()) + "; scaling " + Units.yesNo(c.scaling());
    return invtsc == null ? s : s + "; " + invtsc;
  }

  private String maxPhysAddr() {
    MaxPhysAddr m = cpu == null ? null : cpu.maxPhysAddr();
    if (m == null) {
      return "not reported";
    }
    List<String> parts = new ArrayList<>();
    parts.add("mode " + m.mode());
    if (m.bits() != null) {
      parts.add(m.bits() + " bits");
    }
    if (m.limit() != null) {
      parts.add("limit " + m.limit());
    }
    return String.join(", ", parts);
  }

  private List<String> secModels() {
    List<String> out = new ArrayList<>();
    for (SecModel s : caps.secModels()) {
      StringBuilder sb = new StringBuilder(String.valueOf(s.model()))
          .append(" (doi ").append(s.doi() == null ? "not reported" : s.doi());
      for (BaseLabel b : s.baseLabels()) {
        sb.append(", ").append(b.type()).append(' ').append(b.label());
      }
      out.add(sb.append(')').toString());
    }
    return out;
  }

  private String migration() {
    HostCapabilities.MigrationFeatures m = caps.migrationFeatures();
    if (m == null) {
      return "not reported";
    }
    String transports =
        m.uriTransports().isEmpty() ? "none listed" : String.join(", ", m.uriTransports());
    return "live " + (m.live() ? "yes" : "no") + "; URI transports " + transports;
  }

  private static void guestText(TextLayout t, Guest g) {
    HostCapabilities.GuestArch a = g.arch();
    List<String> head = new ArrayList<>();
    head.add(g.osType() + " " + a.name());
    if (a.wordSize() != null) {
      head.add(a.wordSize() + "-bit");
    }
    head.add("domain types " + String.join(", ", domainTypes(a)));
    t.field("guest", String.join("; ", head));
    t.list("  machines", Machines.summary(allMachines(a)));
    List<String> aliases = Machines.aliases(allMachines(a));
    if (!aliases.isEmpty()) {
      t.list("  aliases", aliases);
    }
    t.list("  features", g.features().stream().map(HostReport::feature).toList());
  }

  private static List<String> domainTypes(HostCapabilities.GuestArch a) {
    return a.domains().stream().map(GuestDomain::type).toList();
  }

  /** The arch's machines plus those only a domain type lists, without duplicates. */
  private static List<Machine> allMachines(HostCapabilities.GuestArch a) {
    List<Machine> out = new ArrayList<>(a.machines());
    for (GuestDomain d : a.domains()) {
      for (Machine m : d.machines()) {
        if (out.stream().noneMatch(x -> x.name().equals(m.name()))) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static String feature(GuestFeature f) {
    List<String> attrs = new ArrayList<>();
    if (f.defaultOn() != null) {
      attrs.add("default " + (f.defaultOn() ? "on" : "off"));
    }
    if (Boolean.TRUE.equals(f.toggle())) {
      attrs.add("toggle");
    }
    return attrs.isEmpty() ? f.name() : f.name() + " (" + String.join(", ", attrs) + ")";
  }

  @Override
  public void json(JsonWriter w) {
    w.field("source", caps.source()).field("kind", kind());
    cpuJson(w);
    topology.json(w);
    w.stringArray("pageSizes", pageSizes());
    w.field("nestedVirtualization", expansion.expanded() ? expansion.has("vmx") || expansion.has("svm") : null);
    w.field("iommu", caps.iommuSupport());
    tscJson(w);
    maxPhysAddrJson(w, cpu == null ? null : cpu.maxPhysAddr());
    secModelsJson(w);
    migrationJson(w);
    guestsJson(w);
  }

  private void cpuJson(JsonWriter w) {
    w.name("cpu");
    if (cpu == null) {
      w.nullValue();
      return;
    }
    w.beginObject()
        .field("arch", cpu.arch())
        .field("vendor", cpu.vendor())
        .field("model", cpu.model())
        .field("microcode", cpu.microcodeVersion());
    w.name("signature");
    if (cpu.signature() == null) {
      w.nullValue();
    } else {
      w.beginObject()
          .field("family", cpu.signature().family())
          .field("model", cpu.signature().model())
          .field("stepping", cpu.signature().stepping())
          .endObject();
    }
    w.stringArray("listedFeatures", cpu.features());
    expansion.json(w);
    w.endObject();
  }

  private void tscJson(JsonWriter w) {
    TscCounter c = cpu == null ? null : cpu.counter();
    w.name("tsc").beginObject();
    w.field("frequency", c == null ? null : c.frequency());
    w.field("scaling", c == null ? null : c.scaling());
    w.field("invtsc", expansion.expanded() ? expansion.has("invtsc") : null);
    w.endObject();
  }

  static void maxPhysAddrJson(JsonWriter w, MaxPhysAddr m) {
    w.name("maxPhysAddr");
    if (m == null) {
      w.nullValue();
      return;
    }
    w.beginObject()
        .field("mode", m.mode())
        .field("bits", m.bits())
        .field("limit", m.limit())
        .endObject();
  }

  private void secModelsJson(JsonWriter w) {
    w.name("secModels").beginArray();
    for (SecModel s : caps.secModels()) {
      w.beginObject().field("model", s.model()).field("doi", s.doi());
      w.name("baseLabels").beginArray();
      for (BaseLabel b : s.baseLabels()) {
        w.beginObject().field("type", b.type()).field("label", b.label()).endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
  }

  private void migrationJson(JsonWriter w) {
    HostCapabilities.MigrationFeatures m = caps.migrationFeatures();
    w.name("migration");
    if (m == null) {
      w.nullValue();
      return;
    }
    w.beginObject().field("live", m.live()).stringArray("uriTransports", m.uriTransports());
    w.endObject();
  }

  private void guestsJson(JsonWriter w) {
    w.name("guests").beginArray();
    for (Guest g : caps.guests()) {
      HostCapabilities.GuestArch a = g.arch();
      w.beginObject()
          .field("osType", g.osType())
          .field("arch", a.name())
          .field("wordSize", a.wordSize())
          .field("emulator", a.emulator());
      w.name("domains").beginArray();
      for (GuestDomain d : a.domains()) {
        w.beginObject().field("type", d.type()).field("emulator", d.emulator());
        machinesJson(w, d.machines());
        w.endObject();
      }
      w.endArray();
      machinesJson(w, a.machines());
      w.name("features").beginArray();
      for (GuestFeature f : g.features()) {
        w.beginObject()
            .field("name", f.name())
            .field("default", f.defaultOn() == null ? null : f.defaultOn() ? "on" : "off")
            .field("toggle", f.toggle())
            .endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
  }

  private static void machinesJson(JsonWriter w, List<Machine> machines) {
    w.name("machines").beginArray();
    for (Machine m : Machines.sorted(machines)) {
      w.beginObject()
          .field("name", m.name())
          .field("canonical", m.canonical())
          .field("maxCpus", m.maxCpus())
          .field("deprecated", Boolean.TRUE.equals(m.deprecated()))
          .endObject();
    }
    w.endArray();
  }
}
