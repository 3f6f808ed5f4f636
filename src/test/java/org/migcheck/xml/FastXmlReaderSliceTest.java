package org.migcheck.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast reader over a slice of a larger array (the framer's read buffer) reads exactly what it
 * reads over a copy of the slice: events, texts, lines, columns, skipped subtrees and errors, with
 * other bytes (line ends, tags, junk) right before and after the slice.
 */
class FastXmlReaderSliceTest {
  private static final String[] DOCUMENTS = {
    "<a x='1' y=\"2\"><b/>t&amp;&lt;<!-- c --></a>",
    "<capabilities>\n  <host>\n    <cpu a='1'\n      b='2'>\n      <f n='x'/>\n    </cpu>\n"
        + "  </host>\n  <guest><os>hvm</os></guest>\n</capabilities>",
    "<a>\r\n<b\r\n/>x\ry<c k='v'>t</c>\n</a>",
    "<a><b><c><d>deep</d></c></b><e/>\n</a>",
    "<a>\n<b>unclosed\n</a>", // an error, at the same place
    "<a>\n<b k='1' k='2'/></a>",
    "<a>text</a> trailing",
  };

  private static final String[] AROUND = {"", "\n", "\r", "x\n<y>", "\r\n  ", "</z>\n\n"};

  static Stream<Integer> seeds() {
    return IntStream.range(0, 120).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aSliceReadsAsItsCopy(int seed) {
    Random r = new Random(seed);
    String doc = DOCUMENTS[seed % DOCUMENTS.length];
    String before = AROUND[r.nextInt(AROUND.length)];
    String after = AROUND[r.nextInt(AROUND.length)];
    byte[] whole = (before + doc + after).getBytes(StandardCharsets.US_ASCII);
    int from = before.length();
    int to = from + doc.length();
    boolean skip = r.nextBoolean();
    List<String> copy = read(new FastXmlReader(doc.getBytes(StandardCharsets.US_ASCII)), skip, 0);
    List<String> slice = read(new FastXmlReader(whole, from, to), skip, from);
    assertThat(slice).as("%s between %s and %s", doc, before, after).isEqualTo(copy);
    assertThat(copy).as("the reader got somewhere").hasSizeGreaterThan(2);
  }

  private static final String[] SUBTREE_PARTS = {
    "<c a='1'/>", "\n", "  ", "<c\n a='2'\n/>", "<d>t\nu</d>", "<d></d\n>", "\r\n", "<e\r\n/>",
    "x", "\t"
  };

  /**
   * Skipping a subtree counts its line feeds on the way: every line the reader reports after a
   * skip is the line it reports when it walks the same subtree event by event (line ends inside
   * tags and end tags, CR LF).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void linesAfterASkipAreTheLinesOfTheEventLoop(int seed) throws Exception {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("<a>\n");
    int children = 1 + r.nextInt(5);
    for (int k = 0; k < children; k++) {
      sb.append("<b n='").append(k).append("'>");
      int parts = r.nextInt(8);
      for (int i = 0; i < parts; i++) {
        sb.append(SUBTREE_PARTS[r.nextInt(SUBTREE_PARTS.length)]);
      }
      sb.append(r.nextBoolean() ? "</b>" : "</b\n>").append(r.nextBoolean() ? "\n" : "");
    }
    String doc = sb.append("</a>\n").toString();
    List<String> skipped = lines(new FastXmlReader(doc), true, r.nextBoolean());
    List<String> walked = lines(new FastXmlReader(doc), false, false);
    assertThat(skipped).as(doc).isEqualTo(walked);
  }

  /** The line of each child of the root, its end, and what follows. */
  private static List<String> lines(FastXmlReader f, boolean skip, boolean peek) throws Exception {
    List<String> out = new ArrayList<>();
    f.next(); // <a>
    while (true) {
      int e = f.next();
      if (e == XMLStreamConstants.END_ELEMENT) {
        out.add("</a@" + f.lineNumber());
        return out;
      }
      if (e != XMLStreamConstants.START_ELEMENT) {
        out.add("text@" + f.lineNumber());
        continue;
      }
      out.add("<b@" + f.lineNumber());
      if (skip) {
        if (peek) {
          f.elementEnd();
        }
        f.skipElement();
      } else {
        for (int depth = 1; depth > 0; ) {
          int x = f.next();
          depth += x == XMLStreamConstants.START_ELEMENT ? 1 : x == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
      }
      out.add("</b@" + f.lineNumber());
    }
  }

  /** What a reader reports, positions taken relative to the document's start. */
  private static List<String> read(FastXmlReader f, boolean skip, int shift) {
    List<String> out = new ArrayList<>();
    try {
      int depth = 0;
      while (f.hasNext()) {
        int e = f.next();
        String at = "@" + f.lineNumber() + ":" + f.getLocation().getColumnNumber();
        switch (e) {
          case XMLStreamConstants.START_ELEMENT -> {
            depth++;
            out.add("<" + f.getLocalName() + at + " start=" + (f.startTagPosition() - shift)
                + " attrs=" + f.getAttributeCount());
            if (skip && depth == 2) {
              int end = f.elementEnd();
              out.add("end=" + (end < 0 ? end : end - shift));
              f.skipElement();
              depth--;
              out.add("skipped to </" + f.getLocalName() + "@" + f.lineNumber());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            depth--;
            out.add("</" + f.getLocalName() + at);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.COMMENT ->
              out.add("text " + f.getText() + at);
          default -> out.add("event " + e);
        }
      }
    } catch (Exception e) {
      out.add("error " + e.getMessage() + " @" + f.lineNumber());
    }
    return out;
  }
}
