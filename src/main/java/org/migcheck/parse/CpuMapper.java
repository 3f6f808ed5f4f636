package org.migcheck.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.CpuTopology;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.HostCpu;
import org.migcheck.model.MaxPhysAddr;
import org.migcheck.model.TscCounter;

/** Maps {@link XCpu} (and a domcapabilities host-model mode) to the CPU records. */
final class CpuMapper {
  private CpuMapper() {}

  static GuestCpu guestCpu(XCpu x, Values v) {
    XCpu.Model model = x.model;
    return new GuestCpu(
        v.source(),
        Values.line(x.loc),
        v.enumValue(CpuMode.class, x.mode, "mode", "cpu", x.loc),
        v.enumValue(CpuMatch.class, x.match, "match", "cpu", x.loc),
        v.enumValue(CpuCheck.class, x.check, "check", "cpu", x.loc),
        v.onOff(x.migratable, "migratable", "cpu", x.loc),
        Values.text(x.arch),
        model == null ? null : Values.text(model.name),
        model == null ? null : v.enumValue(Fallback.class, model.fallback, "fallback", "model", model.loc),
        model == null ? null : model.vendorId,
        Values.text(x.vendor),
        microcode(x, v),
        signature(x.signature, v),
        tsc(x, v),
        topology(x.topology, v),
        maxPhysAddr(x.maxphysaddr, v),
        features(x.features, v),
        numaCells(x, v),
        caches(x, v));
  }

  static HostCpu hostCpu(XCpu x, Values v) {
    List<String> names = new ArrayList<>(x.features.size());
    Set<String> seen = new HashSet<>();
    for (XCpu.Feature f : x.features) {
      String name = Values.text(f.name);
      if (name == null) {
        throw v.missing("name", "feature", f.loc);
      }
      if (!seen.add(name)) {
        // libvirt's <cpu> parser rejects this for every command that reads the host CPU
        throw v.error(f.loc, "CPU feature '" + name + "' specified more than once");
      }
      names.add(name);
    }
    List<HostCpu.PageSize> pages = new ArrayList<>(x.pages.size());
    for (XCpu.Pages p : x.pages) {
      pages.add(
          new HostCpu.PageSize(Values.text(p.unit), v.ulong(p.size, "size", "pages", p.loc)));
    }
    return new HostCpu(
        v.source(),
        Values.line(x.loc),
        Values.text(x.arch),
        x.model == null ? null : Values.text(x.model.name),
        Values.text(x.vendor),
        microcode(x, v),
        signature(x.signature, v),
        tsc(x, v),
        topology(x.topology, v),
        maxPhysAddr(x.maxphysaddr, v),
        names,
        pages);
  }

  /**
   * A domcapabilities host-model {@code <mode>} renamed to {@code <cpu>} with its attributes dropped,
   * as virsh does before comparing it.
   */
  static GuestCpu hostModel(XDomainCapabilities.Mode m, Values v) {
    XCpu.Model model = m.models.isEmpty() ? null : m.models.get(0);
    return new GuestCpu(
        v.source(),
        Values.line(m.loc),
        null,
        null,
        null,
        null,
        null,
        model == null ? null : Values.text(model.name),
        model == null ? null : v.enumValue(Fallback.class, model.fallback, "fallback", "model", model.loc),
        model == null ? null : model.vendorId,
        Values.text(m.vendor),
        null,
        null,
        null,
        null,
        maxPhysAddr(m.maxphysaddr, v),
        features(m.features, v),
        List.of(),
        List.of());
  }

  private static Long microcode(XCpu x, Values v) {
    return x.microcode == null ? null : v.ulong(x.microcode.version, "version", "microcode", x.microcode.loc);
  }

  static CpuSignature signature(XCpu.Signature s, Values v) {
    if (s == null) {
      return null;
    }
    return new CpuSignature(
        v.uint(s.family, "family", "signature", s.loc),
        v.uint(s.model, "model", "signature", s.loc),
        v.uint(s.stepping, "stepping", "signature", s.loc));
  }

  /** The tsc counter (libvirt reads {@code counter[@name='tsc']}), or null. */
  private static TscCounter tsc(XCpu x, Values v) {
    for (XCpu.Counter c : x.counters) {
      if ("tsc".equals(Values.text(c.name))) {
        return new TscCounter(
            "tsc",
            v.ulong(c.frequency, "frequency", "counter", c.loc),
            v.yesNo(c.scaling, "scaling", "counter", c.loc));
      }
    }
    return null;
  }

  static CpuTopology topology(XCpu.Topology t, Values v) {
    if (t == null) {
      return null;
    }
    return new CpuTopology(
        v.uint(t.sockets, "sockets", "topology", t.loc),
        v.uint(t.dies, "dies", "topology", t.loc),
        v.uint(t.clusters, "clusters", "topology", t.loc),
        v.uint(t.cores, "cores", "topology", t.loc),
        v.uint(t.threads, "threads", "topology", t.loc));
  }

  static MaxPhysAddr maxPhysAddr(XCpu.MaxPhysAddr m, Values v) {
    if (m == null) {
      return null;
    }
    String mode = Values.text(m.mode);
    if (mode != null && !mode.equals("emulate") && !mode.equals("passthrough")) {
      throw v.invalid(m.mode, "mode", "maxphysaddr", m.loc, "Expected one of: emulate, passthrough");
    }
    return new MaxPhysAddr(
        mode, v.uint(m.bits, "bits", "maxphysaddr", m.loc), v.uint(m.limit, "limit", "maxphysaddr", m.loc));
  }

  static List<GuestCpu.Feature> features(List<XCpu.Feature> in, Values v) {
    List<GuestCpu.Feature> out = new ArrayList<>(in.size());
    for (XCpu.Feature f : in) {
      // kept as written: an empty name is a libvirt error, reported by toCpuDef
      out.add(
          new GuestCpu.Feature(
              f.name,
              v.enumValue(FeaturePolicy.class, f.policy, "policy", "feature", f.loc),
              Values.line(f.loc)));
    }
    return out;
  }

  private static List<GuestCpu.NumaCell> numaCells(XCpu x, Values v) {
    List<GuestCpu.NumaCell> out = new ArrayList<>(x.numaCells.size());
    for (XCpu.NumaCell c : x.numaCells) {
      out.add(
          new GuestCpu.NumaCell(
              v.uint(c.id, "id", "cell", c.loc),
              Values.text(c.cpus),
              v.ulong(c.memory, "memory", "cell", c.loc),
              v.memoryUnit(c.unit, "cell", c.loc),
              Values.text(c.memAccess)));
    }
    return out;
  }

  private static List<GuestCpu.Cache> caches(XCpu x, Values v) {
    List<GuestCpu.Cache> out = new ArrayList<>(x.caches.size());
    for (XCpu.Cache c : x.caches) {
      out.add(new GuestCpu.Cache(v.uint(c.level, "level", "cache", c.loc), Values.text(c.mode)));
    }
    return out;
  }
}
