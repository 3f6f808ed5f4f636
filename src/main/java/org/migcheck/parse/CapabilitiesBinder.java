package org.migcheck.parse;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Binds {@code <capabilities>} into {@link XCapabilities} as JAXB would (see {@link Binder}). */
final class CapabilitiesBinder extends CpuBinder {
  CapabilitiesBinder(XMLStreamReader r, int firstLine) {
    super(r, firstLine);
  }

  XCapabilities capabilities() throws XMLStreamException {
    XCapabilities x = new XCapabilities();
    x.loc = here();
    while (nextChild()) {
      switch (childName()) {
        case "host" -> x.host = host();
        case "guest" -> x.guests.add(guest());
        default -> skip();
      }
    }
    return x;
  }

  private XCapabilities.Host host() throws XMLStreamException {
    XCapabilities.Host h = new XCapabilities.Host();
    while (nextChild()) {
      switch (childName()) {
        case "uuid" -> h.uuid = text();
        case "cpu" -> h.cpu = cpu();
        case "power_management" -> h.powerManagement = powerManagement();
        case "iommu" -> {
          XCapabilities.Iommu i = new XCapabilities.Iommu();
          i.loc = here();
          i.support = attr("support");
          skip();
          h.iommu = i;
        }
        case "migration_features" -> h.migrationFeatures = migrationFeatures();
        case "topology" -> {
          XCapabilities.Topology t = new XCapabilities.Topology();
          while (nextChild("cells")) {
            t.cells.clear(); // a wrapper starts its list afresh (see Binder)
            while (nextChild("cell")) {
              t.cells.add(cell());
            }
          }
          h.topology = t;
        }
        case "cache" -> {
          XCapabilities.Cache c = new XCapabilities.Cache();
          while (nextChild("bank")) {
            c.banks.add(bank());
          }
          h.cache = c;
        }
        case "memory_bandwidth" -> {
          h.memoryBandwidth.clear(); // a wrapper starts its list afresh (see Binder)
          while (nextChild("node")) {
            h.memoryBandwidth.add(bandwidthNode());
          }
        }
        case "secmodel" -> h.secModels.add(secModel());
        default -> skip();
      }
    }
    return h;
  }

  private XCapabilities.PowerManagement powerManagement() throws XMLStreamException {
    XCapabilities.PowerManagement p = new XCapabilities.PowerManagement();
    while (nextChild()) {
      switch (childName()) {
        case "suspend_mem" -> p.suspendMem = empty();
        case "suspend_disk" -> p.suspendDisk = empty();
        case "suspend_hybrid" -> p.suspendHybrid = empty();
        default -> skip();
      }
    }
    return p;
  }

  private XCapabilities.Empty empty() throws XMLStreamException {
    skip();
    return new XCapabilities.Empty();
  }

  private XCapabilities.MigrationFeatures migrationFeatures() throws XMLStreamException {
    XCapabilities.MigrationFeatures m = new XCapabilities.MigrationFeatures();
    while (nextChild()) {
      switch (childName()) {
        case "live" -> m.live = empty();
        case "uri_transports" -> {
          m.uriTransports.clear(); // a wrapper starts its list afresh (see Binder)
          while (nextChild("uri_transport")) {
            m.uriTransports.add(text());
          }
        }
        default -> skip();
      }
    }
    return m;
  }

  private XCapabilities.Cell cell() throws XMLStreamException {
    XCapabilities.Cell c = new XCapabilities.Cell();
    c.loc = here();
    c.id = attr("id");
    while (nextChild()) {
      switch (childName()) {
        case "memory" -> {
          XCapabilities.ValueWithUnit m = new XCapabilities.ValueWithUnit();
          m.loc = here();
          m.unit = attr("unit");
          m.value = text();
          c.memory = m;
        }
        case "pages" -> c.pages.add(pages());
        case "distances" -> {
          c.distances.clear(); // a wrapper starts its list afresh (see Binder)
          while (nextChild("sibling")) {
            c.distances.add(sibling());
          }
        }
        case "cpus" -> {
          c.cpus.clear(); // a wrapper starts its list afresh (see Binder)
          while (nextChild("cpu")) {
            c.cpus.add(cellCpu());
          }
        }
        default -> skip();
      }
    }
    return c;
  }

