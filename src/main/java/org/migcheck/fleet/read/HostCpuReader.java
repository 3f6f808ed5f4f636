package org.migcheck.fleet.read;

import org.migcheck.read.Attrs;
import org.migcheck.read.HeldError;
import org.migcheck.read.Walker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.CpuTopology;
import org.migcheck.model.HostCpu;
import org.migcheck.model.MaxPhysAddr;
import org.migcheck.model.TscCounter;

/**
 * Reads a capabilities {@code <host><cpu>} into a {@link HostCpu}. Strings are collected first
 * and converted at the end in the full parser's order, so the first error reported is the same.
 */
final class HostCpuReader {
  private final Walker c;
  private final Fields v;

  private int line;
  private String arch;
  private String model;
  private String vendor;
  private Attrs microcode;
  private Attrs signature;
  private Attrs tsc;
  private Attrs topology;
  private Attrs maxPhysAddr;
  private final List<Attrs> features = new ArrayList<>();
  private final List<Attrs> pages = new ArrayList<>();

  HostCpuReader(Walker c, Fields v) {
    this.c = c;
    this.v = v;
  }

  /** Reads the {@code <cpu>} the cursor stands on, through its end tag. */
  HostCpu read() throws XMLStreamException {
    line = c.line();
    while (c.nextChild()) {
      switch (c.name()) {
        case "arch" -> arch = c.text();
        case "model" -> model = c.text();
        case "vendor" -> vendor = c.text();
        case "microcode" -> microcode = c.attrs("version");
        case "signature" -> signature = c.attrs("family", "model", "stepping");
        case "counter" -> counter();
        case "topology" -> topology = c.attrs("sockets", "dies", "clusters", "cores", "threads");
        case "maxphysaddr" -> maxPhysAddr = c.attrs("mode", "bits", "limit");
        case "feature" -> features.add(c.attrs("name"));
        case "pages" -> pages.add(c.attrs("unit", "size"));
        default -> c.skip();
      }
    }
    return build();
  }

  /** libvirt reads the first {@code counter[@name='tsc']}. */
  private void counter() throws XMLStreamException {
    Attrs a = c.attrs("name", "frequency", "scaling");
    if (tsc == null && "tsc".equals(Fields.text(a.get(0)))) {
      tsc = a;
    }
  }

  private HostCpu build() {
    List<String> names = new ArrayList<>(features.size());
    Set<String> seen = new HashSet<>();
    for (Attrs f : features) {
      String name = Fields.text(f.get(0));
      if (name == null) {
        throw v.missing("name", "feature", f.line());
      }
      if (!seen.add(name)) {
        throw new HeldError(
            v.source(), f.line(), "CPU feature '" + name + "' specified more than once");
      }
      names.add(name);
    }
    List<HostCpu.PageSize> sizes = new ArrayList<>(pages.size());
    for (Attrs p : pages) {
      sizes.add(new HostCpu.PageSize(Fields.text(p.get(0)), v.ulong(p.get(1), "size", "pages", p.line())));
    }
    Long microcodeVersion =
        microcode == null ? null : v.ulong(microcode.get(0), "version", "microcode", microcode.line());
    return new HostCpu(
        v.source(),
        line,
        Fields.text(arch),
        Fields.text(model),
        Fields.text(vendor),
        microcodeVersion,
        signature(signature, v),
        tsc == null
            ? null
            : new TscCounter(
                "tsc",
                v.ulong(tsc.get(1), "frequency", "counter", tsc.line()),
                v.yesNo(tsc.get(2), "scaling", "counter", tsc.line())),
        topology == null
            ? null
            : new CpuTopology(
                v.uint(topology.get(0), "sockets", "topology", topology.line()),
                v.uint(topology.get(1), "dies", "topology", topology.line()),
                v.uint(topology.get(2), "clusters", "topology", topology.line()),
                v.uint(topology.get(3), "cores", "topology", topology.line()),
                v.uint(topology.get(4), "threads", "topology", topology.line())),
        maxPhysAddr(maxPhysAddr, v),
        names,
        sizes);
  }

  private static CpuSignature signature(Attrs s, Fields v) {
    if (s == null) {
      return null;
    }
    return new CpuSignature(
        v.uint(s.get(0), "family", "signature", s.line()),
        v.uint(s.get(1), "model", "signature", s.line()),
        v.uint(s.get(2), "stepping", "signature", s.line()));
  }

  /** {@code <maxphysaddr mode bits limit/>}, shared with the domcapabilities host-model. */
  static MaxPhysAddr maxPhysAddr(Attrs m, Fields v) {
    if (m == null) {
      return null;
    }
    String mode = Fields.text(m.get(0));
    if (mode != null && !mode.equals("emulate") && !mode.equals("passthrough")) {
      throw v.invalid(m.get(0), "mode", "maxphysaddr", m.line(), "Expected one of: emulate, passthrough");
    }
    return new MaxPhysAddr(
        mode,
        v.uint(m.get(1), "bits", "maxphysaddr", m.line()),
        v.uint(m.get(2), "limit", "maxphysaddr", m.line()));
  }
}
