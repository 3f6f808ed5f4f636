package org.migcheck.parse;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.xml.ByteHash;
import org.migcheck.xml.FastXmlReader;
import org.migcheck.xml.LineEnds;

/**
 * Reads only the CPU parts of a document (what {@code virsh cpu-baseline} and {@code cpu-compare}
 * look at) with plain StAX, into the same shapes JAXB fills, and skips the rest. Baselines of a
 * thousand hosts would otherwise spend most of their time unmarshalling guests and NUMA topology
 * nobody reads. The CPU parts are the full binder's ({@link CpuBinder}); {@code
 * ProfileAgreementTest} checks the profiles agree.
 */
final class CpuSkimmer extends CpuBinder {
  private CpuSkimmer(XMLStreamReader r, int firstLine) {
    super(r, firstLine);
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
    while (nextChild("host")) {
      XCapabilities.Host h = new XCapabilities.Host();
      while (nextChild("cpu")) {
        h.cpu = hostCpu();
      }
      x.host = h;
    }
    return x;
  }

  /**
   * {@link #capabilities()} from the framer's prescan of a capabilities document (the reader on
   * its root start tag), without reading the rest again: the same shape when it has at most one
   * host, with at most one CPU; else null (read it). A CPU whose bytes were read before and map
   * cleanly is that shape again; any other is read from the bytes the prescan found, alone (the
   * document is well-formed), and kept when new.
   */
  static XCapabilities prescanned(FastXmlReader r, FastXmlReader.Prescan scan, int firstLine)
      throws XMLStreamException {
    if (scan.children() > 1 || scan.grandchildren() > 1) {
      return null; // capabilities() reads every one, and keeps the last
    }
    XCpu known = null;
    if (scan.grandchildren() == 1) {
      Spelling spelling = new Spelling(r.input(), scan.grandchildFrom(), scan.grandchildTo());
      known = SPELLINGS.get(spelling);
      if (known == null || !known.mapsCleanly) {
        // with this document's lines: mapped (and its errors worded) as this host's
        XCpu x = cpuAt(r, scan, firstLine);
        if (known == null && SPELLINGS.size() < MAX_SPELLINGS) {
          SPELLINGS.putIfAbsent(spelling.copy(), x);
        }
        known = x;
      }
    }
    XCapabilities x = new XCapabilities();
    x.loc = new CpuSkimmer(r, firstLine).here();
    if (scan.children() == 1) {
      XCapabilities.Host h = new XCapabilities.Host();
      h.cpu = known;
      x.host = h;
    }
    return x;
  }

  /**
   * The host CPU at the prescan's grandchild, read with a reader of just its bytes, at its file
   * line ({@code firstLine} is the root's): the rest of the document is neither read nor skipped
   * again, and the lines are the ones {@link #capabilities()} would give (a prescanned document
   * has no carriage return, so its line feeds count its lines).
   */
  private static XCpu cpuAt(FastXmlReader root, FastXmlReader.Prescan scan, int firstLine)
      throws XMLStreamException {
    byte[] data = root.input();
    int line = firstLine + LineEnds.count(data, root.startTagPosition(), scan.grandchildFrom());
    FastXmlReader r = new FastXmlReader(data, scan.grandchildFrom(), scan.grandchildTo());
    r.next();
    return new CpuSkimmer(r, line).cpu();
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

  /** A host CPU's bytes as a map key, hashed once ({@link ByteHash}). */
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
    if (!(reader() instanceof FastXmlReader f)) {
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
    while (nextChild("cpu")) {
      x.cpu = cpu();
    }
    return x;
  }

  private XCpuTest cpuTest() throws XMLStreamException {
    XCpuTest x = new XCpuTest();
    while (nextChild("cpu")) {
      x.cpus.add(cpu());
    }
    return x;
  }

  private XDomainCapabilities domainCapabilities() throws XMLStreamException {
    XDomainCapabilities x = new XDomainCapabilities();
    while (nextChild("cpu")) {
      XDomainCapabilities.Cpu c = new XDomainCapabilities.Cpu();
      while (nextChild("mode")) {
        c.modes.add(mode());
      }
      x.cpu = c;
    }
    return x;
  }
}
