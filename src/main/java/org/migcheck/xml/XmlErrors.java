package org.migcheck.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.migcheck.InputException;

/** Turns parser exceptions into one-line {@link InputException}s with a position. */
public final class XmlErrors {
  private XmlErrors() {}

  /** The JDK parser's code for its maxElementDepth limit, which SafeXml sets. */
  private static final String JDK_DEPTH_LIMIT = "JAXP00010006";

  public static InputException fromStax(String source, XMLStreamException e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 20; depth++, t = next(t)) {
      if (t instanceof ReaderFailure rf) {
        return rf.error().withSource(source); // a limit or input rule, already worded
      }
    }
    Location loc = e.getLocation();
    String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
    // StAX prefixes "ParseError at [row,col]:[..]\nMessage: "; keep only the message
    int idx = msg.indexOf("Message: ");
    if (idx >= 0) {
      msg = msg.substring(idx + "Message: ".length());
    }
    msg = msg.contains(JDK_DEPTH_LIMIT)
        ? "elements nested more than " + SafeXml.MAX_DEPTH + " deep (migcheck's limit; libvirt's"
            + " documents nest less than 10 deep)"
        : "malformed XML: " + msg.strip().replace('\n', ' ');
    if (loc != null) {
      return new InputException(source, loc.getLineNumber(), loc.getColumnNumber(), msg);
    }
    return new InputException(source, msg);
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause() == t ? null : t.getCause();
    }
    return t instanceof XMLStreamException x ? x.getNestedException() : null;
  }
}
