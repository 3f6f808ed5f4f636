package org.migcheck.parse;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.read.Walker;
import org.migcheck.xml.ByteHash;
import org.migcheck.xml.FastXmlReader;
import org.xml.sax.Locator;

/**
 * Reads only the CPU parts of a document (what {@code virsh cpu-baseline} and {@code cpu-compare}
 * look at) with plain StAX, into the same shapes JAXB fills, and skips the rest. Baselines of a
 * thousand hosts would otherwise spend most of their time unmarshalling guests and NUMA topology
 * nobody reads. {@code ProfileAgreementTest} checks it agrees with the full profile.
 */
final class CpuSkimmer {
  private final XMLStreamReader r;
  private final Walker w;

  private CpuSkimmer(XMLStreamReader r, int firstLine) {
    this.r = r;
    this.w = new Walker(r, firstLine);
  }

  /** The CPU shape of the document whose root the reader stands on; leaves it after the end tag. */
  static Object read(XMLStreamReader r, String root, int firstLine) throws XMLStreamException {
    CpuSkimmer s = new CpuSkimmer(r, firstLine);
    Object shape =
        switch (root) {
          case "cpu" -> s.cpu();
          case "capabilities" -> s.capabilities();
          case "domain" -> s.domain();
          case "domainCapabilities" -> s.domainCapabilities();
          case RawDocument.CPU_TEST -> s.cpuTest();
          default -> throw new IllegalArgumentException(root);
        };
    r.next();
    return shape;
  }

  private XCapabilities capabilities() throws XMLStreamException {
    XCapabilities x = new XCapabilities();
    x.loc = here();
    only("host", () -> {
      XCapabilities.Host h = new XCapabilities.Host();
      only("cpu", () -> h.cpu = hostCpu());
      x.host = h;
    });
    return x;
  }

  /** At most this many distinct host CPU spellings are kept. */
  private static final int MAX_SPELLINGS = 1024;

  /**
   * Host CPUs read so far, keyed on their bytes: a fleet repeats a few dozen CPU definitions
   * (same generation, same microcode), and baseline reads only them. A shape is only ever read;
   * its lines are those of the first host with those bytes, so it is only given again once it was
   * mapped without error as any CPU type (XCpu.mapsCleanly), when its lines can no longer show.
   */
  private static final Map<Spelling, XCpu> SPELLINGS = new ConcurrentHashMap<>();

  /** A host CPU's bytes as a map key, hashed once, eight bytes at a time ({@link ByteHash}). */
  private static final class Spelling {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    Spelling(byte[] bytes, int from, int to, int hash) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      this.hash = hash;
    }

    Spelling(byte[] bytes, int from, int to) {
      this(bytes, from, to, ByteHash.of(bytes, from, to));
    }

