package org.migcheck.xml;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A fast, strict reader for the plain subset of XML libvirt writes: ASCII element and attribute
 * names without namespaces, quoted attributes, text with the five predefined entities and
 * character references, comments. It checks well-formedness for that subset as strictly as the
 * JDK parser does, and refuses everything else with {@link Unsupported} (DTDs, CDATA, processing
 * instructions, other entities, namespaces, non-ASCII names), so callers can read the input again
 * with the JDK parser. It never expands anything but the predefined entities, so it is as hardened
 * as {@link SafeXml}.
 *
 * <p>Only the parts of {@link XMLStreamReader} that migcheck's streaming readers use are
 * implemented; the rest throw {@link Unsupported}.
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

  private final Reader in;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int lim;
  private boolean eof;
  private int line = 1;
  private int column;

  private int event = START_DOCUMENT;
  private String name;
  private final List<String> attrNames = new ArrayList<>();
  private final List<String> attrValues = new ArrayList<>();
  /** The names again, for the repeated-attribute check on tags with thousands of them. */
  private final Set<String> attrSet = new HashSet<>();
  private String text;
  private final List<String> open = new ArrayList<>();
  private boolean pendingEnd;
  private boolean rootSeen;
  private boolean rootClosed;
  private int eventLine = 1;
  private int eventColumn = 1;
  private final StringBuilder sb = new StringBuilder();

  public FastXmlReader(Reader in) {
    this.in = in;
  }

  // ---- low-level input

  private boolean fill() throws XMLStreamException {
    if (eof) {
      return false;
    }
    try {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        eof = true;
        return false;
      }
      pos = 0;
      lim = n;
      return true;
    } catch (IOException e) {
      throw new XMLStreamException(e.getMessage(), e);
    }
  }

  /** The next character, or -1 at the end; tracks lines (a CR LF pair counts once). */
  private int read() throws XMLStreamException {
    if (pos >= lim && !fill()) {
      return -1;
    }
    char c = buf[pos++];
    if (c == '\n') {
      line++;
      column = 0;
    } else {
      column++;
    }
    return c;
  }

  private int peek() throws XMLStreamException {
    if (pos >= lim && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private XMLStreamException malformed(String what) {
    return new XMLStreamException("malformed XML at line " + line + ": " + what);
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  private static boolean isNameStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNameChar(int c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }

  /** XML 1.0 Char, given that input is valid UTF-16 from a strict UTF-8 decoder. */
  private static void checkChar(int c) throws Unsupported {
    if (c < 0x20 ? (c != '\t' && c != '\n' && c != '\r') : (c == 0xFFFE || c == 0xFFFF)) {
      throw new Unsupported("character U+" + Integer.toHexString(c));
    }
  }

  private int skipSpace() throws XMLStreamException {
    int c = peek();
    while (isSpace(c)) {
      read();
      c = peek();
    }
    return c;
  }

  private String readName(int first) throws XMLStreamException {
    if (!isNameStart(first)) {
      throw new Unsupported("name starting with '" + (char) first + "'");
    }
    sb.setLength(0);
    sb.append((char) first);
    int c = peek();
    while (isNameChar(c)) {
      sb.append((char) read());
      c = peek();
    }
    if (c == ':' || c >= 0x80) {
      throw new Unsupported("namespaced or non-ASCII name");
    }
    return sb.toString();
  }

  // ---- events

  @Override
  public int next() throws XMLStreamException {
    if (event == END_DOCUMENT) {
      throw new java.util.NoSuchElementException();
    }
    if (pendingEnd) {
      pendingEnd = false;
      open.remove(open.size() - 1);
      rootClosed = open.isEmpty();
      return event = END_ELEMENT;
    }
    attrNames.clear();
    attrValues.clear();
    attrSet.clear();
    eventLine = line;
    eventColumn = column + 1;
    int c = peek();
    if (c == -1) {
      if (!open.isEmpty() || !rootSeen) {
        throw malformed("unexpected end of input");
      }
      return event = END_DOCUMENT;
    }
    if (c == '<') {
      read();
      return markup();
    }
    return textEvent();
  }

  private int markup() throws XMLStreamException {
    int c = read();
    if (c == '/') {
      return endTag();
    }
    if (c == '!') {
      if (read() == '-' && read() == '-') {
        return comment();
      }
      throw new Unsupported("<! construct");
    }
    if (c == '?') {
      throw new Unsupported("processing instruction");
    }
    return startTag(c);
  }

  private int startTag(int first) throws XMLStreamException {
    if (rootClosed) {
      throw malformed("content after the root element");
    }
    if (open.size() >= SafeXml.MAX_DEPTH) {
      throw new Unsupported("deep nesting");
    }
    name = readName(first);
    while (true) {
      boolean spaced = isSpace(peek());
      int c = skipSpace();
      if (c == '>') {
        read();
        break;
      }
      if (c == '/') {
        read();
        if (read() != '>') {
          throw malformed("'/' not followed by '>' in <" + name + ">");
        }
        pendingEnd = true;
        break;
      }
      if (!spaced) {
        throw malformed("attributes of <" + name + "> must be separated by white space");
      }
      if (c == -1) {
        throw malformed("unexpected end of input in <" + name + ">");
      }
      read();
      String attr = readName(c);
      if (skipSpace() != '=') {
        throw malformed("attribute " + attr + " without '='");
      }
      read();
      int q = skipSpace();
      if (q != '\'' && q != '"') {
        throw malformed("attribute " + attr + " value not quoted");
      }
      read();
      String value = attrValue(q);
      if (!attrSet.add(attr)) {
        throw malformed("attribute " + attr + " repeated");
      }
      if (attrNames.size() >= MAX_ATTRIBUTES) {
        throw new Unsupported("too many attributes");
      }
      attrNames.add(attr);
      attrValues.add(value);
    }
    open.add(name);
    rootSeen = true;
    return event = START_ELEMENT;
  }

  private String attrValue(int quote) throws XMLStreamException {
    StringBuilder v = new StringBuilder();
    while (true) {
      int c = read();
      if (c == -1) {
        throw malformed("unexpected end of input in an attribute value");
      }
      if (c == quote) {
        return v.toString();
      }
      if (c == '<') {
        throw malformed("'<' in an attribute value");
      }
      if (c == '&') {
        v.append(reference());
      } else if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        v.append(' ');
      } else if (c == '\n' || c == '\t') {
        v.append(' ');
      } else {
        checkChar(c);
        v.append((char) c);
      }
    }
  }

  /** After '&': one of the five predefined entities or a character reference. */
  private String reference() throws XMLStreamException {
    StringBuilder ref = new StringBuilder();
    while (true) {
      int c = read();
      if (c == ';') {
        break;
      }
      if (c == -1 || ref.length() > 12) {
        throw new Unsupported("entity reference");
      }
      ref.append((char) c);
    }
    switch (ref.toString()) {
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
    String r = ref.toString();
    if (!r.startsWith("#") || r.length() < 2) {
      throw new Unsupported("entity reference &" + r + ";");
    }
    int cp;
    try {
      cp = r.charAt(1) == 'x'
          ? Integer.parseInt(r.substring(2), 16)
          : Integer.parseInt(r.substring(1), 10);
    } catch (NumberFormatException e) {
      throw new Unsupported("character reference &" + r + ";");
    }
    if (r.charAt(1) == 'x' ? !r.substring(2).matches("[0-9a-fA-F]+") : !r.substring(1).matches("[0-9]+")) {
      throw new Unsupported("character reference &" + r + ";");
    }
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'
        || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) {
      throw new Unsupported("character reference to U+" + Integer.toHexString(cp));
    }
    return new String(Character.toChars(cp));
  }

  private int endTag() throws XMLStreamException {
    int c = read();
    String end = readName(c);
    if (skipSpace() != '>') {
      throw malformed("end tag </" + end + "> not closed by '>'");
    }
    read();
    if (open.isEmpty() || !open.get(open.size() - 1).equals(end)) {
      throw malformed("end tag </" + end + "> does not match");
    }
    name = end;
    open.remove(open.size() - 1);
    if (open.isEmpty()) {
      rootClosed = true;
    }
    return event = END_ELEMENT;
  }

  private int comment() throws XMLStreamException {
    StringBuilder t = new StringBuilder();
    while (true) {
      int c = read();
      if (c == -1) {
        throw malformed("unexpected end of input in a comment");
      }
      if (c == '-' && peek() == '-') {
        read();
        if (read() != '>') {
          throw malformed("'--' inside a comment");
        }
        text = t.toString();
        return event = COMMENT;
      }
      if (c == '\r') {
        // line ends are normalised everywhere, comments included
        if (peek() == '\n') {
          read();
        }
        c = '\n';
      }
      checkChar(c);
      t.append((char) c);
    }
  }

  private int textEvent() throws XMLStreamException {
    StringBuilder t = new StringBuilder();
    boolean blank = true;
    int brackets = 0;
    while (true) {
      int c = peek();
      if (c == -1 || c == '<') {
        break;
      }
      read();
      if (c == '&') {
        t.append(reference());
        blank = false;
        brackets = 0;
        continue;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        c = '\n';
      } else {
        checkChar(c);
      }
      if (c == '>' && brackets >= 2) {
        throw malformed("']]>' in text");
      }
      brackets = c == ']' ? brackets + 1 : 0;
      if (!isSpace(c)) {
        blank = false;
      }
      t.append((char) c);
    }
    if (open.isEmpty() && !blank) {
      throw malformed("text outside the root element");
    }
    text = t.toString();
    return event = CHARACTERS;
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
    int i = attrNames.indexOf(localName);
    return i < 0 || (namespaceUri != null && !namespaceUri.isEmpty()) ? null : attrValues.get(i);
  }

  @Override
  public int getAttributeCount() {
    return attrNames.size();
  }

  @Override
  public String getAttributeLocalName(int index) {
    return attrNames.get(index);
  }

  @Override
  public String getAttributeValue(int index) {
    return attrValues.get(index);
  }

  @Override
  public String getText() {
    return text;
  }

  @Override
  public char[] getTextCharacters() {
    return text.toCharArray();
  }

  @Override
  public int getTextStart() {
    return 0;
  }

  @Override
  public int getTextLength() {
    return text.length();
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
    return event == CHARACTERS && text.isBlank();
  }

  @Override
  public boolean hasName() {
    return event == START_ELEMENT || event == END_ELEMENT;
  }

  @Override
  public boolean hasText() {
    return event == CHARACTERS || event == COMMENT;
  }

  @Override
  public Location getLocation() {
    int l = eventLine;
    int c = eventColumn;
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
    // the caller owns the underlying reader
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
    return new QName(attrNames.get(index));
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
  public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length) {
    char[] src = text.toCharArray();
    int n = Math.max(0, Math.min(length, src.length - sourceStart));
    System.arraycopy(src, sourceStart, target, targetStart, n);
    return n;
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
