package org.migcheck.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.read.Walker;
import org.migcheck.xml.XmlNode;
import org.xml.sax.Locator;

/**
 * The hand-written binder's cursor: fills the X* shapes from a StAX reader exactly as JAXB fills
 * them, in plain code, so that the documents the fast reader takes need no JAXB context (no
 * reflection, no annotation reading). JAXB's rules, found by testing it ({@code
 * BinderAgreementTest} holds the binder to them): unknown elements and attributes are skipped, and
 * so are namespaced ones; a repeated single-valued element replaces the earlier one; a String
 * element's or {@code @XmlValue}'s text is the walker's ({@link Walker#text}); every
 * {@code @XmlElementWrapper} element starts its list afresh, even an empty one; {@code xsi:nil}
 * changes nothing (no field is nillable); the locators are where the start tag ends, in file lines.
 * Each element reader starts on its start tag and ends on its end tag.
 */
abstract class Binder {
  private final XMLStreamReader r;
  private final Walker w;

  /** @param firstLine the file line of the reader's line 1 */
  Binder(XMLStreamReader r, int firstLine) {
    this.r = r;
    this.w = new Walker(r, firstLine);
  }

  final XMLStreamReader reader() {
    return r;
  }

  // The element loops are plain code, not lambdas: on a cold JVM each lambda call site costs
  // 0.1-0.15 ms to link, and a lambda per loop made reading the samples link some 25 of them.

  /** Moves to the next child element's start tag; false on the current element's end tag. */
  final boolean nextChild() throws XMLStreamException {
    return w.nextChild();
  }

  /** The child's local name; "" for a namespaced element, which every loop's default skips. */
  final String childName() {
    return w.name();
  }

  /** Moves to the next child element named {@code name}, skipping the others. */
  final boolean nextChild(String name) throws XMLStreamException {
    while (w.nextChild()) {
      if (w.name().equals(name)) {
        return true;
      }
      w.skip();
    }
    return false;
  }

  final String attr(String name) {
    return w.attr(name);
  }

  final String text() throws XMLStreamException {
    return w.text();
  }

  final void skip() throws XMLStreamException {
    w.skip();
  }

  final int line() {
    return w.line();
  }

  /**
   * The current start tag's line, in the form JAXB's @XmlLocation fields hold. Its column is
   * unknown (-1): the mappers read only the line, and the column cost each element a walk back
   * to its line's start.
   */
  final Locator here() {
    return new FixedLocator(w.line(), -1);
  }

  /** An element with open-ended children: each child element as a tree, as JAXB's reader has it. */
  final AnyChildren anyChildren() throws XMLStreamException {
    AnyChildren a = new AnyChildren();
    a.loc = here();
    while (w.nextChild()) {
      a.elements.add(readTree(r, w)); // namespaced ones too, like JAXB's reader
    }
    return a;
  }

  /**
   * The element {@code r} stands on, through its end tag, as a tree: its local name, every
   * attribute by local name, its child elements (namespaced ones too) and all its text, stripped.
   * JAXB's open-children reader ({@link OpenChildrenReader}) reads them with this too.
   */
  static XmlNode readTree(XMLStreamReader r, Walker lines) throws XMLStreamException {
    String name = r.getLocalName();
    int line = lines.line();
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    List<XmlNode> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.add(readTree(r, lines));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlNode(name, attrs, children, text.toString().strip(), line);
        }
        default -> {
          // comments and processing instructions carry nothing for us
        }
      }
    }
  }

  /** A line captured from the StAX reader (the column -1: not known). */
  private record FixedLocator(int line, int column) implements Locator {
    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public String getSystemId() {
      return null;
    }

    @Override
    public int getLineNumber() {
      return line;
    }

    @Override
    public int getColumnNumber() {
      return column;
    }
  }
}
