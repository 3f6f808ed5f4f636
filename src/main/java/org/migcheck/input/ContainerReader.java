package org.migcheck.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.migcheck.InputException;
import org.migcheck.xml.ReaderFailure;
import org.migcheck.xml.XmlLimits;

/**
 * The text of a file as virsh treats it: wrapped in a container element so that several
 * concatenated documents form one, with every XML declaration replaced by spaces (a declaration is
 * only legal at the very start of a document). Nothing is inserted before the content except the
 * container start tag on line 1, so line numbers stay those of the file.
 *
 * <p>It also enforces the input rules that must hold before any parser sees the text: UTF-8 only (a
 * UTF-8 byte order mark is dropped), no DOCTYPE at all, so no DTD, internal subset or entity
 * definition ever reaches a parser, and the size limits of {@link XmlLimits}.
 */
final class ContainerReader extends Reader {
  static final String CONTAINER = "migcheck-input";
  static final String PREFIX = "<" + CONTAINER + ">";
  static final String SUFFIX = "</" + CONTAINER + ">";

  private enum State {
    TEXT,
    COMMENT,
    CDATA,
    PI,
    DECLARATION
  }

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private boolean bytesEnded;
  /** Set when the bytes after the decoded characters are not UTF-8; reported once we get there. */
  private boolean badBytes;

  private final String file;
  private final XmlLimits.Counter limits;
  private final char[] buf = new char[16 * 1024];
  private int pos;
  private int lim;
  private boolean eof;

  private int prefixSent;
  private int suffixSent = -1;

  private State state = State.TEXT;
  /** Characters still to copy unchanged, or to blank, as part of a token already recognised. */
  private int copyLeft;

  private int blankLeft;

  private int line = 1;
  private int column;
  private boolean afterCr;
  private long contentChars;

  private int endLine = -1;
  private int endColumn;

  ContainerReader(InputStream raw, String file) throws IOException {
    this.file = file;
    this.limits = new XmlLimits.Counter(file);
    PushbackInputStream pb = new PushbackInputStream(raw, 3);
    skipBom(pb, file);
    this.in = pb;
  }

  private static void skipBom(PushbackInputStream in, String file) throws IOException {
    byte[] head = new byte[3];
    int n = in.readNBytes(head, 0, 3);
    if (n >= 2
        && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
      throw new InputException(file, "UTF-16 input is not supported (libvirt XML is UTF-8)");
    }
    boolean bom = n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
    if (!bom && n > 0) {
      in.unread(head, 0, n);
    }
  }

  /** Whether the file had no characters at all (a BOM alone counts as none). */
  boolean isEmpty() {
    return eof && contentChars == 0;
  }

  /** A new top-level document starts: the size limit counts its characters from here. */
  void startDocument() {
    limits.startDocument();
  }

  /** Whether all of the file has been read. */
  boolean atEnd() {
    return endLine > 0;
  }

  /** The line and column of the file's last character (valid once {@link #atEnd()}). */
  int endLine() {
    return endLine;
  }

  int endColumn() {
    return endColumn;
  }

  @Override
  public int read(char[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (prefixSent < PREFIX.length()) {
        out[off + n++] = PREFIX.charAt(prefixSent++);
        continue;
      }
      if (pos == lim && !fill(1)) {
        if (suffixSent < 0) {
          finishContent();
          suffixSent = 0;
        }
        if (suffixSent < SUFFIX.length()) {
          out[off + n++] = SUFFIX.charAt(suffixSent++);
          continue;
        }
        break;
      }
      int plain = plainRun(len - n);
      if (plain > 0) {
        System.arraycopy(buf, pos, out, off + n, plain);
        pos += plain;
        column += plain;
        contentChars += plain;
        afterCr = false;
        n += plain;
        continue;
      }
      out[off + n++] = next();
    }
    return n == 0 ? -1 : n;
  }

  /**
   * How many characters from {@code pos} can be copied as they are: text outside markup up to the
   * next '<', '>' or line end (most of a document), at most {@code max}.
   */
  private int plainRun(int max) throws ReaderFailure {
    if (state != State.TEXT || copyLeft > 0 || blankLeft > 0) {
      return 0;
    }
    int end = pos + Math.min(max, lim - pos);
    int i = pos;
    while (i < end) {
      char c = buf[i];
      if (c == '<' || c == '>' || c == '\n' || c == '\r') {
        break;
      }
      i++;
    }
    limits.countPlain(i - pos, line);
    return i - pos;
  }

