package org.migcheck.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.migcheck.InputException;

/** Turns parser exceptions into one-line {@link InputException}s with a position. */
public final class XmlErrors {
  private XmlErrors() {}

  public static InputException fromStax(String source, XMLStreamException e) {
    Location loc = e.getLocation();
    String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
    // StAX prefixes "ParseError at [row,col]:[..]\nMessage: "; keep only the message
    int idx = msg.indexOf("Message: ");
    if (idx >= 0) {
      msg = msg.substring(idx + "Message: ".length());
    }
    msg = "malformed XML: " + msg.strip().replace('\n', ' ');
    if (loc != null) {
      return new InputException(source, loc.getLineNumber(), loc.getColumnNumber(), msg);
    }
    return new InputException(source, msg);
  }
}
