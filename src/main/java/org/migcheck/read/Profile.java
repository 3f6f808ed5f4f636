package org.migcheck.read;

import javax.xml.stream.XMLStreamReader;
import org.migcheck.xml.FastXmlReader;

/**
 * What a command reads of each document: the whole document (for the commands that look at
 * everything), the CPU parts (baseline, compare) or a fleet record. Every profile reads through
 * the same framer, tokenizer front and walker, so all agree on values and errors; each reads only
 * its part and so validates only that part.
 *
 * @param <D> what the profile makes of one document
 */
public interface Profile<D> {
  /**
   * Reads the document whose root start tag the reader stands on, through its end tag. Lines the
   * reader reports are relative to the document's chunk: line 1 is {@code chunk.line()} of the
   * file. Returns null for a document the profile skips.
   *
   * @throws Exception a parser or mapping failure, turned into a positioned {@link
   *     org.migcheck.InputException} by {@link Tokens}
   */
  D read(XMLStreamReader reader, Chunk chunk) throws Exception;

  /**
   * Whether the byte-level fast reader may serve this profile; a profile given a reader other
   * than {@link org.migcheck.xml.FastXmlReader} may rely on all of StAX.
   */
  default boolean fast() {
    return true;
  }

  /**
   * The root, child and grandchild elements this profile reads, as {@code {root, child,
   * grandchild}}, when it can read such a document from the framer's prescan of them ({@link
   * Framer#prescan}, {@link #prescanned}); null when it reads every document with the tokenizer.
   */
  default String[] prescan() {
    return null;
  }

  /**
   * Readies this profile's per-document code before a large input (thousands of documents), on a
   * parsing thread while the first documents are cut: C1 compiles a method after some 200 calls,
   * so code run once per document is otherwise interpreted for the first few hundred.
   */
  default void warmUp() {}

  /**
   * Reads a document that the prescan found well-formed (plain ASCII) from what it found, with the
   * reader standing on the root start tag; null when the document must be read the usual way.
   */
  default D prescanned(FastXmlReader reader, Chunk chunk, FastXmlReader.Prescan scan)
      throws Exception {
    return null;
  }
}
