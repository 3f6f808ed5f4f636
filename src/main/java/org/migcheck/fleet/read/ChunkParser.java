package org.migcheck.fleet.read;

import org.migcheck.read.Attrs;
import org.migcheck.read.Walker;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.InputException;
import org.migcheck.parse.ParseErrors;
import org.migcheck.xml.FastXmlReader;
import org.migcheck.xml.LineEnds;
import org.migcheck.xml.SafeXml;

/**
 * Parses one chunk with the hardened StAX factory and the extractors. Errors name the file (XML
 * errors) or the document (value errors) with positions in the whole file, like the input layer's.
 * Not thread-safe: one per thread.
 */
final class ChunkParser {
  static final String ACCEPTED = "fleet and gate read host <capabilities> and <domainCapabilities>";

  private final XMLInputFactory factory = SafeXml.inputFactory();

  FleetDocument parse(Chunk chunk) {
    int bad = chunk.ascii() ? -1 : Utf8.firstInvalid(chunk.bytes());
    if (bad >= 0) {
      // before parsing: the input layer decodes ahead of its parser, so bad bytes win too
      throw notUtf8(chunk, bad);
    }
    if (chunk.ascii() && !chunk.truncated()) {
      // the fast reader takes what libvirt writes; anything else, and every error, is read
      // again below by the JDK parser, which then also words the message
      try {
        return readAll(new FastXmlReader(chunk.bytes(), false), chunk);
      } catch (XMLStreamException | InputException notForTheFastReader) {
        // read again below
      }
    }
    try {
      XMLStreamReader r =
          SafeXml.noXInclude(
              factory.createXMLStreamReader(new ByteArrayInputStream(chunk.bytes()), "UTF-8"),
              chunk.file(),
              chunk.line() - 1);
      return readAll(r, chunk);
    } catch (XMLStreamException e) {
      if (isEncodingError(e)) {
        throw notUtf8(chunk, Math.max(0, Utf8.firstInvalid(chunk.bytes())));
      }
      throw position(ParseErrors.convert(e, chunk.file()), chunk);
    }
  }

  /**
   * Reads the document, then lets the parser check the rest of the chunk. A bad value waits for
   * that check: the full parser reads a whole document before converting values, so a malformed
   * spot further on is the error it reports.
   */
  private static FleetDocument readAll(XMLStreamReader r, Chunk chunk) throws XMLStreamException {
    try {
      FleetDocument doc = null;
      ValueError value = null;
      try {
        doc = read(r, chunk);
      } catch (ValueError e) {
        value = e;
      }
      while (r.hasNext()) {
        r.next();
      }
      if (value != null) {
        throw value;
      }
      return doc;
    } finally {
      r.close();
    }
  }

  private static FleetDocument read(XMLStreamReader r, Chunk chunk) throws XMLStreamException {
    while (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
      r.next();
    }
    Walker c = new Walker(r, chunk.line());
    Fields v = new Fields(chunk.source());
    String ns = r.getNamespaceURI();
    String name = r.getLocalName();
    boolean plain = ns == null || ns.isEmpty();
    if (plain && name.equals("capabilities")) {
      return new FleetDocument(new CapabilitiesReader(c, v).read(), null);
    }
    if (plain && name.equals("domainCapabilities")) {
      DomainCapabilitiesReader d = new DomainCapabilitiesReader(c, v);
      return new FleetDocument(d.read(), d.hostUuid());
    }
    String shown = plain ? name : "{" + ns + "}" + name;
    throw new InputException(
        chunk.file(), c.line(), -1, "unsupported document <" + shown + ">: " + ACCEPTED);
  }

  private static boolean isEncodingError(Throwable t) {
    for (Throwable c = t; c != null; c = next(c)) {
      if (c instanceof CharConversionException || c instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    return t instanceof XMLStreamException x ? x.getNestedException() : null;
  }

  private static InputException notUtf8(Chunk chunk, int offset) {
    return new InputException(
        chunk.file(),
        chunk.line() + LineEnds.count(chunk.bytes(), offset),
        -1,
        "not valid UTF-8 (libvirt XML is always UTF-8)");
  }

  /**
   * Moves a chunk-relative position to the file; an error past the end of a truncated document
   * means the file ended too early (the input layer's wording).
   */
  private static InputException position(InputException e, Chunk chunk) {
    if (e.line() <= 0) {
      return e;
    }
    int line = e.line() + chunk.line() - 1;
    int column = e.line() == 1 && e.column() > 0 ? e.column() + chunk.column() : e.column();
    if (chunk.truncated()
        && (line > chunk.endLine() || (line == chunk.endLine() && column > chunk.endColumn()))) {
      return new InputException(
          e.source(),
          chunk.endLine(),
          -1,
          "malformed XML: unexpected end of file (the document is truncated or an element is not"
              + " closed)");
    }
    return new InputException(e.source(), line, column, e.getMessage());
  }
}
