package org.migcheck.read;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.InputException;
import org.migcheck.xml.FastXmlReader;
import org.migcheck.xml.LineEnds;
import org.migcheck.xml.ParseErrors;
import org.migcheck.xml.SafeXml;
import org.migcheck.xml.XmlLimits;

/**
 * The tokenizer front: reads one chunk with the byte-level {@link FastXmlReader} when the profile
 * and the bytes allow it, else (and again after any refusal or error of the fast reader) with the
 * hardened JDK parser, which then also words the message. Errors name the file (XML errors) or the
 * document (value errors) at their position in the whole file. Not thread-safe: one per thread.
 */
final class Tokens {
  /**
   * The JDK parser's factory, made when first needed: finding and configuring it costs start-up
   * time that documents the fast reader takes never need.
   */
  private XMLInputFactory factory;

  <D> D read(Chunk chunk, Profile<D> profile) {
    int bad = chunk.ascii() ? -1 : Utf8.firstInvalid(chunk.bytes());
    if (bad >= 0) {
      throw notUtf8(chunk, bad); // the framer decodes ahead of any parser: bad bytes win
    }
    if (chunk.prescan() != null) {
      // checked whole by the framer, which found the elements the profile wants
      try {
        FastXmlReader r = new FastXmlReader(chunk.data(), chunk.offset(), chunk.end());
        r.next(); // the root start tag, which the prescan read without error
        D doc = profile.prescanned(r, chunk, chunk.prescan());
        if (doc != null) {
          return doc;
        }
      } catch (Exception readItWhole) {
        // read it the usual way below, which words any error
      }
    }
    if (profile.fast() && chunk.ascii() && !chunk.truncated()) {
      try {
        return readAll(new FastXmlReader(chunk.data(), chunk.offset(), chunk.end()), chunk, profile);
      } catch (Exception notForTheFastReader) {
        // refusals and errors alike: read again below
      }
    }
    return readWithJdk(chunk, profile);
  }

  /**
   * The JDK parser's reading of a chunk, which words every error. A method of its own: C1
   * compiles {@link #read} once per run (it runs for every document), and need not compile this
   * rare path with it.
   */
  private <D> D readWithJdk(Chunk chunk, Profile<D> profile) {
    checkValueLengths(chunk);
    try {
      XMLStreamReader r =
          SafeXml.noXInclude(
              factory().createXMLStreamReader(new ByteArrayInputStream(chunk.bytes()), "UTF-8"),
              chunk.file(),
              chunk.line() - 1);
      return readAll(r, chunk, profile);
    } catch (RuntimeException e) {
      throw e; // InputExceptions are positioned already; anything else is a bug
    } catch (Exception e) {
      if (isEncodingError(e)) {
        throw notUtf8(chunk, Math.max(0, Utf8.firstInvalid(chunk.bytes())));
      }
      InputException error = ParseErrors.convert(e, chunk.file());
      // the profile's own positions are the file's already; the parser's are the chunk's
      throw fromParser(e) ? position(error, chunk) : error;
    }
  }

  private XMLInputFactory factory() {
    if (factory == null) {
      factory = SafeXml.inputFactory();
    }
    return factory;
  }

  /**
   * Reads the document, then lets the parser check the rest of the chunk; a {@link HeldError}
   * waits for that check.
   */
  private static <D> D readAll(XMLStreamReader r, Chunk chunk, Profile<D> profile)
      throws Exception {
    try {
      while (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
        r.next();
      }
      D doc = null;
      HeldError held = null;
      try {
        doc = profile.read(r, chunk);
      } catch (HeldError e) {
        held = e;
      }
      while (r.hasNext()) {
        r.next();
      }
      if (held != null) {
        throw new InputException(held.source(), held.line(), held.column(), held.getMessage());
      }
      return doc;
    } finally {
      r.close();
    }
  }

  /**
   * The limit on one tag, text or comment ({@link XmlLimits#MAX_VALUE_CHARS}), which the JDK
   * parser does not know; the fast reader refuses such input, so it comes here.
   */
  private static void checkValueLengths(Chunk chunk) {
    byte[] b = chunk.bytes();
    if (b.length <= XmlLimits.MAX_VALUE_CHARS) {
      return;
    }
    int run = 0;
    int line = chunk.line();
    for (int i = 0; i < b.length; i++) {
      byte x = b[i];
      if (x == '<' || x == '>') {
        run = 0;
        continue;
      }
      if (x == '\r' || x == '\n' && (i == 0 || b[i - 1] != '\r')) {
        line++;
      }
      if ((x & 0xC0) != 0x80 && ++run > XmlLimits.MAX_VALUE_CHARS) {
        throw XmlLimits.valueTooLong(chunk.file(), line);
      }
    }
  }

  /** Whether the parser (whose lines are the chunk's) rather than the profile threw. */
  private static boolean fromParser(Throwable t) {
    boolean located = false;
    for (Throwable c = t; c != null; c = next(c)) {
      if (c instanceof InputException) {
        return false;
      }
      located |= c instanceof XMLStreamException x && x.getLocation() != null;
    }
    return located;
  }

  private static boolean hasCause(Throwable t, Class<?> type) {
    for (Throwable c = t; c != null; c = next(c)) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEncodingError(Throwable t) {
    return hasCause(t, CharConversionException.class) || hasCause(t, CharacterCodingException.class);
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    if (t instanceof jakarta.xml.bind.JAXBException j) {
      return j.getLinkedException();
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
   * means the file ended too early.
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
