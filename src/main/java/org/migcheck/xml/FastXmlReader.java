package org.migcheck.xml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A fast, strict reader over the bytes of the plain subset of XML libvirt writes: ASCII only,
 * names without namespaces, quoted attributes, text with the five predefined entities and
 * character references, comments, XML declarations. It checks well-formedness for that subset as
 * strictly as the JDK parser does and refuses everything else with {@link Unsupported} (DTDs,
 * CDATA, processing instructions, other entities, namespaces, non-ASCII bytes, input over the
 * {@link XmlLimits}), so the caller reads the input again with the JDK parser, which then also
 * words any error. It never expands anything but the predefined entities.
 *
 * <p>It is about four times as fast as the JDK parser: it works on bytes, builds strings only when
 * asked for them, and interns element and attribute names. Only the parts of {@link
 * XMLStreamReader} that migcheck's streaming readers use are implemented; the rest throw.
 */
public final class FastXmlReader implements XMLStreamReader {
  /** This input needs the full parser; not an error in the input. */
  public static final class Unsupported extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super("not in the fast reader's subset: " + what);
    }
  }

  private static final int MAX_ATTRIBUTES = 10_000;

  private final byte[] b;
  /** Where the document starts and ends in {@link #b}. */
  private final int start;
  private final int end;
  private int p;

  private int event = START_DOCUMENT;
  private String name;

  // attributes of the current start tag: interned names, value ranges, whether a value needs work
  private String[] attrNames = new String[16];
  private int[] attrStart = new int[16];
  private int[] attrEnd = new int[16];
  private boolean[] attrPlain = new boolean[16];
  private int attrCount;
  private final Set<String> manyAttrs = new HashSet<>();

  // the current text or comment: a byte range, plain when it needs no decoding
  private int textStart;
  private int textEnd;
  private boolean textPlain;
  private String text;

  private String[] open = new String[32];
  private int depth;
  private boolean pendingEnd;
  private boolean rootSeen;
  private int documentStart;

  // lines, counted lazily up to linePos
  private int linePos;
  private int line = 1;
  private int eventPos;
  /** Where the current start tag ends (after its '>'), which is where the JDK's StAX puts it. */
  private int eventEnd;

  private final String[] names;
  /** The bytes of each interned name, to compare the input with. */
  private final byte[][] nameBytes;

  /**
   * The interned names, one table per thread and kept from document to document: a fleet reads
   * the same few hundred names in every document, and a new table per document was a tenth of
   * all its allocation. Only the thread that made a reader uses it.
   */
  private static final ThreadLocal<Object[]> NAME_TABLE =
      new ThreadLocal<>() { // not withInitial: a lambda costs more to link on the first document
        @Override
        protected Object[] initialValue() {
          return new Object[] {new String[512], new byte[512][]};
        }
      };

  // scanContent's work arrays, kept for the reader's next skip
  private int[] scanStarts = new int[8];
  private int[] scanLens = new int[8];
  private final int[] scanAttrs = new int[32];

  /** {@link #isNameChar} by byte (index: the byte & 0xff; none outside ASCII): a table look-up. */
  private static final boolean[] NAME_CHAR = new boolean[256];

  // byte classes of scanContent's text and attribute values (index: the byte & 0xff): a table
  // look-up instead of a chain of comparisons per byte, for the interpreter that runs the first
  // documents of a large file and for C1
  private static final byte PLAIN = 0;
  private static final byte LT = 1;
  private static final byte LF = 2;
  private static final byte QUOTE = 3;
  private static final byte STOP = 4;
  /** Text: plain ASCII without references, carriage returns or '>'. */
  private static final byte[] TEXT = new byte[256];
  /** Attribute values: printable ASCII without '<' or references. */
  private static final byte[] VALUE = new byte[256];

  static {
    for (int c = 0; c < 128; c++) {
      NAME_CHAR[c] = isNameChar(c);
    }
    for (int c = 0; c < 256; c++) {
      boolean printable = c >= 0x20 && c < 0x7f;
      TEXT[c] = c == '<' ? LT : c == '\n' ? LF
          : (printable && c != '&' && c != '>') || c == '\t' ? PLAIN : STOP;
      VALUE[c] = c == '"' || c == '\'' ? QUOTE
          : printable && c != '<' && c != '&' ? PLAIN : STOP;
    }
  }

  /** @param data one document, UTF-8; only ASCII is read, anything else is refused */
  public FastXmlReader(byte[] data) {
    this(data, 0, data.length);
  }

  /**
   * A reader over {@code data[from..to)}, one document, without copying it; positions ({@link
   * #startTagPosition()}, {@link #elementEnd()}) are indexes into {@code data}.
   */
  public FastXmlReader(byte[] data, int from, int to) {
    this.b = data;
    this.start = from;
    this.end = to;
    this.p = from;
    this.linePos = from;
    Object[] table = NAME_TABLE.get();
    this.names = (String[]) table[0];
    this.nameBytes = (byte[][]) table[1];
  }

  public FastXmlReader(String ascii) {
    this(ascii.getBytes(StandardCharsets.UTF_8));
  }

  private XMLStreamException malformed(String what) {
    return new XMLStreamException("malformed XML: " + what);
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  private static boolean isNameStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNameChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.';
  }

  private int at(int i) {
    return i < end ? b[i] : -1;
  }

  private int skipSpace() {
    while (p < end && isSpace(b[p])) {
      p++;
    }
    return p < end ? b[p] : -1;
  }

  /** An ASCII name starting at p, interned; refuses namespaces and non-ASCII. */
  private String name() throws Unsupported {
    final byte[] b = this.b;
    final int end = this.end;
    int s = p;
    if (p >= end || !isNameStart(b[p])) {
      throw new Unsupported("a name that is not plain ASCII");
    }
    int h = b[p++];
    int c;
    while (p < end && (c = b[p]) >= 0 && NAME_CHAR[c]) {
      h = 31 * h + c;
      p++;
    }
    if (p < end && (b[p] == ':' || b[p] < 0)) {
      throw new Unsupported("a namespaced or non-ASCII name");
    }
    int len = p - s;
    int slot = (h ^ len) & (names.length - 1);
    byte[] known = nameBytes[slot];
    if (known != null && known.length == len && same(known, s)) {
      return names[slot];
    }
    String n = new String(b, s, len, StandardCharsets.ISO_8859_1);
    names[slot] = n;
    nameBytes[slot] = Arrays.copyOfRange(b, s, p);
    return n;
  }

  /**
   * Whether the input at {@code from} starts with {@code name}'s bytes: compared as bytes, since
   * this is the reader's hottest loop and String.charAt's checks showed in profiles.
   */
  private boolean same(byte[] name, int from) {
    final byte[] b = this.b;
    for (int i = 0; i < name.length; i++) {
      if (name[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the input at {@code from} starts with the (ASCII) name. */
  private boolean sameName(String name, int from) {
    final byte[] b = this.b;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Control characters other than tab and line ends, and non-ASCII bytes, are not handled. */
  private static void checkByte(int c) throws Unsupported {
    if (c < 0x20 ? (c != '\t' && c != '\n' && c != '\r') : c >= 0x7f) {
      throw new Unsupported("byte 0x" + Integer.toHexString(c & 0xff));
    }
  }

  // ---- events

  @Override
  public int next() throws XMLStreamException {
    if (event == END_DOCUMENT) {
      throw new java.util.NoSuchElementException();
    }
    text = null;
    if (pendingEnd) {
      pendingEnd = false;
      depth--;
      eventPos = eventEnd; // an empty element ends where its tag does
      return event = END_ELEMENT;
    }
    attrCount = 0;
    eventPos = p;
    if (p >= end) {
      if (depth > 0 || !rootSeen) {
        throw malformed("unexpected end of input");
      }
      return event = END_DOCUMENT;
    }
    if (b[p] == '<') {
      p++;
      return markup();
    }
    return textEvent();
  }

  private boolean topLevel() {
    return depth == 0;
  }

  /**
   * Skips the element whose start tag is the current event, through its end tag, and stands on
   * that end tag, exactly as calling {@link #next()} until the matching END_ELEMENT would. The
   * subtrees the streaming profiles skip (topology, guests) are most of a capabilities document;
   * this scans them in one loop without events, interned names or attribute arrays. Anything but
   * plain tags and text (comments, references, carriage returns, a limit, an error) sends it back
   * to the start of the content, where the event loop reads the subtree and words any error.
   */
  public void skipElement() throws XMLStreamException {
    if (event != START_ELEMENT) {
      throw new IllegalStateException("not on a start tag");
    }
    if (!pendingEnd && depth > 1) {
      int from = p;
      int endTag;
      if (from == peekedFrom) { // elementEnd() scanned this very content
        endTag = peekedEndTag;
        p = peekedAfter;
        scanLf = peekedLf;
        scanCr = peekedCr;
      } else {
        endTag = scanContent(from);
      }
      if (endTag >= 0) {
        if (!scanCr && linePos <= from) {
          // the scan counted the line feeds it passed: lines need not be counted over them again
          lineAt(from);
          line += scanLf;
          linePos = endTag;
        }
        text = null;
        attrCount = 0;
        eventPos = endTag;
        name = open[depth - 1];
        depth--;
        event = END_ELEMENT;
        return;
      }
      p = from;
    }
    int nested = 1;
    while (nested > 0) {
      int e = next();
      if (e == START_ELEMENT) {
        nested++;
      } else if (e == END_ELEMENT) {
        nested--;
      }
    }
  }

  /** The input this reader reads (the document is a part of it). */
  public byte[] input() {
    return b;
  }

  /** Where the current start tag begins (its '<'). */
  public int startTagPosition() {
    if (event != START_ELEMENT) {
      throw new IllegalStateException("not on a start tag");
    }
    return eventPos;
  }

  /**
   * Where the current element ends (after its end tag) when its content is in the plain subset
   * {@link #skipElement()} scans, else -1; the reader does not move.
   */
  public int elementEnd() {
    if (event != START_ELEMENT) {
      throw new IllegalStateException("not on a start tag");
    }
    if (pendingEnd) {
      return eventEnd;
    }
    if (depth <= 1) {
      return -1;
    }
    int from = p;
    int endTag = scanContent(from);
    int after = p;
    p = from;
    peekedFrom = from;
    peekedEndTag = endTag;
    peekedAfter = after;
    peekedLf = scanLf;
    peekedCr = scanCr;
    return endTag >= 0 ? after : -1;
  }

  /**
   * Scans a whole document whose root is named {@code root}, from its start tag at {@code from},
   * in one plain-subset pass (the scan {@link #skipElement()} makes of a subtree), noting the
   * root's children named {@code child} and, in the last of them, its children named {@code
   * grandchild}: so that a framer can cut a document and check it in one pass, for a reader that
   * wants only those elements of documents that are mostly other things (baseline:
   * capabilities/host/cpu). Null for another root, where the event loop would have to read some
   * of it (see {@link #skipElement()}), where it has a carriage return, or where its end tag is not
   * in {@code data[from..to)}; otherwise the document is well-formed, and reading it with the
   * event loop would give no error.
   */
  public static Prescan prescan(
      byte[] data, int from, int to, String root, String child, String grandchild) {
    FastXmlReader r = new FastXmlReader(data, from, to);
    try {
      if (r.next() != START_ELEMENT || r.pendingEnd || !r.name.equals(root)) {
        return null;
      }
    } catch (XMLStreamException | RuntimeException e) {
      return null;
    }
    int content = r.p;
    r.recordChild = child;
    r.recordGrandchild = grandchild;
    int endTag = r.scanContent(content);
    if (endTag < 0 || r.scanCr) {
      return null;
    }
    int end = r.p;
    int lineFeeds = r.scanLf; // those of the content
    for (int i = from; i < content; i++) { // the start tag's
      if (data[i] == '\n') {
        lineFeeds++;
      } else if (data[i] == '\r') {
        return null;
      }
    }
    for (int i = endTag; i < end; i++) { // the end tag's
      if (data[i] == '\n') {
        lineFeeds++;
      }
    }
    int lastLineFeed = -1;
    for (int i = end - 1; lineFeeds > 0 && i >= from; i--) {
      if (data[i] == '\n') {
        lastLineFeed = i;
        break;
      }
    }
    return new Prescan(end, lineFeeds, lastLineFeed, r.childCount, r.grandchildCount,
        r.grandchildFrom, r.grandchildTo);
  }

  private static volatile boolean warm;

  /**
   * Runs {@link #prescan} over a small document of the same shape a few hundred times, once per
   * JVM, before a reader prescans thousands: it is called once per document and C1 compiles a
   * method after some 200 calls, so the first 200 documents (a fifth of a 1,000-host baseline)
   * were scanned by the interpreter, several times slower. This takes about 1 ms.
   */
  public static void warmPrescan(String root, String child, String grandchild) {
    if (warm) {
      return;
    }
    warm = true;
    byte[] doc = ("<" + root + ">\n  <" + child + " a='1'>\n    <" + grandchild + " b='2' c='3'>\n"
        + "      <x>text</x>\n      <y d='4'/>\n    </" + grandchild + ">\n    <z><w/></z>\n"
        + "  </" + child + ">\n  <v>1 2</v>\n</" + root + ">\n").getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < WARM_RUNS; i++) {
      prescan(doc, 0, doc.length, root, child, grandchild);
    }
  }

  private static final int WARM_RUNS = 250;

  /**
   * What {@link #prescan} found: where the document ends (after its root end tag), its line feeds
   * and the last one's index (-1: none), how many {@code child} elements the root has, how many
   * {@code grandchild} elements the last of them has, and the last one's bytes {@code
   * [grandchildFrom, grandchildTo)}, start tag to end tag (-1 when there is none).
   */
  public record Prescan(int end, int lineFeeds, int lastLineFeed, int children, int grandchildren,
      int grandchildFrom, int grandchildTo) {}

  // prescan's targets (null: not recording) and what it saw of them
  private String recordChild;
  private String recordGrandchild;
  private boolean inChild;
  private boolean inGrandchild;
  private int childCount;
  private int grandchildCount;
  private int grandchildFrom = -1;
  private int grandchildTo = -1;

  /** A start tag at {@code level} below the root (0: the root's child) seen by prescan's scan. */
  private void recordStart(int level, int tag, int nameFrom, int nameLength, boolean empty, int after) {
    if (level == 0) {
      boolean named = sameName(recordChild, nameFrom, nameLength);
      inChild = named && !empty;
      if (named) {
        childCount++;
        grandchildCount = 0; // the last child's count
        grandchildFrom = -1;
        grandchildTo = -1;
      }
    } else if (level == 1 && inChild && sameName(recordGrandchild, nameFrom, nameLength)) {
      grandchildCount++;
      grandchildFrom = tag;
      grandchildTo = empty ? after : -1;
      inGrandchild = !empty;
    }
  }

  /** An end tag that closed an element at {@code level} below the root, ending at {@code after}. */
  private void recordEnd(int level, int after) {
    if (level == 0) {
      inChild = false;
    } else if (level == 1 && inGrandchild) {
      grandchildTo = after;
      inGrandchild = false;
    }
  }

  private boolean sameName(String name, int from, int length) {
    return length == name.length() && sameName(name, from);
  }

  // the last elementEnd() scan, which skipElement() then need not repeat
  private int peekedFrom = -1;
  private int peekedEndTag;
  private int peekedAfter;
  private int peekedLf;
  private boolean peekedCr;

  // the line feeds the last scanContent() passed before the end tag, and whether it passed a
  // carriage return
  private int scanLf;
  private boolean scanCr;

  /**
   * The plain-subset scan of {@link #skipElement()}: from {@code from} (after the current start
   * tag) through the current element's end tag; returns where that end tag starts, with p after
   * it, or -1 where the event loop must read the content instead.
   */
  private int scanContent(int from) {
    final byte[] b = this.b;
    final int n = end;
    final int limit = (int) Math.min(n, (long) from + XmlLimits.MAX_VALUE_CHARS);
    final int maxNested = SafeXml.MAX_DEPTH - depth;
    int[] starts = scanStarts;
    int[] lens = scanLens;
    int[] attrs = scanAttrs; // start, length of each attribute name of the tag being scanned
    String self = open[depth - 1];
    scanLf = 0;
    scanCr = false;
    int nested = 0;
    int i = from;
    while (true) {
      // text: plain ASCII without references, carriage returns or '>'
      while (i < limit) {
        int k = TEXT[b[i] & 0xff];
        if (k == PLAIN) {
          i++;
        } else if (k == LT) {
          break;
        } else if (k == LF) {
          scanLf++;
          i++;
        } else {
          return -1;
        }
      }
      if (i + 1 >= limit) {
        return -1;
      }
      int tag = i;
      int c = b[i + 1];
      if (c == '/') {
        int lfBefore = scanLf;
        i += 2;
        int s = i;
        i = scanName(i, limit);
        if (i < 0) {
          return -1;
        }
        int len = i - s;
        i = spaces(i, limit);
        if (i >= limit || b[i] != '>') {
          return -1;
        }
        i++;
        if (nested == 0) {
          if (len != self.length() || !sameName(self, s)) {
            return -1;
          }
          scanLf = lfBefore; // the line feeds before the end tag, where the reader then stands
          p = i;
          return tag;
        }
        nested--;
        if (len != lens[nested] || !Arrays.equals(b, s, s + len, b, starts[nested], starts[nested] + len)) {
          return -1;
        }
        if (recordChild != null && nested <= 1) {
          recordEnd(nested, i);
        }
        continue;
      }
      if (c == '!' || c == '?') {
        return -1;
      }
      // a start tag
      i++;
      int s = i;
      i = scanName(i, limit);
      if (i < 0) {
        return -1;
      }
      int nameLen = i - s;
      int count = 0;
      boolean empty;
      while (true) {
        boolean spaced = i < limit && isSpace(b[i]);
        i = spaces(i, limit);
        if (i >= limit) {
          return -1;
        }
        c = b[i];
        if (c == '>') {
          i++;
          empty = false;
          break;
        }
        if (c == '/') {
          if (i + 1 >= limit || b[i + 1] != '>') {
            return -1;
          }
          i += 2;
          empty = true;
          break;
        }
        if (!spaced || count == 16) {
          return -1;
        }
        int as = i;
        i = scanName(i, limit);
        if (i < 0) {
          return -1;
        }
        int al = i - as;
        if (al == 5 && b[as] == 'x' && b[as + 1] == 'm' && b[as + 2] == 'l' && b[as + 3] == 'n'
            && b[as + 4] == 's') {
          return -1;
        }
        for (int k = 0; k < count; k++) {
          if (attrs[2 * k + 1] == al && Arrays.equals(b, as, as + al, b, attrs[2 * k], attrs[2 * k] + al)) {
            return -1;
          }
        }
        attrs[2 * count] = as;
        attrs[2 * count + 1] = al;
        count++;
        i = spaces(i, limit);
        if (i >= limit || b[i] != '=') {
          return -1;
        }
        i++;
        i = spaces(i, limit);
        if (i >= limit || (b[i] != '"' && b[i] != '\'')) {
          return -1;
        }
        int quote = b[i++];
        while (true) {
          if (i >= limit) {
            return -1;
          }
          int v = b[i];
          int k = VALUE[v & 0xff];
          if (k == PLAIN) {
            i++;
          } else if (v == quote) {
            i++;
            break;
          } else if (k == QUOTE) {
            i++;
          } else {
            return -1;
          }
        }
      }
      if (recordChild != null && nested <= 1) {
        recordStart(nested, tag, s, nameLen, empty, i);
      }
      if (!empty) {
        if (nested + 1 >= maxNested) {
          return -1;
        }
        if (nested == starts.length) {
          starts = scanStarts = Arrays.copyOf(starts, nested * 2);
          lens = scanLens = Arrays.copyOf(lens, nested * 2);
        }
        starts[nested] = s;
        lens[nested] = nameLen;
        nested++;
      }
    }
  }

  /** Past the white space at {@code i}, counting its line ends for {@link #skipElement()}. */
  private int spaces(int i, int limit) {
    final byte[] b = this.b;
    while (i < limit && isSpace(b[i])) {
      if (b[i] == '\n') {
        scanLf++;
      } else if (b[i] == '\r') {
        scanCr = true;
      }
      i++;
    }
    return i;
  }

  /** The end of a plain name starting at {@code i}, or -1 (not a name, a namespace, non-ASCII). */
  private int scanName(int i, int limit) {
    final byte[] b = this.b;
    if (i >= limit || !isNameStart(b[i])) {
      return -1;
    }
    i++;
    while (i < limit && NAME_CHAR[b[i] & 0xff]) {
      i++;
    }
    if (i >= limit || b[i] == ':' || b[i] < 0) {
      return -1;
    }
    return i;
  }


  private int markup() throws XMLStreamException {
    int c = at(p);
    if (c == '/') {
      p++;
      return endTag();
    }
    if (c == '!') {
      if (at(p + 1) == '-' && at(p + 2) == '-') {
        p += 3;
        return comment();
      }
      throw new Unsupported("<! construct");
    }
    if (c == '?') {
      return declaration();
    }
    return startTag();
  }

  /**
   * Processing instructions, the XML declaration included, are left to the JDK parser (the framer
   * blanks declarations inside a document; a chunk starts at its root).
   */
  private int declaration() throws XMLStreamException {
    throw new Unsupported("processing instruction");
  }

  private int startTag() throws XMLStreamException {
    if (depth == 0 && rootSeen) {
      throw malformed("content after the root element");
    }
    if (depth >= SafeXml.MAX_DEPTH) {
      throw new Unsupported("deep nesting");
    }
    int tagStart = p;
    if (topLevel()) {
      documentStart = p;
    }
    name = name();
    while (true) {
      boolean spaced = p < end && isSpace(b[p]);
      int c = skipSpace();
      if (c == '>') {
        p++;
        break;
      }
      if (c == '/') {
        if (at(p + 1) != '>') {
          throw malformed("'/' not followed by '>' in <" + name + ">");
        }
        p += 2;
        pendingEnd = true;
        break;
      }
      if (c == -1) {
        throw malformed("unexpected end of input in <" + name + ">");
      }
      if (!spaced) {
        throw malformed("attributes of <" + name + "> must be separated by white space");
      }
      String attr = name();
      if (attr.equals("xmlns")) {
        throw new Unsupported("a namespace declaration"); // the element's namespace changes
      }
      if (skipSpace() != '=') {
        throw malformed("attribute " + attr + " without '='");
      }
      p++;
      int q = skipSpace();
      if (q != '\'' && q != '"') {
        throw malformed("attribute " + attr + " value not quoted");
      }
      p++;
      addAttribute(attr, q);
    }
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = name;
    rootSeen = true;
    eventEnd = p;
    if (p - tagStart > XmlLimits.MAX_VALUE_CHARS) {
      throw new Unsupported("a tag over the size limit");
    }
    return event = START_ELEMENT;
  }

  private void addAttribute(String attr, int quote) throws XMLStreamException {
    final byte[] b = this.b;
    final int last = end;
    int s = p;
    int k = s;
    boolean plain = true;
    while (true) {
      if (k >= last) {
        throw malformed("unexpected end of input in an attribute value");
      }
      int c = b[k];
      if (c == quote) {
        break;
      }
      if (c >= 0x20 && c < 0x7f && c != '<' && c != '&') {
        k++;
        continue;
      }
      if (c == '<') {
        throw malformed("'<' in an attribute value");
      }
      if (c == '&' || c == '\t' || c == '\n' || c == '\r') {
        plain = false;
      } else {
        checkByte(c);
      }
      k++;
    }
    int e = k;
    p = k + 1;
    if (attrCount >= 16) {
      if (attrCount == 16) {
        manyAttrs.clear();
        for (int i = 0; i < 16; i++) {
          manyAttrs.add(attrNames[i]);
        }
      }
      if (!manyAttrs.add(attr)) {
        throw malformed("attribute " + attr + " repeated");
      }
      if (attrCount >= MAX_ATTRIBUTES) {
        throw new Unsupported("too many attributes");
      }
      if (attrCount == attrNames.length) {
        int n = attrCount * 2;
        attrNames = Arrays.copyOf(attrNames, n);
        attrStart = Arrays.copyOf(attrStart, n);
        attrEnd = Arrays.copyOf(attrEnd, n);
        attrPlain = Arrays.copyOf(attrPlain, n);
      }
    } else {
      for (int i = 0; i < attrCount; i++) {
        if (attrNames[i].equals(attr)) {
          throw malformed("attribute " + attr + " repeated");
        }
      }
    }
    if (!plain) {
      decode(s, e, true); // checks references now: errors belong to this tag
    }
    attrNames[attrCount] = attr;
    attrStart[attrCount] = s;
    attrEnd[attrCount] = e;
    attrPlain[attrCount] = plain;
    attrCount++;
  }

  private int endTag() throws XMLStreamException {
    String end = name();
    if (skipSpace() != '>') {
      throw malformed("end tag </" + end + "> not closed by '>'");
    }
    p++;
    if (depth == 0 || !open[depth - 1].equals(end)) {
      throw malformed("end tag </" + end + "> does not match");
    }
    depth--;
    name = end;
    if (topLevel() && p - documentStart > XmlLimits.MAX_DOCUMENT_CHARS) {
      throw new Unsupported("a document over the size limit");
    }
    return event = END_ELEMENT;
  }

  private int comment() throws XMLStreamException {
    int s = p;
    boolean plain = true;
    while (true) {
      if (p >= end) {
        throw malformed("unexpected end of input in a comment");
      }
      int c = b[p];
      if (c == '-' && at(p + 1) == '-') {
        if (at(p + 2) != '>') {
          throw malformed("'--' inside a comment");
        }
        break;
      }
      if (c == '\r') {
        plain = false;
      } else {
        checkByte(c);
      }
      p++;
    }
    textStart = s;
    textEnd = p;
    textPlain = plain;
    p += 3;
    if (p - s > XmlLimits.MAX_VALUE_CHARS) {
      throw new Unsupported("a comment over the size limit");
    }
    return event = COMMENT;
  }

  private int textEvent() throws XMLStreamException {
    final byte[] b = this.b;
    final int n = end;
    int s = p;
    int i = s;
    boolean plain = true;
    boolean blank = true;
    while (i < n) {
      int c = b[i];
      if (c == '<') {
        break;
      }
      if (c > ' ' && c < 0x7f && c != '&' && c != '>') {
        blank = false;
      } else if (c == ' ' || c == '\n' || c == '\t') {
        // white space
      } else if (c == '&' || c == '\r') {
        plain = false;
        blank &= c == '\r';
      } else if (c == '>') {
        if (i - s >= 2 && b[i - 1] == ']' && b[i - 2] == ']') {
          p = i;
          throw malformed("']]>' in text");
        }
        blank = false;
      } else {
        checkByte(c);
        blank = false;
      }
      i++;
    }
    p = i;
    if (i - s > XmlLimits.MAX_VALUE_CHARS) {
      throw new Unsupported("a text over the size limit");
    }
    if (depth == 0 && !blank) {
      throw malformed("text outside the root element");
    }
    textStart = s;
    textEnd = i;
    textPlain = plain;
    if (!plain) {
      text = decode(s, i, false); // checks references now: errors belong here
    }
    return event = CHARACTERS;
  }

  /**
   * The value of a byte range: references resolved, line ends normalised (and in attribute values,
   * tab and line ends become spaces).
   */
  private String decode(int s, int e, boolean attribute) throws XMLStreamException {
    StringBuilder sb = new StringBuilder(e - s);
    for (int i = s; i < e; i++) {
      int c = b[i];
      if (c == '&') {
        int semi = i + 1;
        while (semi < e && semi - i <= 12 && b[semi] != ';') {
          semi++;
        }
        if (semi >= e || b[semi] != ';') {
          throw new Unsupported("entity reference");
        }
        sb.append(reference(new String(b, i + 1, semi - i - 1, StandardCharsets.ISO_8859_1)));
        i = semi;
      } else if (c == '\r') {
        if (i + 1 < e && b[i + 1] == '\n') {
          i++;
        }
        sb.append(attribute ? ' ' : '\n');
      } else if (attribute && (c == '\n' || c == '\t')) {
        sb.append(' ');
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static String reference(String r) throws Unsupported {
    switch (r) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "apos":
        return "'";
      case "quot":
        return "\"";
      default:
        break;
    }
    boolean hex = r.startsWith("#x");
    String digits = hex ? r.substring(2) : r.startsWith("#") ? r.substring(1) : "";
    if (digits.isEmpty() || !digits.chars().allMatch(hex ? FastXmlReader::isHexDigit : Character::isDigit)) {
      throw new Unsupported("reference &" + r + ";");
    }
    int cp;
    try {
      cp = Integer.parseInt(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      throw new Unsupported("reference &" + r + ";");
    }
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
        || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) {
      throw new Unsupported("reference to U+" + Integer.toHexString(cp));
    }
    return new String(Character.toChars(cp));
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private String rangeText(int s, int e, boolean plain, boolean attribute) {
    if (plain) {
      return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
    try {
      return decode(s, e, attribute);
    } catch (XMLStreamException checkedBefore) {
      throw new IllegalStateException(checkedBefore);
    }
  }

  // ---- the XMLStreamReader view

  @Override
  public boolean hasNext() {
    return event != END_DOCUMENT;
  }

  @Override
  public int getEventType() {
    return event;
  }

  @Override
  public String getLocalName() {
    if (event != START_ELEMENT && event != END_ELEMENT) {
      throw new IllegalStateException("not on an element");
    }
    return name;
  }

  @Override
  public String getNamespaceURI() {
    return null;
  }

  @Override
  public String getAttributeValue(String namespaceUri, String localName) {
    if (namespaceUri != null && !namespaceUri.isEmpty()) {
      return null;
    }
    for (int i = 0; i < attrCount; i++) {
      if (attrNames[i].equals(localName)) {
        return getAttributeValue(i);
      }
    }
    return null;
  }

  @Override
  public int getAttributeCount() {
    return event == START_ELEMENT ? attrCount : 0;
  }

  @Override
  public String getAttributeLocalName(int index) {
    return attrNames[index];
  }

  @Override
  public String getAttributeValue(int index) {
    return rangeText(attrStart[index], attrEnd[index], attrPlain[index], true);
  }

  @Override
  public String getText() {
    if (event != CHARACTERS && event != COMMENT) {
      throw new IllegalStateException("no text here");
    }
    if (text == null) {
      text = event == COMMENT && !textPlain
          ? commentText(textStart, textEnd)
          : rangeText(textStart, textEnd, textPlain, false);
    }
    return text;
  }

  /** A comment's text: line ends normalized, nothing else (a comment holds no references). */
  private String commentText(int s, int e) {
    StringBuilder sb = new StringBuilder(e - s);
    for (int i = s; i < e; i++) {
      int c = b[i];
      if (c == '\r') {
        if (i + 1 < e && b[i + 1] == '\n') {
          i++;
        }
        sb.append('\n');
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public char[] getTextCharacters() {
    return getText().toCharArray();
  }

  @Override
  public int getTextStart() {
    return 0;
  }

  @Override
  public int getTextLength() {
    return getText().length();
  }

  @Override
  public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length) {
    String t = getText();
    int n = Math.max(0, Math.min(length, t.length() - sourceStart));
    t.getChars(sourceStart, sourceStart + n, target, targetStart);
    return n;
  }

  @Override
  public boolean isStartElement() {
    return event == START_ELEMENT;
  }

  @Override
  public boolean isEndElement() {
    return event == END_ELEMENT;
  }

  @Override
  public boolean isCharacters() {
    return event == CHARACTERS;
  }

  @Override
  public boolean isWhiteSpace() {
    return event == CHARACTERS && getText().isBlank();
  }

  @Override
  public boolean hasName() {
    return event == START_ELEMENT || event == END_ELEMENT;
  }

  @Override
  public boolean hasText() {
    return event == CHARACTERS || event == COMMENT;
  }

  /**
   * Where the current event starts, but for a start tag where it ends, as the JDK's StAX reports
   * it (so both readers give a record spanning lines the same line); lines are counted lazily,
   * once over the input.
   */
  /**
   * {@code getLocation().getLineNumber()} without the column and the Location: the walker asks
   * for the line of nearly every element it reads.
   */
  public int lineNumber() {
    return lineAt(event == START_ELEMENT ? eventEnd : eventPos);
  }

  private int lineAt(int at) {
    if (linePos < at) {
      line += LineEnds.count(b, linePos, at);
      linePos = at;
    }
    return line;
  }

  @Override
  public Location getLocation() {
    int at = event == START_ELEMENT ? eventEnd : eventPos;
    int l = lineAt(at);
    int col = 1;
    for (int i = at - 1; i >= start && b[i] != '\n' && b[i] != '\r'; i--) {
      col++;
    }
    int c = col;
    return new Location() {
      @Override
      public int getLineNumber() {
        return l;
      }

      @Override
      public int getColumnNumber() {
        return c;
      }

      @Override
      public int getCharacterOffset() {
        return -1;
      }

      @Override
      public String getPublicId() {
        return null;
      }

      @Override
      public String getSystemId() {
        return null;
      }
    };
  }

  @Override
  public void close() {
    // nothing to release: the caller owns the bytes
  }

  // ---- not used by migcheck's readers

  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("not supported by FastXmlReader");
  }

  @Override
  public Object getProperty(String name) {
    return null;
  }

  @Override
  public void require(int type, String namespaceUri, String localName) {
    throw unused();
  }

  @Override
  public String getElementText() {
    throw unused();
  }

  @Override
  public int nextTag() {
    throw unused();
  }

  @Override
  public String getNamespaceURI(String prefix) {
    return null;
  }

  @Override
  public QName getAttributeName(int index) {
    return new QName(attrNames[index]);
  }

  @Override
  public String getAttributeNamespace(int index) {
    return null;
  }

  @Override
  public String getAttributePrefix(int index) {
    return "";
  }

  @Override
  public String getAttributeType(int index) {
    return "CDATA";
  }

  @Override
  public boolean isAttributeSpecified(int index) {
    return true;
  }

  @Override
  public int getNamespaceCount() {
    return 0;
  }

  @Override
  public String getNamespacePrefix(int index) {
    throw unused();
  }

  @Override
  public String getNamespaceURI(int index) {
    throw unused();
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    throw unused();
  }

  @Override
  public String getEncoding() {
    return "UTF-8";
  }

  @Override
  public QName getName() {
    return new QName(getLocalName());
  }

  @Override
  public String getPrefix() {
    return "";
  }

  @Override
  public String getVersion() {
    return "1.0";
  }

  @Override
  public boolean isStandalone() {
    return false;
  }

  @Override
  public boolean standaloneSet() {
    return false;
  }

  @Override
  public String getCharacterEncodingScheme() {
    return null;
  }

  @Override
  public String getPITarget() {
    throw unused();
  }

  @Override
  public String getPIData() {
    throw unused();
  }
}