    /** The same key over a copy of just its bytes, to keep. */
    Spelling copy() {
      return new Spelling(Arrays.copyOfRange(bytes, from, to), 0, to - from, hash);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spelling s && s.hash == hash
          && Arrays.equals(bytes, from, to, s.bytes, s.from, s.to);
    }
  }

  /** The host CPU: {@link #cpu()}, or the shape of the same bytes read before. */
  private XCpu hostCpu() throws XMLStreamException {
    if (!(r instanceof FastXmlReader f)) {
      return cpu();
    }
    int start = f.startTagPosition();
    int end = f.elementEnd();
    if (end < 0) {
      return cpu();
    }
    Spelling spelling = new Spelling(f.input(), start, end);
    XCpu known = SPELLINGS.get(spelling);
    if (known != null && known.mapsCleanly) {
      skip();
      return known;
    }
    XCpu x = cpu();
    if (known == null && SPELLINGS.size() < MAX_SPELLINGS) {
      SPELLINGS.putIfAbsent(spelling.copy(), x);
    }
    return x;
  }

  private XDomain domain() throws XMLStreamException {
    XDomain x = new XDomain();
    only("cpu", () -> x.cpu = cpu());
    return x;
  }

  private XCpuTest cpuTest() throws XMLStreamException {
    XCpuTest x = new XCpuTest();
    only("cpu", () -> x.cpus.add(cpu()));
    return x;
  }

  private XDomainCapabilities domainCapabilities() throws XMLStreamException {
    XDomainCapabilities x = new XDomainCapabilities();
    only("cpu", () -> {
      XDomainCapabilities.Cpu c = new XDomainCapabilities.Cpu();
      only("mode", () -> c.modes.add(mode()));
      x.cpu = c;
    });
    return x;
  }

  private XDomainCapabilities.Mode mode() throws XMLStreamException {
    XDomainCapabilities.Mode m = new XDomainCapabilities.Mode();
    m.loc = here();
    m.name = attr("name");
    m.supported = attr("supported");
    children(name -> {
      switch (name) {
        case "model" -> m.models.add(model());
        case "vendor" -> m.vendor = text();
        case "maxphysaddr" -> m.maxphysaddr = maxPhysAddr();
        case "feature" -> m.features.add(feature());
        default -> skip();
      }
    });
    return m;
  }

  private XCpu cpu() throws XMLStreamException {
    XCpu x = new XCpu();
    x.loc = here();
    x.mode = attr("mode");
    x.match = attr("match");
    x.check = attr("check");
    x.migratable = attr("migratable");
    children(name -> {
      switch (name) {
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
        case "pages" -> {
          XCpu.Pages p = new XCpu.Pages();
          p.loc = here();
          p.unit = attr("unit");
          p.size = attr("size");
          p.count = text();
          x.pages.add(p);
        }
        case "cache" -> {
          XCpu.Cache c = new XCpu.Cache();
          c.loc = here();
          c.level = attr("level");
          c.mode = attr("mode");
          skip();
          x.caches.add(c);
        }
        case "numa" -> children(cell -> {
          if (cell.equals("cell")) {
            XCpu.NumaCell n = new XCpu.NumaCell();
            n.loc = here();
            n.id = attr("id");
            n.cpus = attr("cpus");
            n.memory = attr("memory");
            n.unit = attr("unit");
            n.memAccess = attr("memAccess");
            skip();
            x.numaCells.add(n);
          } else {
            skip();
          }
        });
        default -> skip();
      }
    });
    return x;
  }

  private XCpu.Model model() throws XMLStreamException {
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

  private XCpu.Feature feature() throws XMLStreamException {
    XCpu.Feature f = new XCpu.Feature();
    f.loc = here();
    f.name = attr("name");
    f.policy = attr("policy");
    skip();
    return f;
  }

  private XCpu.MaxPhysAddr maxPhysAddr() throws XMLStreamException {
    XCpu.MaxPhysAddr m = new XCpu.MaxPhysAddr();
    m.loc = here();
    m.mode = attr("mode");
    m.bits = attr("bits");
    m.limit = attr("limit");
    skip();
    return m;
  }

  // ---- StAX helpers: each element reader starts on its START_ELEMENT and ends on its END_ELEMENT

  private interface ChildReader {
    void read(String localName) throws XMLStreamException;
  }

  private interface Step {
    void run() throws XMLStreamException;
  }

  /** Runs {@code step} on each child element named {@code name}; skips the others. */
  private void only(String name, Step step) throws XMLStreamException {
    children(child -> {
      if (child.equals(name)) {
        step.run();
      } else {
        skip();
      }
    });
  }

  /** Calls {@code each} for every child element (standing on its start tag). */
  private void children(ChildReader each) throws XMLStreamException {
    while (w.nextChild()) {
      each.read(w.name()); // "" for a namespaced element: every reader's default skips it
    }
  }

  private String text() throws XMLStreamException {
    return w.text();
  }

  private void skip() throws XMLStreamException {
    w.skip();
  }

  private String attr(String name) {
    return w.attr(name);
  }

  private Locator here() {
    return new FixedLocator(w.line(), w.column());
  }

  /** A position captured from the StAX reader, in the form JAXB's @XmlLocation fields hold. */
  private record FixedLocator(int line, int column) implements Locator {
    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public String getSystemId() {
      return null;
    }

    @Override
    public int getLineNumber() {
      return line;
    }

    @Override
    public int getColumnNumber() {
      return column;
    }
  }

}
