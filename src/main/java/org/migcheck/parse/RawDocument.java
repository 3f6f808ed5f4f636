package org.migcheck.parse;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.CpuType;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.ParsedDocument;

/**
 * A document that has been read but not yet mapped to records; mapping (and its value errors)
 * runs on the reading threads.
 */
public final class RawDocument {
  static final String CPU_TEST = "cpuTest";

  private final String source;
  private final String root;
  private final int line;
  private final Object shape;

  RawDocument(String source, String root, int line, Object shape) {
    this.source = source;
    this.root = root;
    this.line = line;
    this.shape = shape;
  }

  /** The document's source name: its file, or {@code file#N} when the file holds several. */
  public String source() {
    return source;
  }

  /** The root element name. */
  public String root() {
    return root;
  }

  /** The line of the root element. */
  public int line() {
    return line;
  }

  /**
   * Maps the document to its record. Number, enum and unit errors are reported here, naming
   * {@code sourceName} and the line.
   *
   * @throws IllegalStateException for a cputest list, which is not a document type of its own
   */
  public ParsedDocument toDocument(String sourceName) {
    Values v = new Values(sourceName);
    if (shape instanceof XCapabilities x) {
      return new CapabilitiesMapper(v).map(x);
    }
    if (shape instanceof XDomainCapabilities x) {
      return new DomainCapabilitiesMapper(v).map(x);
    }
    if (shape instanceof XDomain x) {
      return new DomainMapper(v).map(x);
    }
    if (shape instanceof XCpu x) {
      return new CpuDocument(sourceName, line, CpuMapper.guestCpu(x, v));
    }
    throw new IllegalStateException("<" + root + "> is not a document type");
  }

  /**
   * The CPUs virsh {@code cpu-compare} / {@code cpu-baseline} find in this document: a top-level
   * {@code <cpu>}, {@code domain/cpu}, {@code capabilities/host/cpu}, and every domcapabilities
   * {@code cpu/mode[@name='host-model' and @supported='yes']} renamed to {@code <cpu>} without
   * attributes. Each is parsed as libvirt would with {@code type} (null = auto); a cputest
   * {@code <cpuTest>} list yields its {@code <cpu>} children, always parsed as host CPUs.
   */
  public List<CpuDef> extractCpus(String sourceName, CpuType type) {
    if (shape instanceof XCapabilities x) { // a fleet's thousands of hosts: first, and alone
      return x.host != null && x.host.cpu != null
          ? List.of(hostCpu(x.host.cpu, new Values(sourceName), type))
          : List.of();
    }
    return otherCpus(sourceName, type);
  }

  /** {@link #extractCpus} of a document that is not capabilities. */
  private List<CpuDef> otherCpus(String sourceName, CpuType type) {
    Values v = new Values(sourceName);
    List<CpuDef> out = new ArrayList<>();
    if (shape instanceof XCpu x) {
      out.add(CpuMapper.guestCpu(x, v).toCpuDef(type));
    } else if (shape instanceof XDomain x) {
      if (x.cpu != null) {
        out.add(CpuMapper.guestCpu(x.cpu, v).toCpuDef(type));
      }
    } else if (shape instanceof XDomainCapabilities x) {
      if (x.cpu != null) {
        for (XDomainCapabilities.Mode m : x.cpu.modes) {
          // the exact XPath test virsh uses: no trimming
          if ("host-model".equals(m.name) && "yes".equals(m.supported)) {
            out.add(CpuMapper.hostModel(m, v).toCpuDef(type));
          }
        }
      }
    } else if (shape instanceof XCpuTest x) {
      int i = 0;
      for (XCpu cpu : x.cpus) {
        i++;
        Values each = new Values(sourceName + "/cpu[" + i + "]");
        out.add(CpuMapper.guestCpu(cpu, each).toCpuDef(CpuType.HOST));
      }
    }
    return out;
  }

  /**
   * A capabilities host CPU as {@code type}: mapped, or, for a shape shared with an earlier host
   * (same bytes, see CpuSkimmer) that maps cleanly, what that host's mapped to, under this source.
   */
  private static CpuDef hostCpu(XCpu cpu, Values v, CpuType type) {
    int slot = slot(type);
    CpuDef known = cpu.mapsCleanly ? cpu.mapped[slot] : null;
    if (known != null) {
      return known.withSource(v.source());
    }
    GuestCpu g = CpuMapper.guestCpu(cpu, v);
    CpuDef def = SharedCpus.share(g.toCpuDef(type));
    if (!cpu.mapsCleanly) {
      cpu.mapsCleanly = mapsCleanly(cpu, g, type, def);
    }
    // a benign race: CpuDef is immutable, and a thread that finds no entry maps the CPU itself
    cpu.mapped[slot] = def;
    return def;
  }

  private static final CpuType[] TYPES = {null, CpuType.HOST, CpuType.GUEST};

  private static int slot(CpuType type) {
    return type == null ? 0 : type == CpuType.HOST ? 1 : 2;
  }

  /**
   * Whether the CPU, mapped to {@code g} and from there as {@code done} to {@code def}, also maps
   * as the other CPU types (see XCpu.mapsCleanly); what they map to is kept too. One mapping
   * serves all three: a baseline of a fleet maps each of its distinct host CPUs once, on a cold
   * JVM. Types that parse alike ({@link GuestCpu#parsedAs}) share one mapping: auto is host for a host
   * CPU, so a capabilities CPU is mapped twice, not three times.
   */
  private static boolean mapsCleanly(XCpu cpu, GuestCpu g, CpuType done, CpuDef def) {
    CpuDef host = null;
    CpuDef guest = null;
    if (g.parsedAs(done) == CpuType.HOST) {
      host = def;
    } else {
      guest = def;
    }
    try {
      for (CpuType t : TYPES) {
        if (t == done) {
          continue;
        }
        CpuType as = g.parsedAs(t);
        if (as == null) {
          return false; // auto refuses this CPU
        }
        if (as == CpuType.HOST) {
          host = host != null ? host : SharedCpus.share(g.toCpuDef(CpuType.HOST));
          cpu.mapped[slot(t)] = host;
        } else {
          guest = guest != null ? guest : SharedCpus.share(g.toCpuDef(CpuType.GUEST));
          cpu.mapped[slot(t)] = guest;
        }
      }
      return true;
    } catch (RuntimeException e) { // InputException, or anything else: then never reused
      return false;
    }
  }
}
