package org.migcheck.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.InputException;
import org.migcheck.parse.DocumentParser;
import org.migcheck.parse.ParseErrors;
import org.migcheck.parse.RawDocument;
import org.migcheck.xml.FastXmlReader;
import org.migcheck.xml.SafeXml;

/**
 * Walks the top-level elements of one input file, one document at a time, and hands each to a
 * sink with its source name ({@code file}, or {@code file#N} when the file holds several).
 */
final class DocumentStream {
  /** What to do with top-level elements that are not one of the four document types. */
  enum Roots {
    /** Only the four document types; anything else is an error. */
    DOCUMENTS,
    /** Like virsh's XPath extraction: skip unknown elements, accept cputest lists. */
    CPU_SOURCES
  }

  interface Sink {
    void accept(RawDocument doc, String sourceName);
  }

  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(SafeXml::inputFactory);

  private final InputFile input;
  private final Supplier<InputStream> stdin;
  private final Roots roots;
  private final boolean fast;

  private ContainerReader text;

  DocumentStream(InputFile input, Supplier<InputStream> stdin, Roots roots) {
    this(input, stdin, roots, false);
  }

  /**
   * @param fast read with {@link FastXmlReader}, which refuses what it does not handle: the caller
   *     must then read the input again without it
   */
  DocumentStream(InputFile input, Supplier<InputStream> stdin, Roots roots, boolean fast) {
    this.input = input;
    this.stdin = stdin;
    this.roots = roots;
    this.fast = fast;
  }

  /** Reads the whole input, calling the sink for each document; returns the number of documents. */
  int run(Sink sink) {
    String file = input.name();
    InputStream in = null;
    try {
      in = open();
      XMLStreamReader r;
      if (fast) {
        r = new FastXmlReader(readFast(in), true);
      } else {
        text = new ContainerReader(in, file);
        r = SafeXml.noXInclude(FACTORY.get().createXMLStreamReader(text), file);
      }
      try {
        return walk(r, sink);
      } finally {
        r.close();
      }
    } catch (XMLStreamException | IOException e) {
      throw position(ParseErrors.convert(e, file));
    } finally {
      closeQuietly(in);
    }
  }

  /** Files larger than this are streamed by the JDK parser instead of read whole. */
  private static final int FAST_MAX_BYTES = 64 << 20;

  private byte[] readFast(InputStream in) throws IOException, XMLStreamException {
    byte[] data = in.readNBytes(FAST_MAX_BYTES + 1);
    if (data.length > FAST_MAX_BYTES) {
      throw new XMLStreamException("too large for the fast reader");
    }
    return data;
  }

  /** Closes a file; standard input stays open for whoever owns it. */
  private void closeQuietly(InputStream in) {
    if (in == null || input.isStdin()) {
      return;
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing was written; a failed close of a file we read cannot lose data
    }
  }

  private InputStream open() throws IOException {
    if (input.isStdin()) {
      return stdin.get();
    }
    try {
      if (Files.isDirectory(input.path())) {
        throw new InputException(input.name(), "is a directory, expected a file");
      }
      return Files.newInputStream(input.path());
    } catch (NoSuchFileException e) {
      throw new InputException(input.name(), "no such file or directory");
    } catch (AccessDeniedException e) {
      throw new InputException(input.name(), "cannot read: permission denied");
    }
  }

  private int walk(XMLStreamReader r, Sink sink) throws XMLStreamException {
    String file = input.name();
    toContainer(r);
    r.next();
    int event = parse(() -> toElementOrEnd(r));
    int index = 0;
    while (event == XMLStreamConstants.START_ELEMENT) {
      index++;
      if (text != null) {
        text.startDocument();
      }
      RawDocument doc = parse(() -> readElement(r));
      // look ahead: the first of several documents is already named file#1
      InputException after = null;
      try {
        event = parse(() -> toElementOrEnd(r));
      } catch (InputException e) {
        after = e;
      }
      boolean more = after != null || event == XMLStreamConstants.START_ELEMENT;
      if (doc != null) {
        sink.accept(doc, more || index > 1 ? file + "#" + index : file);
      }
      if (after != null) {
        throw after;
      }
    }
    parse(() -> drain(r));
    if (index == 0) {
      throw new InputException(
          file,
          text == null || text.isEmpty()
              ? "file is empty"
              : "no XML document found (only whitespace or comments)");
    }
    return index;
  }

