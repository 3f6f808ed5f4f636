package org.migcheck.xml;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.migcheck.InputException;

/** Hardened StAX factories: no DTDs, no external entities, no network, bounded nesting. */
public final class SafeXml {
  private SafeXml() {}

  /** Elements nested deeper than this are rejected: no libvirt document comes near it. */
  public static final int MAX_DEPTH = 200;

  public static XMLInputFactory inputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new javax.xml.stream.XMLStreamException(
              "external references are not allowed: " + systemId);
        });
    setIfSupported(f, "jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
    return f;
  }

  /** The XInclude namespace: StAX never processes it, and migcheck refuses it outright. */
  public static final String XINCLUDE_NS = "http://www.w3.org/2001/XInclude";

  /**
   * {@code r}, refusing XInclude elements: they would be silently ignored, and a user who wrote
   * one expects another file or URL to be read, which migcheck never does.
   */
  public static XMLStreamReader noXInclude(XMLStreamReader r, String file) {
    return noXInclude(r, file, 0);
  }

  /** The same, for a reader whose line 1 is line {@code 1 + lineOffset} of the file. */
  public static XMLStreamReader noXInclude(XMLStreamReader r, String file, int lineOffset) {
    return new StreamReaderDelegate(r) {
      @Override
      public int next() throws XMLStreamException {
        return check(super.next());
      }

      @Override
      public int nextTag() throws XMLStreamException {
        return check(super.nextTag());
      }

      private int check(int event) {
        if (event == START_ELEMENT && XINCLUDE_NS.equals(getNamespaceURI())) {
          throw new InputException(
              file,
              getLocation().getLineNumber() + lineOffset,
              -1,
              "XInclude is not supported (<"
                  + getLocalName()
                  + "> in "
                  + XINCLUDE_NS
                  + "): migcheck never reads other files or URLs");
        }
        return event;
      }
    };
  }

  private static void setIfSupported(XMLInputFactory f, String name, Object value) {
    try {
      f.setProperty(name, value);
    } catch (IllegalArgumentException notSupported) {
      // another StAX implementation: the DTD switch above is what matters
    }
  }
}
