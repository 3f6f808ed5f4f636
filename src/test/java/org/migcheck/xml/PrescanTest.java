package org.migcheck.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FastXmlReader#prescan}: one pass over a whole document that says where it ends, whether
 * it is well-formed plain XML, and where the root's {@code child}/{@code grandchild} elements
 * are. Seeded capabilities-like documents of known shape (0-2 hosts with 0-2 CPUs each, other
 * elements around them), some with content only the event loop reads (comments, references,
 * CDATA, carriage returns, non-ASCII) and some broken: whenever the prescan answers, the JDK
 * parser accepts the same bytes and the counts and the last CPU's bytes are the ones built; a
 * plain, unbroken document always gets an answer.
 */
class PrescanTest {
  static Stream<Integer> seeds() {
    return IntStream.range(0, 400).boxed();
  }

  private static final String[] PLAIN = {
    "<uuid>u-1</uuid>", "<topology><cells num='1'><cell id='0'/></cells></topology>",
    "<iommu support='yes'/>", "<secmodel>\n  <model>none</model>\n</secmodel>", "text", "\n  ",
    "<cpus num='1'><cpu id='7' siblings='0,8'/></cpus>", "<e a='x>y' b=\"q'\"/>"
  };

  private static final String[] NOT_PLAIN = {
    "<!-- a comment -->", "a &amp; b", "<![CDATA[ x ]]>", "line\r\nend", "caf\u00e9",
    "<?pi data?>", "<e xmlns:x='urn:x' x:a='1'/>"
  };

  private static final String[] BROKEN = {
    "<open>", "</close>", "<e a='1' a='2'/>", "<e a=1/>", "a < b", "<e>x</f>"
  };

  @ParameterizedTest
  @MethodSource("seeds")
  void answersOnlyForWellFormedDocumentsWithWhatWasBuilt(int seed) throws Exception {
    Random r = new Random(seed);
    boolean plain = true;
    boolean broken = false;
    StringBuilder doc = new StringBuilder("<capabilities>\n");
    int hosts = r.nextInt(3);
    int lastCpus = 0;
    String lastCpu = null;
    for (int h = 0; h < hosts; h++) {
      doc.append("  <host>\n");
      int cpus = r.nextInt(3);
      lastCpus = cpus;
      lastCpu = null;
      for (int c = 0; c < cpus; c++) {
        String cpu = r.nextInt(4) == 0 ? "<cpu/>"
            : "<cpu>\n      <model>M" + r.nextInt(9) + "</model>\n      <feature name='f"
                + r.nextInt(9) + "'/>\n    </cpu>";
        doc.append("    ").append(cpu).append('\n');
        lastCpu = cpu;
        doc.append("    ").append(PLAIN[r.nextInt(PLAIN.length)]).append('\n');
      }
      doc.append("  </host>\n");
    }
    for (int i = r.nextInt(4); i > 0; i--) {
      String part;
      int kind = r.nextInt(10);
      if (kind == 0) {
        part = NOT_PLAIN[r.nextInt(NOT_PLAIN.length)];
        plain = false;
      } else if (kind == 1) {
        part = BROKEN[r.nextInt(BROKEN.length)];
        broken = true;
      } else {
        part = PLAIN[r.nextInt(PLAIN.length)];
      }
      doc.append("  <guest>").append(part).append("</guest>\n");
    }
    doc.append("</capabilities>");
    String text = doc.toString();
    // the document inside a larger buffer, as the framer has it: other bytes before and after
    String before = "<x/>\n";
    byte[] data = (before + text + "\n<next/>").getBytes(StandardCharsets.UTF_8);
    int from = before.getBytes(StandardCharsets.UTF_8).length;
    FastXmlReader.Prescan scan =
        FastXmlReader.prescan(data, from, data.length, "capabilities", "host", "cpu");
    if (plain && !broken) {
      assertThat(scan).as("seed %d: plain and well-formed\n%s", seed, text).isNotNull();
    }
    if (scan == null) {
      return;
    }
    byte[] own = text.getBytes(StandardCharsets.UTF_8);
    assertThat(scan.end()).as("seed %d", seed).isEqualTo(from + own.length);
    assertThatCode(() -> parseWithJdk(own)).as("seed %d: the JDK parser agrees\n%s", seed, text)
        .doesNotThrowAnyException();
    assertThat(scan.children()).isEqualTo(hosts);
    assertThat(scan.grandchildren()).isEqualTo(hosts == 0 ? 0 : lastCpus);
    if (lastCpu == null) {
      assertThat(scan.grandchildFrom()).isEqualTo(-1);
    } else {
      assertThat(new String(data, scan.grandchildFrom(), scan.grandchildTo() - scan.grandchildFrom(),
          StandardCharsets.UTF_8)).isEqualTo(lastCpu);
    }
    assertThat(scan.lineFeeds()).isEqualTo((int) text.chars().filter(c -> c == '\n').count());
    assertThat(scan.lastLineFeed()).isEqualTo(from + text.lastIndexOf('\n'));
  }

  @Test
  void anotherRootOrAnEmptyRootGetsNoAnswer() {
    byte[] domain = "<domain><cpu/></domain>".getBytes(StandardCharsets.US_ASCII);
    assertThat(FastXmlReader.prescan(domain, 0, domain.length, "capabilities", "host", "cpu"))
        .isNull();
    byte[] empty = "<capabilities/>".getBytes(StandardCharsets.US_ASCII);
    assertThat(FastXmlReader.prescan(empty, 0, empty.length, "capabilities", "host", "cpu"))
        .isNull();
    // the end tag not in the buffer yet
    byte[] cut = "<capabilities><host/></capab".getBytes(StandardCharsets.US_ASCII);
    assertThat(FastXmlReader.prescan(cut, 0, cut.length, "capabilities", "host", "cpu")).isNull();
  }

  private static void parseWithJdk(byte[] doc) throws Exception {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader x = f.createXMLStreamReader(new ByteArrayInputStream(doc), "UTF-8");
    List<String> names = new ArrayList<>();
    while (x.hasNext()) {
      if (x.next() == XMLStreamReader.START_ELEMENT) {
        names.add(x.getLocalName());
      }
    }
    x.close();
  }
}