  private XCapabilities.Sibling sibling() throws XMLStreamException {
    XCapabilities.Sibling s = new XCapabilities.Sibling();
    s.loc = here();
    s.id = attr("id");
    s.value = attr("value");
    skip();
    return s;
  }

  private XCapabilities.CellCpu cellCpu() throws XMLStreamException {
    XCapabilities.CellCpu c = new XCapabilities.CellCpu();
    c.loc = here();
    c.id = attr("id");
    c.socketId = attr("socket_id");
    c.dieId = attr("die_id");
    c.clusterId = attr("cluster_id");
    c.coreId = attr("core_id");
    c.siblings = attr("siblings");
    skip();
    return c;
  }

  private XCapabilities.Bank bank() throws XMLStreamException {
    XCapabilities.Bank b = new XCapabilities.Bank();
    b.loc = here();
    b.id = attr("id");
    b.level = attr("level");
    b.type = attr("type");
    b.size = attr("size");
    b.unit = attr("unit");
    b.cpus = attr("cpus");
    while (nextChild("control")) {
      b.controls.add(control());
    }
    return b;
  }

  private XCapabilities.Control control() throws XMLStreamException {
    XCapabilities.Control c = new XCapabilities.Control();
    c.loc = here();
    c.granularity = attr("granularity");
    c.min = attr("min");
    c.unit = attr("unit");
    c.type = attr("type");
    c.maxAllocs = attr("maxAllocs");
    skip();
    return c;
  }

  private XCapabilities.BandwidthNode bandwidthNode() throws XMLStreamException {
    XCapabilities.BandwidthNode n = new XCapabilities.BandwidthNode();
    n.loc = here();
    n.id = attr("id");
    n.cpus = attr("cpus");
    while (nextChild("control")) {
      n.control = control();
    }
    return n;
  }

  private XCapabilities.SecModel secModel() throws XMLStreamException {
    XCapabilities.SecModel s = new XCapabilities.SecModel();
    while (nextChild()) {
      switch (childName()) {
        case "model" -> s.model = text();
        case "doi" -> s.doi = text();
        case "baselabel" -> {
          XCapabilities.BaseLabel b = new XCapabilities.BaseLabel();
          b.type = attr("type");
          b.label = text();
          s.baseLabels.add(b);
        }
        default -> skip();
      }
    }
    return s;
  }

  private XCapabilities.Guest guest() throws XMLStreamException {
    XCapabilities.Guest g = new XCapabilities.Guest();
    while (nextChild()) {
      switch (childName()) {
        case "os_type" -> g.osType = text();
        case "arch" -> g.arch = guestArch();
        case "features" -> g.features = anyChildren();
        default -> skip();
      }
    }
    return g;
  }

  private XCapabilities.GuestArch guestArch() throws XMLStreamException {
    XCapabilities.GuestArch a = new XCapabilities.GuestArch();
    a.loc = here();
    a.name = attr("name");
    while (nextChild()) {
      switch (childName()) {
        case "wordsize" -> a.wordsize = text();
        case "emulator" -> a.emulator = text();
        case "machine" -> a.machines.add(machine());
        case "domain" -> {
          XCapabilities.GuestDomain d = new XCapabilities.GuestDomain();
          d.type = attr("type");
          while (nextChild()) {
            switch (childName()) {
              case "emulator" -> d.emulator = text();
              case "machine" -> d.machines.add(machine());
              default -> skip();
            }
          }
          a.domains.add(d);
        }
        default -> skip();
      }
    }
    return a;
  }

  private XCapabilities.Machine machine() throws XMLStreamException {
    XCapabilities.Machine m = new XCapabilities.Machine();
    m.loc = here();
    m.canonical = attr("canonical");
    m.maxCpus = attr("maxCpus");
    m.deprecated = attr("deprecated");
    m.name = text();
    return m;
  }
}
