package org.migcheck.xml;

import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.migcheck.InputException;
import org.migcheck.xml.ReaderFailure;
import org.migcheck.xml.XmlErrors;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns whatever a parser threw (JAXB, StAX, SAX, I/O, wrapped in any order) into one {@link
 * InputException} for the user, keeping the position when there is one.
 */
public final class ParseErrors {
  private ParseErrors() {}

  public static InputException convert(Throwable t, String file) {
    List<Throwable> chain = chain(t);
    for (Throwable c : chain) {
      if (c instanceof InputException ie) {
        return ie.withSource(file);
      }
      if (c instanceof ReaderFailure rf) {
        return rf.error().withSource(file);
      }
    }
    for (Throwable c : chain) {
      if (c instanceof CharacterCodingException) {
        return new InputException(file, "not valid UTF-8 (libvirt XML is always UTF-8)");
      }
    }
    for (Throwable c : chain) {
      if (c instanceof XMLStreamException xse && xse.getLocation() != null) {
        return XmlErrors.fromStax(file, xse);
      }
      if (c instanceof SAXParseException spe) {
        return new InputException(
            file,
            spe.getLineNumber(),
            spe.getColumnNumber(),
            "malformed XML: " + clean(spe.getMessage()));
      }
    }
    for (Throwable c : chain) {
      if (c instanceof IOException io) {
        return new InputException(file, "cannot read: " + clean(io.getMessage()));
      }
    }
    for (Throwable c : chain) {
      if (c instanceof XMLStreamException xse) {
        return XmlErrors.fromStax(file, xse);
      }
    }
    return new InputException(file, "malformed XML: " + clean(t.getMessage()));
  }

  /** The exception, its causes and the nested exceptions older APIs keep on the side. */
  private static List<Throwable> chain(Throwable t) {
    List<Throwable> out = new ArrayList<>();
    Throwable c = t;
    while (c != null && !out.contains(c) && out.size() < 20) {
      out.add(c);
      Throwable next = c.getCause();
      if (next == null && c instanceof JAXBException je) {
        next = je.getLinkedException();
      }
      if (next == null && c instanceof XMLStreamException xse) {
        next = xse.getNestedException();
      }
      if (next == null && c instanceof SAXException se) {
        next = se.getException();
      }
      c = next;
    }
    return out;
  }

  private static String clean(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message.strip().replace('\n', ' ');
  }
}