  private RawDocument readElement(XMLStreamReader r) throws XMLStreamException {
    String name = r.getLocalName();
    String namespace = r.getNamespaceURI();
    // libvirt documents have no namespace; a namespaced <cpu> is someone else's element
    boolean plain = namespace == null || namespace.isEmpty();
    if (plain
        && (roots == Roots.DOCUMENTS
            ? DocumentParser.isDocumentRoot(name)
            : DocumentParser.isKnownRoot(name))) {
      // CPU extraction reads only the CPU parts: much faster for large fleets
      return roots == Roots.CPU_SOURCES
          ? DocumentParser.readCpuParts(r, input.name())
          : DocumentParser.read(r, input.name());
    }
    if (!plain) {
      name = "{" + namespace + "}" + name;
    }
    if (roots == Roots.CPU_SOURCES) {
      skipElement(r);
      return null;
    }
    throw new InputException(
        input.name(),
        r.getLocation().getLineNumber(),
        -1,
        "unsupported document <" + name + ">: expected " + DocumentParser.ACCEPTED_ROOTS);
  }

  private static void toContainer(XMLStreamReader r) throws XMLStreamException {
    while (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
      r.next();
    }
  }

  /**
   * From the current event, skips what may sit between documents (whitespace, comments, processing
   * instructions) to the next start tag or the container's end tag.
   */
  private int toElementOrEnd(XMLStreamReader r) throws XMLStreamException {
    int event = r.getEventType();
    while (true) {
      switch (event) {
        case XMLStreamConstants.START_ELEMENT,
            XMLStreamConstants.END_ELEMENT,
            XMLStreamConstants.END_DOCUMENT -> {
          return event;
        }
        case XMLStreamConstants.CHARACTERS,
            XMLStreamConstants.SPACE,
            XMLStreamConstants.CDATA -> {
          if (!isBlank(r.getText())) {
            throw new InputException(
                input.name(),
                r.getLocation().getLineNumber(),
                -1,
                "text outside of any element: '" + excerpt(r.getText()) + "'");
          }
        }
        default -> {
          // comments and processing instructions between documents are fine
        }
      }
      event = r.next();
    }
  }

  /** Whitespace, or a byte order mark left between concatenated documents. */
  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  private static String excerpt(String s) {
    String t = s.strip();
    return t.length() > 40 ? t.substring(0, 40) + "..." : t;
  }

  private static void skipElement(XMLStreamReader r) throws XMLStreamException {
    int depth = 0;
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 0) {
          r.next();
          return;
        }
        depth--;
      }
    }
  }

  /** Lets the parser check everything after the container's end tag. */
  private static int drain(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      r.next();
    }
    return 0;
  }

  private interface Step<T> {
    T run() throws XMLStreamException;
  }

  /** Runs a parser step, turning its failures into positioned, file-relative errors. */
  private <T> T parse(Step<T> step) {
    try {
      return step.run();
    } catch (XMLStreamException e) {
      throw position(ParseErrors.convert(e, input.name()));
    } catch (InputException e) {
      throw position(e);
    }
  }

  /**
   * Maps a parser position back to the file: an error inside the closing container tag means the
   * file ended too early; columns on line 1 lose the container start tag's width.
   */
  private InputException position(InputException e) {
    if (text == null || e.line() <= 0 || !e.getMessage().startsWith("malformed XML")) {
      return e;
    }
    int column = e.column();
    if (e.line() == 1 && column > ContainerReader.PREFIX.length()) {
      column -= ContainerReader.PREFIX.length();
    }
    if (text.atEnd()
        && (e.line() > text.endLine()
            || (e.line() == text.endLine() && column > text.endColumn()))) {
      return new InputException(
          e.source(),
          text.endLine(),
          -1,
          "malformed XML: unexpected end of file (the document is truncated or an element is not"
              + " closed)");
    }
    String message = e.getMessage();
    if (message.contains(ContainerReader.CONTAINER)) {
      message = "malformed XML: an end tag without a matching start tag";
    }
    return new InputException(e.source(), e.line(), column, message);
  }
}
