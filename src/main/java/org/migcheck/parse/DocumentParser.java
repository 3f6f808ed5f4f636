package org.migcheck.parse;

import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.read.Chunk;
import org.migcheck.read.HeldError;
import org.migcheck.read.Profile;
import org.migcheck.read.Shifted;
import org.migcheck.xml.ByteHash;
import org.migcheck.xml.FastXmlReader;

/**
 * The read profiles of libvirt documents: the full document (the binder, or JAXB for what the fast
 * reader refuses) and its CPU parts (the walker).
 * The read layer owns the framing and the parser; a profile only turns the root element it stands
 * on into a {@link RawDocument}.
 */
public final class DocumentParser {
  private DocumentParser() {}

  /** The document roots {@code readAll} accepts, for messages. */
  public static final String ACCEPTED_ROOTS =
      "<capabilities>, <domainCapabilities>, <domain> or <cpu>";

  /** The JAXB shape of each root (package-private for the binder's agreement test). */
  static final Map<String, Class<?>> SHAPES =
      Map.of(
          "capabilities", XCapabilities.class,
          "domainCapabilities", XDomainCapabilities.class,
          "domain", XDomain.class,
          "cpu", XCpu.class,
          RawDocument.CPU_TEST, XCpuTest.class);

  /** Whether {@code name} is the root of one of the four document types. */
  public static boolean isDocumentRoot(String name) {
    return SHAPES.containsKey(name) && !name.equals(RawDocument.CPU_TEST);
  }

  /** Whether {@code name} is a root the CPU profile reads (the four, plus cputest's list). */
  public static boolean isKnownRoot(String name) {
    return SHAPES.containsKey(name);
  }

  /**
   * The full profile: every document type, fed one document at a time with the file's lines; any
   * other root is an error. A document the fast reader takes is bound by the hand-written binder
   * ({@link Binder}), which needs no JAXB context; anything else (non-ASCII text, DTDs, CDATA,
   * namespaces: whatever the fast reader hands back) is mapped by JAXB, the reference the binder
   * is tested against. The result maps to its record with {@link RawDocument#toDocument}.
   */
  public static final Profile<RawDocument> FULL =
      new Profile<>() {
        @Override
        public RawDocument read(XMLStreamReader reader, Chunk chunk) throws Exception {
          if (reader instanceof FastXmlReader) {
            int line = reader.getLocation().getLineNumber() + chunk.line() - 1;
            String root = documentRoot(reader, chunk, line);
            return new RawDocument(chunk.source(), root, line, bind(reader, root, chunk.line()));
          }
          XMLStreamReader r = new Shifted(reader, chunk.line());
          int line = r.getLocation().getLineNumber();
          String root = documentRoot(r, chunk, line);
          return new RawDocument(chunk.source(), root, line, Jaxb.unmarshal(r, SHAPES.get(root)));
        }
      };

  /**
   * The binder's shape of the document whose root ({@code root}, one of the four document types)
   * the reader stands on; afterwards the reader stands after its end tag, as after JAXB.
   *
   * @param firstLine the file line of the reader's line 1
   */
  static Object bind(XMLStreamReader r, String root, int firstLine) throws XMLStreamException {
    Object shape =
        switch (root) {
          case "capabilities" -> new CapabilitiesBinder(r, firstLine).capabilities();
          case "domainCapabilities" -> new DomainCapabilitiesBinder(r, firstLine).domainCapabilities();
          case "domain" -> new DomainBinder(r, firstLine).domain();
          case "cpu" -> new CpuBinder(r, firstLine).cpu();
          default -> throw new IllegalArgumentException(root);
        };
    r.next();
    return shape;
  }

  /**
   * The CPU profile: only the CPU parts (see {@link RawDocument#extractCpus}), read by the walker,
   * for the commands that compare or baseline CPUs; like virsh's XPath, other roots are skipped and
   * cputest lists read. The result supports {@code extractCpus} only.
   */
  public static final Profile<RawDocument> CPU_PARTS =
      new Profile<>() { // not a lambda: baseline's warm-up thread reads with it on a cold JVM
        @Override
        public RawDocument read(XMLStreamReader reader, Chunk chunk) throws Exception {
          String name = reader.getLocalName();
          String ns = reader.getNamespaceURI();
          if ((ns != null && !ns.isEmpty()) || !isKnownRoot(name)) {
            return null; // read through by the tokenizer front, which checks it is well-formed
          }
          int line = reader.getLocation().getLineNumber() + chunk.line() - 1;
          return new RawDocument(
              chunk.source(), name, line, CpuSkimmer.read(reader, name, chunk.line()));
        }

        /** The hash of each document's host CPU bytes (CpuSkimmer's spellings). */
        @Override
        public void warmUp() {
          ByteHash.warmUp();
        }

        /** capabilities/host/cpu: all a capabilities document gives baseline. */
        @Override
        public String[] prescan() {
          return new String[] {"capabilities", "host", "cpu"};
        }

        @Override
        public RawDocument prescanned(FastXmlReader reader, Chunk chunk,
            FastXmlReader.Prescan scan) throws XMLStreamException {
          String ns = reader.getNamespaceURI();
          if (!reader.getLocalName().equals("capabilities") || ns != null && !ns.isEmpty()) {
            return null;
          }
          Object shape = CpuSkimmer.prescanned(reader, scan, chunk.line());
          if (shape == null) {
            return null;
          }
          int line = reader.getLocation().getLineNumber() + chunk.line() - 1;
          return new RawDocument(chunk.source(), "capabilities", line, shape);
        }
      };

  /** The root's name when it is a document type, else the error naming it (at file line {@code line}). */
  private static String documentRoot(XMLStreamReader r, Chunk chunk, int line) {
    String name = r.getLocalName();
    String ns = r.getNamespaceURI();
    boolean plain = ns == null || ns.isEmpty();
    if (plain && isDocumentRoot(name)) {
      return name;
    }
    String shown = plain ? name : "{" + ns + "}" + name;
    // held until the rest of the document is read: a malformed spot in it wins, in every profile
    throw new HeldError(
        chunk.file(),
        line,
        "unsupported document <" + shown + ">: expected " + ACCEPTED_ROOTS);
  }

  /**
   * Creates the shared JAXB context now and returns how long that took in nanoseconds (0 when it
   * already existed); for measurements (no command builds it ahead any more).
   */
  public static long initialize() {
    long start = System.nanoTime();
    Jaxb.context();
    return System.nanoTime() - start;
  }
}