  /** The next output character for the input character at {@code pos}. */
  private char next() throws IOException {
    if (copyLeft > 0) {
      copyLeft--;
      return consume();
    }
    if (blankLeft > 0) {
      blankLeft--;
      return blank(consume());
    }
    char c = buf[pos];
    switch (state) {
      case TEXT -> {
        if (c == '<') {
          return markup();
        }
      }
      case COMMENT -> {
        if (c == '-' && startsWith("-->")) {
          return leave(3);
        }
      }
      case CDATA -> {
        if (c == ']' && startsWith("]]>")) {
          return leave(3);
        }
      }
      case PI -> {
        if (c == '?' && startsWith("?>")) {
          return leave(2);
        }
      }
      case DECLARATION -> {
        if (c == '?' && startsWith("?>")) {
          state = State.TEXT;
          blankLeft = 1;
        }
        return blank(consume());
      }
    }
    return consume();
  }

  /** At a '<' in text: recognise the token it starts. */
  private char markup() throws IOException {
    if (!fill(2) || (buf[pos + 1] != '!' && buf[pos + 1] != '?')) {
      return consume(); // a tag: the common case
    }
    if (startsWith("<!--")) {
      return enter(State.COMMENT, 4);
    }
    if (startsWith("<![CDATA[")) {
      return enter(State.CDATA, 9);
    }
    if (startsWithIgnoreCase("<!DOCTYPE")) {
      throw new ReaderFailure(
          new InputException(
              file,
              line,
              column + 1,
              "DOCTYPE declarations are not allowed (no DTDs or entity definitions are accepted)"));
    }
    if (startsWith("<?xml") && fill(6) && isDeclarationEnd(buf[pos + 5])) {
      state = State.DECLARATION;
      blankLeft = 4;
      return blank(consume());
    }
    if (startsWith("<?")) {
      return enter(State.PI, 2);
    }
    return consume();
  }

  private static boolean isDeclarationEnd(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '?';
  }

  private char enter(State s, int tokenLength) throws ReaderFailure {
    state = s;
    copyLeft = tokenLength - 1;
    return consume();
  }

  private char leave(int tokenLength) throws ReaderFailure {
    state = State.TEXT;
    copyLeft = tokenLength - 1;
    return consume();
  }

  /** Spaces for everything but line ends, which are kept so lines do not move. */
  private static char blank(char c) {
    return c == '\n' || c == '\r' ? c : ' ';
  }

  private char consume() throws ReaderFailure {
    char c = buf[pos++];
    contentChars++;
    limits.count(c, line);
    if (c == '\n') {
      if (!afterCr) {
        line++;
      }
      column = 0;
      afterCr = false;
    } else if (c == '\r') {
      line++;
      column = 0;
      afterCr = true;
    } else {
      column++;
      afterCr = false;
    }
    return c;
  }

  private boolean startsWith(String s) throws IOException {
    if (!fill(s.length())) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (buf[pos + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWithIgnoreCase(String s) throws IOException {
    if (!fill(s.length())) {
      return false;
    }
    return new String(buf, pos, s.length()).equalsIgnoreCase(s);
  }

  /** Makes at least {@code k} characters available at {@code pos}; false if the file is shorter. */
  private boolean fill(int k) throws IOException {
    if (lim - pos >= k) {
      return true;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    while (lim < k && !eof) {
      if (badBytes) {
        if (lim > pos) {
          return false; // the characters before the bad bytes are still to be read
        }
        throw new ReaderFailure(
            new InputException(file, line, -1, "not valid UTF-8 (libvirt XML is always UTF-8)"));
      }
      decode();
    }
    return lim - pos >= k;
  }

  /**
   * Decodes more bytes into {@code buf}. A decoding error is remembered rather than thrown, so the
   * characters before it are still delivered and the error gets the right line.
   */
  private void decode() throws IOException {
    CharBuffer out = CharBuffer.wrap(buf, lim, buf.length - lim);
    int before = lim;
    while (true) {
      CoderResult result = decoder.decode(bytes, out, bytesEnded);
      lim = out.position();
      if (result.isError()) {
        badBytes = true;
        return;
      }
      if (result.isOverflow()) {
        return;
      }
      if (bytesEnded) {
        decoder.flush(out);
        lim = out.position();
        eof = true;
        return;
      }
      if (lim > before) {
        return;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        bytesEnded = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
  }

  private void finishContent() {
    endLine = line;
    endColumn = column;
  }

  /**
   * Does not close the underlying stream: the parser closes its reader when the document ends, and
   * standard input must stay open; the caller that opened the stream closes it.
   */
  @Override
  public void close() {
    // the owner of the stream closes it
  }
}
