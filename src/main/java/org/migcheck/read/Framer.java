package org.migcheck.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.migcheck.InputException;
import org.migcheck.xml.FastXmlReader;
import org.migcheck.xml.LineEnds;
import org.migcheck.xml.XmlLimits;

/**
 * The one framer: cuts one input file into its top-level documents without parsing them, so that
 * several threads can parse one large concatenated file, and each document is located by file,
 * line and column. It applies the input rules on the way:
 * UTF-8 only (a leading byte order mark is dropped, UTF-16 refused), no DOCTYPE anywhere, XML
 * declarations, comments, processing instructions and whitespace between documents, nothing else
 * outside an element. XML declarations inside a document are blanked (one is only legal at the
 * start of a document).
 * Whether a document is well-formed is left to the parser of its chunk.
 */
public final class Framer {
  interface Sink {
    void accept(Chunk chunk) throws InterruptedException;
  }

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] COMMENT_END = bytes("-->");
  private static final byte[] CDATA_END = bytes("]]>");
  private static final byte[] PI_END = bytes("?>");

  private final String file;
  private final InputStream in;
  /** Where read buffers come from; null for a file already in memory. */
  private final Blocks blocks;

  /** The buffer being read into (null for a file already in memory), whose array is buf. */
  private Blocks.Block block;
  private byte[] buf;
  private int pos;
  private int lim;
  private boolean eof;
  /** Absolute offset of buf[0] in the file. */
  private long base;
  /** Buffer offset of the document being scanned, whose bytes must stay; -1 between documents. */
  private int docStart = -1;

  private int line = 1;
  private long lineStart;
  /** Characters of the current line already dropped from the buffer. */
  private int droppedColumns;
  private long lastCr = -2;
  private boolean sawContent;
  /** The document being scanned has a byte outside ASCII (so its UTF-8 needs checking). */
  private boolean nonAscii;

  /** What {@link #prescan} looks for ({root, child, grandchild}), or null. */
  private String[] prescan;

  /** Blanked-declaration ranges of the current document, relative to its start. */
  private int[] blanks = new int[8];
  private int blankCount;

  /**
   * A framer reading {@code in} into buffers from {@code blocks}; each document handed to the sink
   * is a slice of one, which the sink must {@link Chunk#release()} once it has read it.
   */
  Framer(String file, InputStream in, Blocks blocks) {
    this.file = file;
    this.in = in;
    this.blocks = blocks;
    this.block = blocks.take(blocks.size());
    this.buf = block.data;
  }

  /** A splitter over a whole file already in memory (it owns the array). */
  Framer(String file, byte[] content) {
    this.file = file;
    this.in = InputStream.nullInputStream();
    this.blocks = null;
    this.buf = content;
    this.lim = content.length;
    this.eof = true;
  }

  /**
   * Cuts each plain document (ASCII, and no carriage return, comment, reference, CDATA or
   * declaration: most of a fleet's) with the fast reader's one-pass scan, which also checks it is
   * well-formed and notes some of its elements ({@link FastXmlReader#prescan}, with {@code
   * wanted} = {root, child, grandchild}): a reader that wants only those need not read the rest
   * again (its chunk's {@link Chunk#prescan()}). Chunks, lines and columns are the same either
   * way; others are cut as before.
   */
  Framer prescan(String[] wanted) {
    this.prescan = wanted;
    return this;
  }

  /** Hands every document to the sink, in order; returns the number of documents. */
  int run(Sink sink) throws IOException, InterruptedException {
    try {
      return frame(sink);
    } finally {
      if (block != null) {
        block.release(); // the framer's own hold: the buffer is recycled once its chunks are read
        block = null;
      }
    }
  }

  private int frame(Sink sink) throws IOException, InterruptedException {
    skipByteOrderMark();
    int index = 0;
    Chunk pending = null;
    while (true) {
      boolean found;
      try {
        found = toNextDocument();
      } catch (InputException e) {
        if (pending != null) {
          sink.accept(named(pending, index)); // named file#N: more followed
        }
        throw e;
      }
      if (!found) {
        break;
      }
      index++;
      if (pending != null) {
        sink.accept(named(pending, index - 1));
      }
      pending = document();
      if (pending.truncated()) {
        break;
      }
    }
    if (pending != null) {
      sink.accept(index > 1 ? named(pending, index) : pending);
    }
    if (index == 0) {
      throw new InputException(
          file,
          sawContent ? "no XML document found (only whitespace or comments)" : "file is empty");
    }
    return index;
  }

  private Chunk named(Chunk c, int index) {
    return c.named(file + "#" + index);
  }

  private void skipByteOrderMark() throws IOException {
    fill(3);
    if (lim - pos >= 2
        && ((buf[pos] == (byte) 0xFE && buf[pos + 1] == (byte) 0xFF)
            || (buf[pos] == (byte) 0xFF && buf[pos + 1] == (byte) 0xFE))) {
      throw new InputException(file, "UTF-16 input is not supported (libvirt XML is UTF-8)");
    }
    if (lim - pos >= 3
        && buf[pos] == (byte) 0xEF
        && buf[pos + 1] == (byte) 0xBB
        && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
      lineStart = 3;
    }
  }

  // ---- between documents

  /** Skips what may separate documents; true when standing on a document's start tag. */
  private boolean toNextDocument() throws IOException {
    while (true) {
      if (pos == lim && !fill(1)) {
        return false;
      }
      byte b = buf[pos];
      if (b == ' ' || b == '\t') {
        pos++;
        sawContent = true;
      } else if (b == '\n' || b == '\r') {
        pos++;
        sawContent = true;
        newline(b);
      } else if (b == (byte) 0xEF && fill(3) && startsWith(BYTE_ORDER_MARK)) {
        pos += 3; // a byte order mark left between concatenated documents
        sawContent = true;
      } else if (b == '<') {
        sawContent = true;
        if (topLevelMarkup()) {
          return true;
        }
      } else {
        sawContent = true;
        throw textOutside();
      }
    }
  }

  /** At a '<' between documents: skips what is allowed there; true at a start tag. */
  private boolean topLevelMarkup() throws IOException {
    if (fill(2) && buf[pos + 1] != '!' && buf[pos + 1] != '?' && buf[pos + 1] != '/') {
      return true; // a start tag, as below, without the checks of what else may stand here
    }
    fill(9);
    if (startsWith("<!--")) {
      if (!skipPast(4, COMMENT_END)) {
        throw truncated();
      }
    } else if (startsWith("<?")) {
      checkInstructionTarget();
      if (!skipPast(2, PI_END)) {
        throw truncated();
      }
    } else if (startsWithIgnoreCase("<!DOCTYPE")) {
      throw doctype();
    } else if (startsWith("<![CDATA[")) {
      docStart = pos; // keeps the text in the buffer
      boolean closed = skipPast(9, CDATA_END);
      int from = docStart + 9;
      docStart = -1;
      if (!closed) {
        throw truncated();
      }
      String text = utf8(Arrays.copyOfRange(buf, from, pos - 3));
      if (text == null) {
        throw notUtf8(line);
      }
      if (!text.isBlank()) {
        throw outside(text);
      }
    } else if (startsWith("</")) {
      // where the JDK parser notices, after "</", in a file of concatenated documents
      throw new InputException(
          file, line, column() + 3, "malformed XML: an end tag without a matching start tag");
    } else {
      return true;
    }
    return false;
  }

  private InputException truncated() {
    return new InputException(
        file,
        line,
        -1,
        "malformed XML: unexpected end of file (the document is truncated or an element is not"
            + " closed)");
  }

  /**
   * Text between documents, reported at the line where it ends; a
   * control character in it is reported where it stands, as the JDK parser does there.
   */
  private InputException textOutside() throws IOException {
    int startLine = line;
    byte[] run = new byte[64];
    int runLength = 0;
    InputException control = null;
    while (true) {
      if (pos == lim && !fill(1)) {
        break;
      }
      byte b = buf[pos];
      if (b == '<') {
        break;
      }
      if (control == null && b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        control = new InputException(file, line, column() + 1, String.format(
            "malformed XML: An invalid XML character (Unicode: 0x%x) was found in the element"
                + " content of the document.", b));
      }
      if (runLength < 4096) {
        if (runLength == run.length) {
          run = Arrays.copyOf(run, run.length * 2);
        }
        run[runLength++] = b;
      }
      pos++;
      if (b == '\n' || b == '\r') {
        newline(b);
      }
    }
    int bad = Utf8.firstInvalid(run, runLength);
    if (bad >= 0) {
      return notUtf8(startLine + LineEnds.count(run, bad));
    }
    if (control != null) {
      return control;
    }
    return outside(utf8(Arrays.copyOf(run, runLength)));
  }

  private InputException notUtf8(int at) {
    return new InputException(file, at, -1, "not valid UTF-8 (libvirt XML is always UTF-8)");
  }

  private InputException outside(String text) {
    String t = text.strip();
    String excerpt = t.length() > 40 ? t.substring(0, 40) + "..." : t;
    return new InputException(file, line, -1, "text outside of any element: '" + excerpt + "'");
  }

  /** The text of UTF-8 bytes, or null when they are not UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  // ---- one document

  /** Scans the document whose start tag is at pos, through its end tag or the end of the file. */
  private Chunk document() throws IOException {
    if (prescan != null) {
      Chunk c = prescanned();
      if (c == null && refilled()) {
        c = prescanned();
      }
      if (c != null) {
        return c;
      }
    }
    return cut();
  }

  /**
   * {@link #document()} the long way, for a document the prescan does not take: a method of its
   * own, so that C1, which compiles {@code document()} for its thousands of calls, need not compile
   * this loop with it.
   */
  private Chunk cut() throws IOException {
    docStart = pos;
    blankCount = 0;
    nonAscii = false;
    int startLine = line;
    int startColumn = column();
    int depth = 0;
    boolean complete = false;
    while (!complete) {
      if (!toTagStart() || !fill(2)) {
        break;
      }
      byte next = buf[pos + 1];
      if (next == '/') {
        if (!skipTag(2)) {
          break;
        }
        depth--;
        complete = depth <= 0;
      } else if (next == '!' || next == '?') {
        fill(9);
        if (startsWith("<!--")) {
          if (!skipPast(4, COMMENT_END)) {
            break;
          }
        } else if (startsWith("<![CDATA[")) {
          if (!skipPast(9, CDATA_END)) {
            break;
          }
        } else if (startsWithIgnoreCase("<!DOCTYPE")) {
          throw doctype();
        } else if (next == '?') {
          int at = pos - docStart;
          boolean declaration = isDeclaration();
          if (!skipPast(2, PI_END)) {
            break;
          }
          if (declaration) {
            blank(at, pos - docStart);
          }
        } else if (!skipTag(1)) {
          break; // other markup: the parser says what is wrong with it
        }
      } else {
        if (!skipTag(1)) {
          break;
        }
        if (buf[pos - 2] != '/') {
          depth++;
        }
        complete = depth <= 0;
      }
    }
    int from = docStart;
    int to = complete ? pos : lim;
    docStart = -1;
    if (blankCount > 0) {
      // a declaration inside the document (rare): blanked in a copy, so that the buffer keeps
      // the bytes that later columns on this line are counted over
      byte[] bytes = Arrays.copyOfRange(buf, from, to);
      for (int i = 0; i < blankCount; i += 2) {
        for (int j = blanks[i]; j < blanks[i + 1] && j < bytes.length; j++) {
          if (bytes[j] != '\n' && bytes[j] != '\r') {
            bytes[j] = ' ';
          }
        }
      }
      return new Chunk(file, file, startLine, startColumn, bytes, 0, bytes.length, !complete,
          line, column(), !nonAscii, null);
    }
    // else the chunk is a slice of the buffer, not a copy: the framer does not come back to these
    // bytes, and the buffer is not refilled before the chunk is released
    if (block != null) {
      block.use();
    }
    return new Chunk(file, file, startLine, startColumn, buf, from, to, !complete, line, column(),
        !nonAscii, block);
  }

  /**
   * The document at pos as the prescan cuts it, or null (it is not plain, or its end is not in
   * the buffer yet): {@link #document()} then cuts it. It has no byte outside ASCII and no
   * carriage return, so its line feeds alone move the line and column.
   */
  private Chunk prescanned() {
    FastXmlReader.Prescan scan =
        FastXmlReader.prescan(buf, pos, lim, prescan[0], prescan[1], prescan[2]);
    if (scan == null) {
      return null;
    }
    int from = pos;
    int startLine = line;
    int startColumn = column();
    pos = scan.end();
    if (scan.lineFeeds() > 0) {
      line += scan.lineFeeds();
      lineStart = base + scan.lastLineFeed() + 1;
      droppedColumns = 0;
    }
    if (block != null) {
      block.use(); // a slice of the buffer, as in document()
    }
    return new Chunk(file, file, startLine, startColumn, buf, from, pos, false, line, column(),
        true, block, scan);
  }

  /**
   * After a prescan failed near the end of the buffer, maybe only because the document goes on
   * past it (one 8.5 KB host in a hundred, with 1 MiB buffers): the document moved to the start
   * of a buffer, which is read full; true when that brought more bytes. The document would move
   * all the same once the cut below reached the end, and parsing one that was not prescanned
   * costs a parsing thread a whole read of it. A document that is not plain moves for nothing at
   * most once per buffer: its successors are then at the start of one.
   */
  private boolean refilled() throws IOException {
    if (eof || blocks == null || lim - pos >= blocks.size() / 4) {
      return false;
    }
    int had = lim - pos;
    docStart = pos;
    try {
      fill(had + 1);
    } finally {
      docStart = -1;
    }
    return lim - pos > had;
  }

  /**
   * A processing instruction between documents starts with its target's name, then white space
   * or "?>": the JDK parser's rules and words, at the byte where it stops (line ends cannot come
   * before that byte, so the column is counted on this line).
   */
  private void checkInstructionTarget() throws IOException {
    int i = 2;
    if (!fill(i + 1)) {
      return; // the end of the file: reported as truncated
    }
    if (!isNameByte(buf[pos + i], true)) {
      throw instructionError(i, "The processing instruction must begin with the name of the target.");
    }
    do {
      i++;
      if (!fill(i + 1)) {
        return;
      }
    } while (i < 4096 && isNameByte(buf[pos + i], false));
    byte after = buf[pos + i];
    if (!isSpace(after) && !(after == '?' && fill(i + 2) && buf[pos + i + 1] == '>')) {
      throw instructionError(
          i, "White space is required between the processing instruction target and data.");
    }
  }

  private static boolean isNameByte(byte b, boolean first) {
    if (b < 0) {
      return true; // non-ASCII: the parser of the chunk judges the character
    }
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == ':'
        || !first && ((b >= '0' && b <= '9') || b == '-' || b == '.');
  }

  private InputException instructionError(int offset, String what) {
    return new InputException(
        file, line, column() + characters(pos, pos + offset) + 1, "malformed XML: " + what);
  }

  /** {@code <?xml} followed by white space or '?': a declaration, which is blanked. */
  private boolean isDeclaration() {
    if (!startsWith("<?xml") || lim - pos < 6) {
      return false;
    }
    byte b = buf[pos + 5];
    return isSpace(b) || b == '?';
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private void blank(int from, int to) {
    if (blankCount + 2 > blanks.length) {
      blanks = Arrays.copyOf(blanks, blanks.length * 2);
    }
    blanks[blankCount++] = from;
    blanks[blankCount++] = to;
  }

  /** Advances to the next '<', counting lines; false at the end of the file. */
  private boolean toTagStart() throws IOException {
    while (true) {
      byte[] b = buf;
      int p = pos;
      int l = lim;
      while (p < l) {
        byte x = b[p];
        if (x == '<') {
          pos = p;
          return true;
        }
        p++;
        if (x <= '\r') {
          pos = p;
          special(x);
        }
      }
      pos = p;
      if (!fill(1)) {
        return false;
      }
    }
  }

  /** From a tag's '<', past its '>' (quoted attribute values may hold '>'); false at the end. */
  private boolean skipTag(int skip) throws IOException {
    pos += skip;
    byte quote = 0;
    while (true) {
      byte[] b = buf;
      int p = pos;
      int l = lim;
      while (p < l) {
        byte x = b[p++];
        if (quote != 0) {
          if (x == quote) {
            quote = 0;
          }
        } else if (x == '>') {
          pos = p;
          return true;
        } else if (x == '"' || x == '\'') {
          quote = x;
        }
        if (x <= '\r') {
          pos = p;
          special(x);
        }
      }
      pos = p;
      if (!fill(1)) {
        return false;
      }
    }
  }

  /** Skips {@code skip} bytes, then past the terminator; false at the end of the file. */
  private boolean skipPast(int skip, byte[] end) throws IOException {
    pos += skip;
    while (true) {
      if (lim - pos < end.length && !fill(end.length)) {
        while (pos < lim) {
          special(buf[pos++]);
        }
        return false;
      }
      if (startsWith(end)) {
        pos += end.length;
        return true;
      }
      special(buf[pos++]);
    }
  }

  /**
   * A byte just consumed (pos is past it) that may need attention: a line end is counted, a
   * byte outside ASCII noted (the document's UTF-8 is then checked). The scanning loops call this
   * only for bytes up to CR, which covers both.
   */
  private void special(byte x) {
    if (x == '\n' || x == '\r') {
      newline(x);
    } else if (x < 0) {
      nonAscii = true;
    }
  }

  private InputException doctype() {
    return new InputException(
        file,
        line,
        column() + 1,
        "DOCTYPE declarations are not allowed (no DTDs or entity definitions are accepted)");
  }

  // ---- positions

  /** Counts a line end just consumed (pos is past it); CR LF is one line end. */
  private void newline(byte b) {
    long at = base + pos - 1;
    if (b == '\r') {
      line++;
      lastCr = at;
    } else if (lastCr != at - 1) {
      line++;
    }
    lineStart = base + pos;
    droppedColumns = 0;
  }

  /** Characters (not bytes) between the start of the line and pos. */
  private int column() {
    int from = (int) Math.max(0, lineStart - base);
    return droppedColumns + characters(from, pos);
  }

  private int characters(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if ((buf[i] & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }

  // ---- buffer

  /** Makes k bytes available at pos; false when the file is shorter. */
  private boolean fill(int k) throws IOException {
    // small, for C1 to compile inline where the framer asks for a few bytes per document
    return lim - pos >= k || more(k);
  }

  /** {@link #fill} when the buffer holds fewer than k bytes: reads, or moves to another buffer. */
  private boolean more(int k) throws IOException {
    while (lim - pos < k && !eof) {
      int keep = docStart >= 0 ? docStart : pos;
      if (lim == buf.length) {
        // full: what must stay moves to another buffer (chunks already cut still use this one)
        if (keep == 0 && buf.length >= XmlLimits.MAX_DOCUMENT_CHARS) {
          throw XmlLimits.documentTooLarge(file, line); // the whole buffer is one document
        }
        int from = (int) Math.max(0, lineStart - base);
        if (from < keep) {
          droppedColumns += characters(from, keep);
        }
        int kept = lim - keep;
        int size = keep == 0 ? buf.length * 2
            : kept + k <= blocks.size() / 2 ? blocks.size() : buf.length;
        Blocks.Block next = blocks.take(size);
        System.arraycopy(buf, keep, next.data, 0, kept);
        block.release();
        block = next;
        buf = next.data;
        lim -= keep;
        pos -= keep;
        base += keep;
        if (docStart >= 0) {
          docStart = 0;
        }
      }
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        eof = true;
      } else {
        lim += n;
      }
    }
    return lim - pos >= k;
  }

  private boolean startsWith(String s) {
    if (lim - pos < s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (buf[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWith(byte[] s) {
    if (lim - pos < s.length) {
      return false;
    }
    for (int i = 0; i < s.length; i++) {
      if (buf[pos + i] != s[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWithIgnoreCase(String s) {
    if (lim - pos < s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.toUpperCase((char) (buf[pos + i] & 0xFF)) != Character.toUpperCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
