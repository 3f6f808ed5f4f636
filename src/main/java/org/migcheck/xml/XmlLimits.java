package org.migcheck.xml;

import org.migcheck.InputException;

/**
 * Size limits on XML input, generous for anything libvirt writes (its largest documents, the
 * capabilities of big hosts and domcapabilities, stay well under 1 MiB; its longest values are CPU
 * lists of a few KiB) and small enough that hostile input cannot exhaust memory. A file may hold
 * any number of documents: fleets of 100,000 hosts are many documents of about 20 KB each.
 */
public final class XmlLimits {
  private XmlLimits() {}

  /** Characters in one document (one top-level element with everything inside it). */
  public static final long MAX_DOCUMENT_CHARS = 32L << 20;

  /** Characters in one tag with its attributes, one text node or one comment. */
  public static final int MAX_VALUE_CHARS = 1 << 20;

  /**
   * Counts the characters of the current document and of the current run between markup
   * delimiters ({@code <} and {@code >}): one tag, text node or comment. Feed it every character
   * (or byte: the delimiters are ASCII) in order.
   */
  public static final class Counter {
    private final String file;
    private long documentChars;
    private int runChars;

    public Counter(String file) {
      this.file = file;
    }

    /** A new document starts: its characters count from here. */
    public void startDocument() {
      documentChars = 0;
    }

    /** Counts one character; {@code line} is where it is, for the message. */
    public void count(int c, int line) throws ReaderFailure {
      if (c == '<' || c == '>') {
        runChars = 0;
      } else if (++runChars > MAX_VALUE_CHARS) {
        throw tooLong(line);
      }
      if (++documentChars > MAX_DOCUMENT_CHARS) {
        throw tooLarge(line);
      }
    }

    /** Counts {@code n} characters none of which is a delimiter. */
    public void countPlain(int n, int line) throws ReaderFailure {
      runChars += n;
      documentChars += n;
      if (runChars > MAX_VALUE_CHARS) {
        throw tooLong(line);
      }
      if (documentChars > MAX_DOCUMENT_CHARS) {
        throw tooLarge(line);
      }
    }

    private ReaderFailure tooLong(int line) {
      return new ReaderFailure(valueTooLong(file, line));
    }

    private ReaderFailure tooLarge(int line) {
      return new ReaderFailure(documentTooLarge(file, line));
    }
  }

  public static InputException valueTooLong(String file, int line) {
    return new InputException(
        file,
        line,
        -1,
        "a tag, text or comment longer than "
            + (MAX_VALUE_CHARS >> 20)
            + " MiB: over migcheck's limit for one value (libvirt's are a few KiB at most)");
  }

  public static InputException documentTooLarge(String file, int line) {
    return new InputException(
        file,
        line,
        -1,
        "document larger than "
            + (MAX_DOCUMENT_CHARS >> 20)
            + " MiB: over migcheck's limit for one document (libvirt's stay under 1 MiB;"
            + " a file may hold any number of documents)");
  }
}
