package org.migcheck.parse;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Binds the CPU shapes every document type shares: a {@code <cpu>} and its parts, and the CPU
 * modes of domcapabilities. The full binders and the CPU profile's {@link CpuSkimmer} use it.
 */
class CpuBinder extends Binder {
  CpuBinder(XMLStreamReader r, int firstLine) {
    super(r, firstLine);
  }

  final XCpu cpu() throws XMLStreamException {
    XCpu x = new XCpu();
    x.loc = here();
    x.mode = attr("mode");
    x.match = attr("match");
    x.check = attr("check");
    x.migratable = attr("migratable");
    while (nextChild()) {
      switch (childName()) {
        case "arch" -> x.arch = text();
        case "model" -> x.model = model();
        case "vendor" -> x.vendor = text();
        case "microcode" -> {
          XCpu.Microcode m = new XCpu.Microcode();
          m.loc = here();
          m.version = attr("version");
          skip();
          x.microcode = m;
        }
        case "signature" -> {
          XCpu.Signature s = new XCpu.Signature();
          s.loc = here();
          s.family = attr("family");
          s.model = attr("model");
          s.stepping = attr("stepping");
          skip();
          x.signature = s;
        }
        case "counter" -> {
          XCpu.Counter c = new XCpu.Counter();
          c.loc = here();
          c.name = attr("name");
          c.frequency = attr("frequency");
          c.scaling = attr("scaling");
          skip();
          x.counters.add(c);
        }
        case "topology" -> {
          XCpu.Topology t = new XCpu.Topology();
          t.loc = here();
          t.sockets = attr("sockets");
          t.dies = attr("dies");
          t.clusters = attr("clusters");
          t.cores = attr("cores");
          t.threads = attr("threads");
          skip();
          x.topology = t;
        }
        case "maxphysaddr" -> x.maxphysaddr = maxPhysAddr();
        case "feature" -> x.features.add(feature());
        case "pages" -> x.pages.add(pages());
        case "cache" -> {
          XCpu.Cache c = new XCpu.Cache();
          c.loc = here();
          c.level = attr("level");
          c.mode = attr("mode");
          skip();
          x.caches.add(c);
        }
        case "numa" -> {
          x.numaCells.clear(); // a wrapper starts its list afresh (see Binder)
          while (nextChild("cell")) {
            x.numaCells.add(numaCell());
          }
        }
        default -> skip();
      }
    }
    return x;
  }

  private XCpu.NumaCell numaCell() throws XMLStreamException {
    XCpu.NumaCell n = new XCpu.NumaCell();
    n.loc = here();
    n.id = attr("id");
    n.cpus = attr("cpus");
    n.memory = attr("memory");
    n.unit = attr("unit");
    n.memAccess = attr("memAccess");
    skip();
    return n;
  }

  final XCpu.Model model() throws XMLStreamException {
    XCpu.Model m = new XCpu.Model();
    m.loc = here();
    m.fallback = attr("fallback");
    m.vendorId = attr("vendor_id");
    m.usable = attr("usable");
    m.deprecated = attr("deprecated");
    m.vendor = attr("vendor");
    m.canonical = attr("canonical");
    m.name = text();
    return m;
  }

  final XCpu.Feature feature() throws XMLStreamException {
    XCpu.Feature f = new XCpu.Feature();
    f.loc = here();
    f.name = attr("name");
    f.policy = attr("policy");
    skip();
    return f;
  }

  final XCpu.MaxPhysAddr maxPhysAddr() throws XMLStreamException {
    XCpu.MaxPhysAddr m = new XCpu.MaxPhysAddr();
    m.loc = here();
    m.mode = attr("mode");
    m.bits = attr("bits");
    m.limit = attr("limit");
    skip();
    return m;
  }

  final XCpu.Pages pages() throws XMLStreamException {
    XCpu.Pages p = new XCpu.Pages();
    p.loc = here();
    p.unit = attr("unit");
    p.size = attr("size");
    p.count = text();
    return p;
  }

  /** A domcapabilities {@code <cpu><mode>}: enums, a host-model CPU, or custom models. */
  final XDomainCapabilities.Mode mode() throws XMLStreamException {
    XDomainCapabilities.Mode m = new XDomainCapabilities.Mode();
    m.loc = here();
    m.name = attr("name");
    m.supported = attr("supported");
    while (nextChild()) {
      switch (childName()) {
        case "enum" -> m.enums.add(enumeration());
        case "model" -> m.models.add(model());
        case "vendor" -> m.vendor = text();
        case "maxphysaddr" -> m.maxphysaddr = maxPhysAddr();
        case "feature" -> m.features.add(feature());
        case "blockers" -> m.blockers.add(blockers());
        default -> skip();
      }
    }
    return m;
  }

  /** {@code <enum name='x'><value>a</value>...</enum>}. */
  final XDomainCapabilities.Enum enumeration() throws XMLStreamException {
    XDomainCapabilities.Enum e = new XDomainCapabilities.Enum();
    e.name = attr("name");
    while (nextChild("value")) {
      e.values.add(text());
    }
    return e;
  }

  private XDomainCapabilities.Blockers blockers() throws XMLStreamException {
    XDomainCapabilities.Blockers b = new XDomainCapabilities.Blockers();
    b.model = attr("model");
    while (nextChild("feature")) {
      XDomainCapabilities.BlockerFeature f = new XDomainCapabilities.BlockerFeature();
      f.name = attr("name");
      skip();
      b.features.add(f);
    }
    return b;
  }
}
