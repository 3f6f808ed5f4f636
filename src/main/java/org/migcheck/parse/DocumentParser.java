package org.migcheck.parse;

import jakarta.xml.bind.JAXBException;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.InputException;

/**
 * Reads one libvirt document from a StAX reader positioned on its root element. The input layer
 * owns the reader (hardened, possibly over several concatenated documents); this class only turns
 * the element into a {@link RawDocument}.
 */
public final class DocumentParser {
  private DocumentParser() {}

  /** The document roots {@code readAll} accepts, for messages. */
  public static final String ACCEPTED_ROOTS =
      "<capabilities>, <domainCapabilities>, <domain> or <cpu>";

  private static final Map<String, Class<?>> SHAPES =
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

  /** Whether {@code name} is a root {@link #read} understands (the four, plus cputest's list). */
  public static boolean isKnownRoot(String name) {
    return SHAPES.containsKey(name);
  }

  /**
   * Reads the element the reader stands on. Afterwards the reader stands on the event right after
   * the element's end tag.
   *
   * @param file the file name for error messages
   * @throws InputException for malformed XML (with the parser's position) or an unknown root
   */
  public static RawDocument read(XMLStreamReader reader, String file) {
    if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
      throw new IllegalStateException("reader is not on a start tag");
    }
    String root = reader.getLocalName();
    int line = reader.getLocation().getLineNumber();
    Class<?> shape = SHAPES.get(root);
    if (shape == null) {
      throw new InputException(
          file, line, -1, "unsupported document <" + root + ">: expected " + ACCEPTED_ROOTS);
    }
    try {
      return new RawDocument(root, line, Jaxb.unmarshal(reader, shape));
    } catch (JAXBException e) {
      throw ParseErrors.convert(e, file);
    }
  }

  /**
   * Like {@link #read}, but reads only the CPU parts (see {@link RawDocument#extractCpus}) with
   * plain StAX: what the CPU commands need, without JAXB's cost for the rest of the document.
   * The result supports {@code extractCpus} only.
   */
  public static RawDocument readCpuParts(XMLStreamReader reader, String file) {
    if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
      throw new IllegalStateException("reader is not on a start tag");
    }
    String root = reader.getLocalName();
    int line = reader.getLocation().getLineNumber();
    if (!SHAPES.containsKey(root)) {
      throw new InputException(
          file, line, -1, "unsupported document <" + root + ">: expected " + ACCEPTED_ROOTS);
    }
    try {
      return new RawDocument(root, line, CpuSkimmer.read(reader, root, 1));
    } catch (XMLStreamException e) {
      throw ParseErrors.convert(e, file);
    }
  }

  /**
   * Creates the shared JAXB context now and returns how long that took in nanoseconds (0 when it
   * already existed); for warm-up and measurements.
   */
  public static long initialize() {
    long start = System.nanoTime();
    Jaxb.context();
    return System.nanoTime() - start;
  }
}
