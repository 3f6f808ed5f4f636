package org.migcheck.read;

import java.util.Arrays;
import org.migcheck.xml.FastXmlReader;

/**
 * The bytes of one top-level document of an input file, cut out so that a worker thread can parse
 * it on its own, with what is needed to report positions in the whole file. The bytes are a slice
 * of the framer's read buffer ({@link #data()} from {@link #offset()} to {@link #end()}), not a
 * copy: the buffer goes back to the framer once the chunk is {@link #release() released}.
 */
public final class Chunk {
  private final String file;
  private final String source;
  private final int line;
  private final int column;
  private final byte[] data;
  private final int offset;
  private final int end;
  private final boolean truncated;
  private final int endLine;
  private final int endColumn;
  private final boolean ascii;
  private final Blocks.Block block;
  private final FastXmlReader.Prescan prescan;
  private byte[] bytes;

  /**
   * @param file the input's name, which XML errors name
   * @param source the document's source name: {@code file}, or {@code file#N} when the file holds
   *     several documents
   * @param line the line of the document's first byte in the file
   * @param column the characters before the document on that line
   * @param data holds the document, from its root start tag through its end tag (through the end
   *     of the file when {@code truncated}), at {@code data[offset..end)}
   * @param truncated the file ended inside the document
   * @param endLine the line of the file's last character (for the truncation message)
   * @param endColumn the characters on that line
   * @param ascii every byte is ASCII (no UTF-8 to check)
   * @param block the framer's buffer that {@code data} is, or null when nothing is to be released
   */
  Chunk(String file, String source, int line, int column, byte[] data, int offset, int end,
      boolean truncated, int endLine, int endColumn, boolean ascii, Blocks.Block block) {
    this(file, source, line, column, data, offset, end, truncated, endLine, endColumn, ascii, block,
        null);
  }

  /** @param prescan what the framer's prescan found, when it cut the chunk with one (else null) */
  Chunk(String file, String source, int line, int column, byte[] data, int offset, int end,
      boolean truncated, int endLine, int endColumn, boolean ascii, Blocks.Block block,
      FastXmlReader.Prescan prescan) {
    this.file = file;
    this.source = source;
    this.line = line;
    this.column = column;
    this.data = data;
    this.offset = offset;
    this.end = end;
    this.truncated = truncated;
    this.endLine = endLine;
    this.endColumn = endColumn;
    this.ascii = ascii;
    this.block = block;
    this.prescan = prescan;
  }

  /** The same chunk under another source name. */
  Chunk named(String newSource) {
    return new Chunk(file, newSource, line, column, data, offset, end, truncated, endLine,
        endColumn, ascii, block, prescan);
  }

  /**
   * What the framer's prescan found ({@link Framer#prescan}; positions index {@link #data()}):
   * the document is then well-formed plain ASCII, as the fast reader's scan takes it. Else null.
   */
  public FastXmlReader.Prescan prescan() {
    return prescan;
  }

  public String file() {
    return file;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The array that holds the document; only {@code [offset, end)} is this chunk's. */
  public byte[] data() {
    return data;
  }

  public int offset() {
    return offset;
  }

  public int end() {
    return end;
  }

  /** The document's bytes as an array of their own (a copy, made once, unless it is all of data). */
  public byte[] bytes() {
    if (bytes == null) {
      bytes = offset == 0 && end == data.length ? data : Arrays.copyOfRange(data, offset, end);
    }
    return bytes;
  }

  public boolean truncated() {
    return truncated;
  }

  public int endLine() {
    return endLine;
  }

  public int endColumn() {
    return endColumn;
  }

  public boolean ascii() {
    return ascii;
  }

  /**
   * Hands the bytes back to the framer for reuse: called once the chunk has been read, after which
   * nothing may look at {@link #data()}.
   */
  void release() {
    if (block != null) {
      block.release();
    }
  }
}
