package org.migcheck.parse;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCapabilities.BandwidthControl;
import org.migcheck.model.HostCapabilities.BandwidthNode;
import org.migcheck.model.HostCapabilities.BaseLabel;
import org.migcheck.model.HostCapabilities.CacheBank;
import org.migcheck.model.HostCapabilities.CacheControl;
import org.migcheck.model.HostCapabilities.Distance;
import org.migcheck.model.HostCapabilities.Guest;
import org.migcheck.model.HostCapabilities.GuestArch;
import org.migcheck.model.HostCapabilities.GuestDomain;
import org.migcheck.model.HostCapabilities.GuestFeature;
import org.migcheck.model.HostCapabilities.Machine;
import org.migcheck.model.HostCapabilities.MigrationFeatures;
import org.migcheck.model.HostCapabilities.NumaCell;
import org.migcheck.model.HostCapabilities.NumaCpu;
import org.migcheck.model.HostCapabilities.PageCount;
import org.migcheck.model.HostCapabilities.SecModel;
import org.migcheck.model.HostCpu;
import org.migcheck.xml.XmlNode;
import org.xml.sax.Locator;

/** Maps {@link XCapabilities} to {@link HostCapabilities}. */
final class CapabilitiesMapper {
  private final Values v;

  CapabilitiesMapper(Values v) {
    this.v = v;
  }

  HostCapabilities map(XCapabilities x) {
    XCapabilities.Host h = x.host != null ? x.host : new XCapabilities.Host();
    HostCpu cpu = h.cpu == null ? null : CpuMapper.hostCpu(h.cpu, v);
    return new HostCapabilities(
        v.source(),
        Values.line(x.loc),
        Values.text(h.uuid),
        cpu,
        powerManagement(h.powerManagement),
        h.iommu == null ? null : v.yesNo(h.iommu.support, "support", "iommu", h.iommu.loc),
        migration(h.migrationFeatures),
        cells(h.topology),
        banks(h.cache),
        bandwidth(h.memoryBandwidth),
        secModels(h.secModels),
        guests(x.guests));
  }

  private static List<String> powerManagement(XCapabilities.PowerManagement pm) {
    List<String> out = new ArrayList<>();
    if (pm == null) {
      return out;
    }
    if (pm.suspendMem != null) {
      out.add("suspend_mem");
    }
    if (pm.suspendDisk != null) {
      out.add("suspend_disk");
    }
    if (pm.suspendHybrid != null) {
      out.add("suspend_hybrid");
    }
    return out;
  }

  private static MigrationFeatures migration(XCapabilities.MigrationFeatures m) {
    if (m == null) {
      return null;
    }
    List<String> transports = new ArrayList<>();
    for (String t : m.uriTransports) {
      String text = Values.text(t);
      if (text != null) {
        transports.add(text);
      }
    }
    return new MigrationFeatures(m.live != null, transports);
  }

  private List<NumaCell> cells(XCapabilities.Topology t) {
    List<NumaCell> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    for (XCapabilities.Cell c : t.cells) {
      List<PageCount> pages = new ArrayList<>();
      for (XCpu.Pages p : c.pages) {
        pages.add(
            new PageCount(
                Values.text(p.unit),
                v.ulong(p.size, "size", "pages", p.loc),
                v.ulong(p.count, null, "pages", p.loc)));
      }
      List<Distance> distances = new ArrayList<>();
      for (XCapabilities.Sibling s : c.distances) {
        distances.add(
            new Distance(v.uint(s.id, "id", "sibling", s.loc), v.uint(s.value, "value", "sibling", s.loc)));
      }
      List<NumaCpu> cpus = new ArrayList<>();
      for (XCapabilities.CellCpu cpu : c.cpus) {
        Locator at = cpu.loc;
        cpus.add(
            new NumaCpu(
                v.uint(cpu.id, "id", "cpu", at),
                v.uint(cpu.socketId, "socket_id", "cpu", at),
                v.uint(cpu.dieId, "die_id", "cpu", at),
                v.uint(cpu.clusterId, "cluster_id", "cpu", at),
                v.uint(cpu.coreId, "core_id", "cpu", at),
                Values.text(cpu.siblings)));
      }
      XCapabilities.ValueWithUnit mem = c.memory;
      out.add(
          new NumaCell(
              v.uint(c.id, "id", "cell", c.loc),
              mem == null ? null : v.ulong(mem.value, null, "memory", mem.loc),
              mem == null ? null : v.memoryUnit(mem.unit, "memory", mem.loc),
              pages,
              distances,
              cpus));
    }
    return out;
  }

