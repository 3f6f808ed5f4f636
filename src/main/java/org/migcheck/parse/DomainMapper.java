package org.migcheck.parse;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.model.DomainDef;
import org.migcheck.model.DomainDef.Clock;
import org.migcheck.model.DomainDef.Devices;
import org.migcheck.model.DomainDef.HostDev;
import org.migcheck.model.DomainDef.HugePage;
import org.migcheck.model.DomainDef.MemNode;
import org.migcheck.model.DomainDef.Memory;
import org.migcheck.model.DomainDef.MemoryTune;
import org.migcheck.model.DomainDef.NumaTune;
import org.migcheck.model.DomainDef.SecLabel;
import org.migcheck.model.DomainDef.Timer;
import org.migcheck.model.DomainDef.Vcpu;
import org.migcheck.xml.XmlNode;

/** Maps {@link XDomain} to {@link DomainDef}. */
final class DomainMapper {
  private final Values v;

  DomainMapper(Values v) {
    this.v = v;
  }

  DomainDef map(XDomain x) {
    boolean hugePagesRequested = x.memoryBacking != null && x.memoryBacking.hugepages != null;
    return new DomainDef(
        v.source(),
        Values.line(x.loc),
        Values.text(x.type),
        Values.text(x.name),
        Values.text(x.uuid),
        os(x.os),
        x.cpu == null ? null : CpuMapper.guestCpu(x.cpu, v),
        memory(x.memory),
        vcpu(x.vcpu),
        clock(x.clock),
        secLabels(x.secLabels),
        hugePagesRequested ? hugePages(x.memoryBacking.hugepages) : List.of(),
        hugePagesRequested,
        numaTune(x.numatune),
        devices(x.devices),
        features(x.features));
  }

  private static DomainDef.Os os(XDomain.Os os) {
    if (os == null || os.type == null) {
      return null;
    }
    return new DomainDef.Os(
        Values.text(os.type.value), Values.text(os.type.arch), Values.text(os.type.machine));
  }

  private Memory memory(XDomain.Memory m) {
    if (m == null) {
      return null;
    }
    long amount = v.requiredUlong(m.value, null, "memory", m.loc);
    String unit = v.memoryUnit(m.unit, "memory", m.loc);
    return new Memory(amount, unit == null ? "KiB" : unit);
  }

  private Vcpu vcpu(XDomain.Vcpu c) {
    if (c == null) {
      return null;
    }
    long count = v.requiredUlong(c.value, null, "vcpu", c.loc);
    if (count > Integer.MAX_VALUE) {
      throw v.invalid(c.value, null, "vcpu", c.loc, "Expected a vCPU count");
    }
    return new Vcpu(
        (int) count, v.uint(c.current, "current", "vcpu", c.loc), Values.text(c.placement));
  }

  private Clock clock(XDomain.Clock c) {
    if (c == null) {
      return null;
    }
    List<Timer> timers = new ArrayList<>(c.timers.size());
    for (XDomain.Timer t : c.timers) {
      timers.add(
          new Timer(
              Values.text(t.name),
              v.yesNo(t.present, "present", "timer", t.loc),
              v.ulong(t.frequency, "frequency", "timer", t.loc),
              Values.text(t.mode),
              Values.text(t.tickpolicy)));
    }
    return new Clock(Values.text(c.offset), timers);
  }

  private List<SecLabel> secLabels(List<XDomain.SecLabel> in) {
    List<SecLabel> out = new ArrayList<>(in.size());
    for (XDomain.SecLabel s : in) {
      out.add(
          new SecLabel(
              Values.text(s.type),
              Values.text(s.model),
              v.yesNo(s.relabel, "relabel", "seclabel", s.loc)));
    }
    return out;
  }

  private List<HugePage> hugePages(XDomain.Hugepages h) {
    List<HugePage> out = new ArrayList<>(h.pages.size());
    for (XDomain.Page p : h.pages) {
      Long size = v.ulong(p.size, "size", "page", p.loc);
      if (size != null && size == 0) {
        throw v.error(p.loc, "hugepage size can't be zero"); // libvirt's check and wording
      }
      out.add(
          new HugePage(
              size,
              v.memoryUnit(p.unit, "page", p.loc),
              Values.text(p.nodeset)));
    }
    return out;
  }

  private NumaTune numaTune(XDomain.NumaTune n) {
    if (n == null) {
      return null;
    }
    MemoryTune memory =
        n.memory == null
            ? null
            : new MemoryTune(
                Values.text(n.memory.mode),
                Values.text(n.memory.nodeset),
                Values.text(n.memory.placement));
    List<MemNode> nodes = new ArrayList<>(n.memNodes.size());
    for (XDomain.MemNode m : n.memNodes) {
      nodes.add(
          new MemNode(
              v.uint(m.cellid, "cellid", "memnode", m.loc),
              Values.text(m.mode),
              Values.text(m.nodeset)));
    }
    return new NumaTune(memory, nodes);
  }

  private static Devices devices(XDomain.Devices d) {
    if (d == null) {
      return Devices.NONE;
    }
    List<HostDev> hostDevs = new ArrayList<>(d.hostDevs.size());
    for (XDomain.HostDev h : d.hostDevs) {
      hostDevs.add(new HostDev(Values.text(h.mode), Values.text(h.type), Values.line(h.loc)));
    }
    List<String> interfaces = new ArrayList<>(d.interfaces.size());
    for (XDomain.Interface i : d.interfaces) {
      interfaces.add(Values.text(i.type));
    }
    List<String> shmems = new ArrayList<>(d.shmems.size());
    for (XDomain.Shmem s : d.shmems) {
      shmems.add(Values.text(s.name));
    }
    return new Devices(hostDevs, interfaces, shmems);
  }

  private static List<String> features(AnyChildren f) {
    List<String> out = new ArrayList<>();
    if (f != null) {
      for (XmlNode e : f.elements) {
        out.add(e.name());
      }
    }
    return out;
  }
}
