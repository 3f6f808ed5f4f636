package org.migcheck.xml;

import java.io.FilterInputStream;
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
      XMLStreamReader r = FACTORY.createXMLStreamReader(new Limited(in, source));
      try {
        return readDocument(r, source);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw XmlErrors.fromStax(source, e);
    } catch (ReaderFailure e) {
      throw e.error().withSource(source);
    } catch (IOException e) {
      throw new InputException(source, "cannot read: " + e.getMessage());
    }
  }

  /** Applies {@link XmlLimits} to the bytes of a file (the delimiters are ASCII in UTF-8). */
  private static final class Limited extends FilterInputStream {
    private final XmlLimits.Counter counter;
    private int line = 1;

    Limited(InputStream in, String source) {
      super(in);
      this.counter = new XmlLimits.Counter(source);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = 0; i < n; i++) {
        count(b[off + i]);
      }
      return n;
    }

    private void count(int b) throws ReaderFailure {
      if (b == '\n') {
        line++;
      }
      counter.count(b, line);
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
          String ns = r.getNamespaceURI();
          if (ns != null && !ns.isEmpty()) {
            // libvirt's elements have no namespace; <xi:include> and the like are not libvirt's
            throw new InputException(
                source,
                r.getLocation().getLineNumber(),
                -1,
                "element <" + r.getPrefix() + ":" + r.getLocalName() + "> is in namespace " + ns
                    + ": cpu_map elements have none (XInclude and the like are not supported)");
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