  private List<CacheBank> banks(XCapabilities.Cache cache) {
    List<CacheBank> out = new ArrayList<>();
    if (cache == null) {
      return out;
    }
    for (XCapabilities.Bank b : cache.banks) {
      List<CacheControl> controls = new ArrayList<>();
      for (XCapabilities.Control c : b.controls) {
        controls.add(
            new CacheControl(
                v.ulong(c.granularity, "granularity", "control", c.loc),
                v.ulong(c.min, "min", "control", c.loc),
                Values.text(c.unit),
                Values.text(c.type),
                v.uint(c.maxAllocs, "maxAllocs", "control", c.loc)));
      }
      out.add(
          new CacheBank(
              v.uint(b.id, "id", "bank", b.loc),
              v.uint(b.level, "level", "bank", b.loc),
              Values.text(b.type),
              v.ulong(b.size, "size", "bank", b.loc),
              Values.text(b.unit),
              Values.text(b.cpus),
              controls));
    }
    return out;
  }

  private List<BandwidthNode> bandwidth(List<XCapabilities.BandwidthNode> nodes) {
    List<BandwidthNode> out = new ArrayList<>();
    for (XCapabilities.BandwidthNode n : nodes) {
      XCapabilities.Control c = n.control;
      BandwidthControl control =
          c == null
              ? null
              : new BandwidthControl(
                  v.uint(c.granularity, "granularity", "control", c.loc),
                  v.uint(c.min, "min", "control", c.loc),
                  v.uint(c.maxAllocs, "maxAllocs", "control", c.loc));
      out.add(new BandwidthNode(v.uint(n.id, "id", "node", n.loc), Values.text(n.cpus), control));
    }
    return out;
  }

  private static List<SecModel> secModels(List<XCapabilities.SecModel> in) {
    List<SecModel> out = new ArrayList<>();
    for (XCapabilities.SecModel s : in) {
      List<BaseLabel> labels = new ArrayList<>();
      for (XCapabilities.BaseLabel l : s.baseLabels) {
        labels.add(new BaseLabel(Values.text(l.type), Values.text(l.label)));
      }
      out.add(new SecModel(Values.text(s.model), Values.text(s.doi), labels));
    }
    return out;
  }

  private List<Guest> guests(List<XCapabilities.Guest> in) {
    List<Guest> out = new ArrayList<>();
    for (XCapabilities.Guest g : in) {
      List<GuestFeature> features = new ArrayList<>();
      if (g.features != null) {
        for (XmlNode e : g.features.elements) {
          features.add(
              new GuestFeature(
                  e.name(),
                  v.onOff(e.attributes().get("default"), "default", e.name(), g.features.loc),
                  v.yesNo(e.attributes().get("toggle"), "toggle", e.name(), g.features.loc)));
        }
      }
      out.add(new Guest(Values.text(g.osType), arch(g.arch), features));
    }
    return out;
  }

  private GuestArch arch(XCapabilities.GuestArch a) {
    if (a == null) {
      return null;
    }
    List<GuestDomain> domains = new ArrayList<>();
    for (XCapabilities.GuestDomain d : a.domains) {
      domains.add(new GuestDomain(Values.text(d.type), Values.text(d.emulator), machines(d.machines)));
    }
    return new GuestArch(
        Values.text(a.name),
        v.uint(a.wordsize, null, "wordsize", a.loc),
        Values.text(a.emulator),
        machines(a.machines),
        domains);
  }

  private List<Machine> machines(List<XCapabilities.Machine> in) {
    List<Machine> out = new ArrayList<>(in.size());
    for (XCapabilities.Machine m : in) {
      out.add(
          new Machine(
              Values.text(m.name),
              Values.text(m.canonical),
              v.uint(m.maxCpus, "maxCpus", "machine", m.loc),
              v.yesNo(m.deprecated, "deprecated", "machine", m.loc)));
    }
    return out;
  }
}
