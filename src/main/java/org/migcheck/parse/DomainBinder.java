package org.migcheck.parse;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Binds {@code <domain>} into {@link XDomain} as JAXB would (see {@link Binder}). */
final class DomainBinder extends CpuBinder {
  DomainBinder(XMLStreamReader r, int firstLine) {
    super(r, firstLine);
  }

  XDomain domain() throws XMLStreamException {
    XDomain x = new XDomain();
    x.loc = here();
    x.type = attr("type");
    while (nextChild()) {
      switch (childName()) {
        case "name" -> x.name = text();
        case "uuid" -> x.uuid = text();
        case "os" -> {
          XDomain.Os os = new XDomain.Os();
          while (nextChild("type")) {
            XDomain.OsType t = new XDomain.OsType();
            t.arch = attr("arch");
            t.machine = attr("machine");
            t.value = text();
            os.type = t;
          }
          x.os = os;
        }
        case "cpu" -> x.cpu = cpu();
        case "memory" -> {
          XDomain.Memory m = new XDomain.Memory();
          m.loc = here();
          m.unit = attr("unit");
          m.value = text();
          x.memory = m;
        }
        case "vcpu" -> {
          XDomain.Vcpu v = new XDomain.Vcpu();
          v.loc = here();
          v.placement = attr("placement");
          v.current = attr("current");
          v.value = text();
          x.vcpu = v;
        }
        case "clock" -> x.clock = clock();
        case "seclabel" -> {
          XDomain.SecLabel s = new XDomain.SecLabel();
          s.loc = here();
          s.type = attr("type");
          s.model = attr("model");
          s.relabel = attr("relabel");
          skip();
          x.secLabels.add(s);
        }
        case "memoryBacking" -> x.memoryBacking = memoryBacking();
        case "numatune" -> x.numatune = numaTune();
        case "devices" -> x.devices = devices();
        case "features" -> x.features = anyChildren();
        default -> skip();
      }
    }
    return x;
  }

  private XDomain.Clock clock() throws XMLStreamException {
    XDomain.Clock c = new XDomain.Clock();
    c.offset = attr("offset");
    while (nextChild("timer")) {
      XDomain.Timer t = new XDomain.Timer();
      t.loc = here();
      t.name = attr("name");
      t.present = attr("present");
      t.frequency = attr("frequency");
      t.mode = attr("mode");
      t.tickpolicy = attr("tickpolicy");
      skip();
      c.timers.add(t);
    }
    return c;
  }

  private XDomain.MemoryBacking memoryBacking() throws XMLStreamException {
    XDomain.MemoryBacking m = new XDomain.MemoryBacking();
    while (nextChild("hugepages")) {
      XDomain.Hugepages h = new XDomain.Hugepages();
      while (nextChild("page")) {
        XDomain.Page p = new XDomain.Page();
        p.loc = here();
        p.size = attr("size");
        p.unit = attr("unit");
        p.nodeset = attr("nodeset");
        skip();
        h.pages.add(p);
      }
      m.hugepages = h;
    }
    return m;
  }

  private XDomain.NumaTune numaTune() throws XMLStreamException {
    XDomain.NumaTune n = new XDomain.NumaTune();
    while (nextChild()) {
      switch (childName()) {
        case "memory" -> {
          XDomain.NumaMemory m = new XDomain.NumaMemory();
          m.mode = attr("mode");
          m.nodeset = attr("nodeset");
          m.placement = attr("placement");
          skip();
          n.memory = m;
        }
        case "memnode" -> {
          XDomain.MemNode m = new XDomain.MemNode();
          m.loc = here();
          m.cellid = attr("cellid");
          m.mode = attr("mode");
          m.nodeset = attr("nodeset");
          skip();
          n.memNodes.add(m);
        }
        default -> skip();
      }
    }
    return n;
  }

  private XDomain.Devices devices() throws XMLStreamException {
    XDomain.Devices d = new XDomain.Devices();
    while (nextChild()) {
      switch (childName()) {
        case "hostdev" -> {
          XDomain.HostDev h = new XDomain.HostDev();
          h.loc = here();
          h.mode = attr("mode");
          h.type = attr("type");
          skip();
          d.hostDevs.add(h);
        }
        case "interface" -> {
          XDomain.Interface i = new XDomain.Interface();
          i.type = attr("type");
          skip();
          d.interfaces.add(i);
        }
        case "shmem" -> {
          XDomain.Shmem s = new XDomain.Shmem();
          s.name = attr("name");
          skip();
          d.shmems.add(s);
        }
        default -> skip();
      }
    }
    return d;
  }
}
