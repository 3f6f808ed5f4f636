package org.migcheck.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.testing.SharedData;

/**
 * The fast reader against the JDK parser: on everything it accepts, the same events (start tags
 * with their lines); on everything the JDK parser rejects, it must refuse too (as malformed or as
 * unsupported).
 */
class FastXmlReaderTest {
  /** The events, or null when the reader failed. */
  static List<String> events(XMLStreamReader r) {
    List<String> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int depth = 0;
    try {
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.CHARACTERS
            || e == XMLStreamConstants.SPACE
            || e == XMLStreamConstants.CDATA) {
          if (depth > 0) {
            text.append(r.getText());
          }
          continue;
        }
        if (text.length() > 0) {
          out.add("text:" + text);
          text.setLength(0);
        }
        if (e == XMLStreamConstants.START_ELEMENT) {
          depth++;
          // with its line: both readers must place a record where the other does
          StringBuilder sb =
              new StringBuilder("<" + r.getLocalName() + "@" + r.getLocation().getLineNumber());
          for (int i = 0; i < r.getAttributeCount(); i++) {
            sb.append(' ').append(r.getAttributeLocalName(i)).append("=[")
                .append(r.getAttributeValue(i)).append(']');
          }
          out.add(sb.toString());
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          depth--;
          out.add("</" + r.getLocalName());
        } else if (e == XMLStreamConstants.COMMENT && depth > 0) {
          out.add("comment:" + r.getText());
        }
      }
      return out;
    } catch (XMLStreamException | RuntimeException e) {
      return null;
    }
  }

  static List<String> jdk(String xml) {
    try {
      return events(SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml)));
    } catch (XMLStreamException e) {
      return null;
    }
  }

  static List<String> fast(String xml) {
    return events(new FastXmlReader(xml));
  }

  /** Fast accepts ⇒ the JDK parser accepts with the same events; JDK rejects ⇒ fast rejects. */
  static void agree(String xml) {
    List<String> f = fast(xml);
    List<String> j = jdk(xml);
    if (f != null) {
      assertThat(j).as("the JDK parser accepts what the fast reader accepts:\n%s", xml).isNotNull();
      assertThat(f).as("events of\n%s", xml).isEqualTo(j);
    }
    if (j == null) {
      assertThat(f).as("the fast reader refuses what the JDK parser refuses:\n%s", xml).isNull();
    }
  }

  static List<Path> documents() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(SharedData.repo().resolve("samples"))) {
      s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("documents")
  void samplesReadTheSameAndFast(Path file) throws IOException {
    String xml = Files.readString(file);
    assertThat(fast(xml)).isNotNull().isEqualTo(jdk(xml));
  }

  @Test
  void libvirtReferenceDocumentsAgree() throws IOException {
    try (Stream<Path> s = Files.list(SharedData.reference("libvirt-caps"))) {
      for (Path p : s.sorted().toList()) {
        agree(Files.readString(p));
      }
    }
  }

  /** Lines of start tags (and empty elements' ends), as the readers locate them. */
  static List<String> tagLines(XMLStreamReader r) throws XMLStreamException {
    List<String> out = new ArrayList<>();
    boolean justStarted = false;
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        out.add("<" + r.getLocalName() + "@" + r.getLocation().getLineNumber());
      } else if (e == XMLStreamConstants.END_ELEMENT && justStarted) {
        out.add("</" + r.getLocalName() + "@" + r.getLocation().getLineNumber());
      }
      justStarted = e == XMLStreamConstants.START_ELEMENT;
    }
    return out;
  }

  /**
   * A start tag spanning lines is located where it ends, and a lone CR ends a line, as in the
   * JDK's StAX, so a record read by either reader names the same line (fuzz finds, fleet reader,
   * run 3).
   */
  @Test
  void startTagsAreLocatedWhereTheyEnd() throws XMLStreamException {
    for (String xml : List.of(
        "<capabilities\n\n><host><cpu\n  a='1'\n/>\n<b/><c\nx='\n'></c></host></capabilities>",
        "<a>\n<b\n\n/><c x='1'\n y='2'>t\nu</c>\n</a>",
        // lone CRs end lines as line feeds do (fuzz find, fleet reader, run 3)
        "<a>\r<b>x\r\r\ry</b>\r\n<c\r/>\n\r<d x='\r'/></a>")) {
      List<String> fast = tagLines(new FastXmlReader(xml));
      assertThat(fast).as(xml).isEqualTo(tagLines(SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml))));
      assertThat(fast).as("the test has multi-line tags").anyMatch(t -> !t.endsWith("@1"));
    }
  }

  @Test
  void constructs() {
    agree("<a x='1' y=\"2\"><b/>t&amp;&lt;&gt;&apos;&quot;&#65;&#x42;<!-- c --></a>");
    agree("<a x = ' a\tb\nc\r\nd '>x\r\ny\rz</a>");
    agree("<a><!-- x\ry\r\nz\n --></a>");
    agree("<a><!-- &amp;\r\n&lt; &#65; --></a>"); // comments keep references as written (fuzz find, run 3)
    agree("<a>]]></a>");
    agree("<a>]]]></a>");
    agree("<a>] ]></a>");
    agree("<a x='1' x='2'/>");
    agree("<a x='1'y='2'/>");
    agree("<a x=1/>");
    agree("<a x='<'/>");
    agree("<a>&foo;</a>");
    agree("<a>&#0;</a>");
    agree("<a>&#xD800;</a>");
    agree("<a>&#x1F600;</a>");
    agree("<a>&#12a;</a>");
    agree("<a>&</a>");
    agree("<a></b>");
    agree("<a>");
    agree("<a/><b/>");
    agree("<a/>text");
    agree("text<a/>");
    agree("<a><!-- x -- y --></a>");
    agree("<a><!---></a>");
    agree("<a><![CDATA[x]]></a>");
    agree("<a><?pi x?></a>");
    agree("<a:b xmlns:a='u'/>");
    agree("<a>\u0001</a>");
    agree("<a>\uFFFE</a>");
    agree("<é/>");
    agree("<a>é ü</a>");
    agree("<1a/>");
    agree("<a-b.c_d/>");
    agree("<a></a >");
    agree("< a/>");
    agree("<a/ >");
    agree("");
  }

  @Test
  void refusesWhatItDoesNotHandleAsUnsupported() {
    for (String xml :
        List.of("<a><![CDATA[x]]></a>", "<a><?pi x?></a>", "<a:b xmlns:a='u'/>", "<a>&e;</a>",
            // a default namespace moves the element out of libvirt's (found by ProfileFuzzTest's
            // oracle: fleet read a namespaced <capabilities> the full profile refuses)
            "<a xmlns='u'/>", "<a><b xmlns=\"u\">x</b></a>")) {
      assertThatThrownBy(
              () -> {
                XMLStreamReader r = new FastXmlReader(xml);
                while (r.hasNext()) {
                  r.next();
                }
              })
          .as(xml)
          .isInstanceOf(FastXmlReader.Unsupported.class);
    }
  }

  static final String MARKUP = "<>&;'\"=/!-?[]#x \n\r\tab";

  /** Seeded random damage to real documents: the two readers must never disagree. */
  @ParameterizedTest
  @MethodSource("seeds")
  void damagedDocumentsAgree(int seed) throws IOException {
    Random rnd = new Random(seed);
    FleetGenerator g = new FleetGenerator(seed);
    String doc = g.capabilities(g.host(0));
    doc = doc.substring(doc.indexOf("<capabilities"), Math.min(doc.length(), 4000 + rnd.nextInt(4000)));
    doc = doc + "</host></capabilities>";
    StringBuilder sb = new StringBuilder(doc);
    for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
      int at = rnd.nextInt(sb.length());
      switch (rnd.nextInt(4)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, MARKUP.charAt(rnd.nextInt(MARKUP.length())));
        case 2 -> sb.setCharAt(at, MARKUP.charAt(rnd.nextInt(MARKUP.length())));
        default -> {
          int end = Math.min(sb.length(), at + rnd.nextInt(30));
          sb.insert(rnd.nextInt(sb.length()), sb.substring(at, end));
        }
      }
    }
    agree(sb.toString());
  }

  /**
   * The events of a walk that skips every element at {@code skipDepth} (with {@link
   * FastXmlReader#skipElement()} or by stepping through it), with lines, up to the error if any.
   */
  static List<String> walk(String xml, int skipDepth, boolean fastSkip) {
    List<String> out = new ArrayList<>();
    FastXmlReader r = new FastXmlReader(xml);
    int depth = 0;
    try {
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          depth++;
          out.add("<" + r.getLocalName() + "@" + r.lineNumber());
          if (depth == skipDepth) {
            if (fastSkip) {
              r.skipElement();
            } else {
              for (int open = 1; open > 0; ) {
                int s = r.next();
                open += s == XMLStreamConstants.START_ELEMENT ? 1 : s == XMLStreamConstants.END_ELEMENT ? -1 : 0;
              }
            }
            depth--;
            out.add("skipped " + r.getEventType() + " " + r.getLocalName() + "@" + r.lineNumber());
          }
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          depth--;
          out.add("</" + r.getLocalName() + "@" + r.lineNumber());
        } else if (e == XMLStreamConstants.CHARACTERS) {
          out.add("text:" + r.getText());
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return out;
  }

  /** Seeded damage: skipping a subtree in one scan ends where stepping through it does, errors too. */
  @ParameterizedTest
  @MethodSource("seeds")
  void skippingAgreesWithStepping(int seed) {
    Random rnd = new Random(seed);
    FleetGenerator g = new FleetGenerator(seed);
    String doc = g.capabilities(g.host(0));
    StringBuilder sb = new StringBuilder(doc.substring(doc.indexOf("<capabilities")));
    for (int k = 0; k < rnd.nextInt(4); k++) {
      int at = rnd.nextInt(sb.length());
      switch (rnd.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, MARKUP.charAt(rnd.nextInt(MARKUP.length())));
        default -> sb.setCharAt(at, MARKUP.charAt(rnd.nextInt(MARKUP.length())));
      }
    }
    String xml = sb.toString();
    for (int skipDepth = 2; skipDepth <= 4; skipDepth++) {
      assertThat(walk(xml, skipDepth, true))
          .as("skipping at depth %d in\n%s", skipDepth, xml)
          .isEqualTo(walk(xml, skipDepth, false));
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, 400);
  }
}
