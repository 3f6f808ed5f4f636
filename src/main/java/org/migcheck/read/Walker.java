package org.migcheck.read;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.xml.FastXmlReader;

/**
 * The one way the streaming profiles walk a document: the children of the current element one
 * after the other, skipping whole subtrees they do not need, with JAXB's rules for what an
 * element's text is and which elements count (namespaced ones do not), so that every profile
 * reads the same values as the full profile. Lines are those of the whole file.
 */
public final class Walker {
  private final XMLStreamReader r;
  private final int lineOffset;

  /** @param firstLine the file line of the reader's line 1 */
  public Walker(XMLStreamReader r, int firstLine) {
    this.r = r;
    this.lineOffset = firstLine - 1;
  }

  public int line() {
    int l = r instanceof FastXmlReader f ? f.lineNumber() : r.getLocation().getLineNumber();
    return l + lineOffset;
  }

  /**
   * The current element's name, or "" when it has a namespace: libvirt elements have none, and the
   * full parser ignores namespaced ones.
   */
  public String name() {
    String ns = r.getNamespaceURI();
    return ns == null || ns.isEmpty() ? r.getLocalName() : "";
  }

  /**
   * The attribute {@code name} without a namespace (JAXB does not match namespaced ones; the JDK
   * parser's {@code getAttributeValue(null, name)} would).
   */
  public String attr(String name) {
    if (r instanceof FastXmlReader) {
      return r.getAttributeValue(null, name); // it has no namespaces
    }
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      if (name.equals(r.getAttributeLocalName(i)) && (ns == null || ns.isEmpty())) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  /** The attributes of the current element, which is then skipped through its end tag. */
  public Attrs attrs(String... names) throws XMLStreamException {
    String[] values = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = attr(names[i]);
    }
    Attrs a = new Attrs(line(), values);
    skip();
    return a;
  }

  /** Moves to the next child of the element being read; false at that element's end tag. */
  public boolean nextChild() throws XMLStreamException {
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
  }

  /** Skips the current element, through its end tag. */
  public void skip() throws XMLStreamException {
    if (r instanceof FastXmlReader f) {
      f.skipElement();
      return;
    }
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /**
   * The text of the current element, through its end tag: JAXB's value of a String element, which
   * is the text after the element's last child ({@code <model>A<x/>B</model>} reads "B").
   */
  public String text() throws XMLStreamException {
    String first = null;
    StringBuilder more = null;
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (first == null) {
            first = r.getText();
          } else {
            if (more == null) {
              more = new StringBuilder(first);
            }
            more.append(r.getText());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> {
          skip();
          first = null;
          more = null;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return more != null ? more.toString() : first == null ? "" : first;
        }
        default -> {
          // comments and processing instructions carry no text
        }
      }
    }
  }
}
