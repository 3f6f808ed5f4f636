package org.migcheck.parse;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import javax.xml.stream.XMLStreamReader;

/**
 * The one JAXBContext (costly to build, thread-safe, created on first use) and one Unmarshaller per
 * thread (cheap, not thread-safe). Unmarshalling only ever reads from a caller's hardened
 * XMLStreamReader, so JAXB never creates a parser of its own.
 */
final class Jaxb {
  private Jaxb() {}

  private static final class Holder {
    static final JAXBContext CONTEXT = create();

    private static JAXBContext create() {
      try {
        return JAXBContext.newInstance(
            XCapabilities.class,
            XDomainCapabilities.class,
            XDomain.class,
            XCpu.class,
            XCpuTest.class);
      } catch (JAXBException e) {
        throw new IllegalStateException("JAXB mapping of libvirt documents is broken", e);
      }
    }
  }

  private static final ThreadLocal<Unmarshaller> UNMARSHALLER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Holder.CONTEXT.createUnmarshaller();
            } catch (JAXBException e) {
              throw new IllegalStateException("cannot create a JAXB unmarshaller", e);
            }
          });

  /** Builds the context now (for measurements); later calls are free. */
  static JAXBContext context() {
    return Holder.CONTEXT;
  }

  /**
   * Reads the element the reader stands on (START_ELEMENT) as {@code type}; afterwards the reader
   * stands on the event after its end tag.
   */
  static <T> T unmarshal(XMLStreamReader reader, Class<T> type) throws JAXBException {
    OpenChildrenReader open = new OpenChildrenReader(reader);
    Unmarshaller u = UNMARSHALLER.get();
    boolean ok = false;
    u.setListener(
        new Unmarshaller.Listener() {
          @Override
          public void afterUnmarshal(Object target, Object parent) {
            if (target instanceof AnyChildren any) {
              any.elements = open.take();
            }
          }
        });
    try {
      T value = u.unmarshal(open, type).getValue();
      ok = true;
      return value;
    } finally {
      u.setListener(null);
      if (!ok) {
        // an unmarshaller left in the middle of a document keeps its state: the fuzzer found
        // good documents failing inside JAXB after broken ones; the next call gets a fresh one
        UNMARSHALLER.remove();
      }
    }
  }
}
