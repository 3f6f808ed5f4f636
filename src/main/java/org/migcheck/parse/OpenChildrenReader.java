package org.migcheck.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.migcheck.read.Walker;
import org.migcheck.xml.XmlNode;

/**
 * Reads the children of elements whose child names are open-ended (guest features, domcapabilities
 * devices and features, domain features) into {@link XmlNode} trees itself, so JAXB sees those
 * parents empty. JAXB's own way, {@code @XmlAnyElement}, builds a DOM and a TransformerFactory per
 * child element and cost more than the rest of a capabilities document.
 */
final class OpenChildrenReader extends StreamReaderDelegate {
  /** Element paths, from the document root, whose children are collected here. */
  private static final Set<String> OPEN_PARENTS =
      Set.of(
          "capabilities/guest/features",
          "domainCapabilities/devices",
          "domainCapabilities/features",
          "domain/features");

  /** Open parents sit at most this deep; below it paths are not tracked. */
  private static final int MAX_OPEN_DEPTH = 3;

  /** The path of each open element down to MAX_OPEN_DEPTH, e.g. "capabilities/guest". */
  private final Deque<String> path = new ArrayDeque<>();

  private int depth;
  private boolean inOpenParent;
  private List<XmlNode> collected = new ArrayList<>();
  private final Walker lines;

  /** Wraps a reader standing on a document's root start tag. */
  OpenChildrenReader(XMLStreamReader reader) {
    super(reader);
    this.lines = new Walker(reader, 1); // the reader's lines are the file's already
    push(reader.getLocalName());
  }

  /** The children collected since the last call: those of the open parent that just ended. */
  List<XmlNode> take() {
    List<XmlNode> out = collected;
    collected = new ArrayList<>();
    return out;
  }

  @Override
  public int next() throws XMLStreamException {
    int event = super.next();
    while (event == XMLStreamConstants.START_ELEMENT && inOpenParent) {
      collected.add(readTree());
      event = super.next();
    }
    if (event == XMLStreamConstants.START_ELEMENT) {
      // a namespaced element is no libvirt element (JAXB skips it): never an open parent, whose
      // children would otherwise be handed to the next open parent JAXB finishes
      String ns = getNamespaceURI();
      push(ns == null || ns.isEmpty() ? getLocalName() : "");
    } else if (event == XMLStreamConstants.END_ELEMENT) {
      pop();
    }
    return event;
  }

  private void push(String name) {
    depth++;
    if (depth <= MAX_OPEN_DEPTH) {
      path.push(path.isEmpty() ? name : path.peek() + "/" + name);
      inOpenParent = OPEN_PARENTS.contains(path.peek());
    }
  }

  private void pop() {
    if (depth <= 0) {
      return;
    }
    if (depth <= MAX_OPEN_DEPTH) {
      path.pop();
    }
    depth--;
    inOpenParent = depth > 0 && depth <= MAX_OPEN_DEPTH && OPEN_PARENTS.contains(path.peek());
  }

  /** The element at the reader, up to its end tag, as a tree. */
  private XmlNode readTree() throws XMLStreamException {
    return Binder.readTree(getParent(), lines);
  }
}
