package org.migcheck.xml;

import javax.xml.stream.XMLInputFactory;

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

  private static void setIfSupported(XMLInputFactory f, String name, Object value) {
    try {
      f.setProperty(name, value);
    } catch (IllegalArgumentException notSupported) {
      // another StAX implementation: the DTD switch above is what matters
    }
  }
}
