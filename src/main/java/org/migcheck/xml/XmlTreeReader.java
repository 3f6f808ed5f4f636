package org.migcheck.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.InputException;

/** Reads one whole XML document into an {@link XmlNode} tree, through the hardened factory. */
public final class XmlTreeReader {
  private static final XMLInputFactory FACTORY = SafeXml.inputFactory();

  private XmlTreeReader() {}

  public static XmlNode read(InputStream in, String source) {
    try (in) {
      XMLStreamReader r = FACTORY.createXMLStreamReader(in);
      try {
        return readDocument(r, source);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw XmlErrors.fromStax(source, e);
    } catch (IOException e) {
      throw new InputException(source, "cannot read: " + e.getMessage());
    }
  }

  private static final class Builder {
    final String name;
    final Map<String, String> attrs;
    final List<XmlNode> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int line;

    Builder(String name, Map<String, String> attrs, int line) {
      this.name = name;
      this.attrs = attrs;
      this.line = line;
    }

    XmlNode build() {
      return new XmlNode(name, attrs, children, text.toString().strip(), line);
    }
  }

  private static XmlNode readDocument(XMLStreamReader r, String source) throws XMLStreamException {
    Deque<Builder> stack = new ArrayDeque<>();
    XmlNode root = null;
    while (r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.DTD ->
            throw new InputException(
                source, r.getLocation().getLineNumber(), -1, "DTDs are not allowed in input files");
        case XMLStreamConstants.START_ELEMENT -> {
          if (stack.size() >= SafeXml.MAX_DEPTH) {
            throw new InputException(
                source, r.getLocation().getLineNumber(), -1, "elements nested too deeply");
          }
          Map<String, String> attrs = new LinkedHashMap<>();
          for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
          stack.push(new Builder(r.getLocalName(), attrs, r.getLocation().getLineNumber()));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!stack.isEmpty()) {
            stack.peek().text.append(r.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlNode node = stack.pop().build();
          if (stack.isEmpty()) {
            root = node;
          } else {
            stack.peek().children.add(node);
          }
        }
        default -> {}
      }
    }
    if (root == null) {
      throw new InputException(source, "empty document: no root element");
    }
    return root;
  }
}
