package org.migcheck.parse;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Binds {@code <domainCapabilities>} into {@link XDomainCapabilities} as JAXB would (see {@link
 * Binder}).
 */
final class DomainCapabilitiesBinder extends CpuBinder {
  DomainCapabilitiesBinder(XMLStreamReader r, int firstLine) {
    super(r, firstLine);
  }

  XDomainCapabilities domainCapabilities() throws XMLStreamException {
    XDomainCapabilities x = new XDomainCapabilities();
    x.loc = here();
    while (nextChild()) {
      switch (childName()) {
        case "path" -> x.path = text();
        case "domain" -> x.domain = text();
        case "machine" -> x.machine = text();
        case "arch" -> x.arch = text();
        case "vcpu" -> {
          XDomainCapabilities.Vcpu v = new XDomainCapabilities.Vcpu();
          v.loc = here();
          v.max = attr("max");
          skip();
          x.vcpu = v;
        }
        case "iothreads" -> {
          XDomainCapabilities.Supported s = new XDomainCapabilities.Supported();
          s.loc = here();
          s.supported = attr("supported");
          skip();
          x.iothreads = s;
        }
        case "os" -> x.os = os();
        case "cpu" -> {
          XDomainCapabilities.Cpu c = new XDomainCapabilities.Cpu();
          while (nextChild("mode")) {
            c.modes.add(mode());
          }
          x.cpu = c;
        }
        case "memoryBacking" -> {
          XDomainCapabilities.EnumHolder h = new XDomainCapabilities.EnumHolder();
          holder(h);
          while (nextChild("enum")) {
            h.enums.add(enumeration());
          }
          x.memoryBacking = h;
        }
        case "devices" -> x.devices = anyChildren();
        case "features" -> x.features = anyChildren();
        case "uuid" -> x.uuid = text();
        default -> skip();
      }
    }
    return x;
  }

  /** The attributes every {@link XDomainCapabilities.EnumHolder} has. */
  private void holder(XDomainCapabilities.EnumHolder h) {
    h.loc = here();
    h.supported = attr("supported");
  }

  private XDomainCapabilities.Os os() throws XMLStreamException {
    XDomainCapabilities.Os os = new XDomainCapabilities.Os();
    holder(os);
    while (nextChild()) {
      switch (childName()) {
        case "enum" -> os.enums.add(enumeration());
        case "loader" -> {
          XDomainCapabilities.Loader l = new XDomainCapabilities.Loader();
          holder(l);
          while (nextChild()) {
            switch (childName()) {
              case "enum" -> l.enums.add(enumeration());
              case "value" -> l.values.add(text());
              default -> skip();
            }
          }
          os.loader = l;
        }
        default -> skip();
      }
    }
    return os;
  }
}
