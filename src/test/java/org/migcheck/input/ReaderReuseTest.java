package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;
import org.migcheck.model.ParsedDocument;

/**
 * A failure in the middle of a document must not spoil the next one read on the same thread:
 * the parser state kept per thread (JAXB's unmarshaller) is dropped after an error. The fuzzer
 * found this: after some broken documents, good ones crashed inside JAXB.
 */
class ReaderReuseTest {
  private static List<ParsedDocument> read(String xml) {
    byte[] b = xml.getBytes(StandardCharsets.UTF_8);
    return new InputReader(() -> new ByteArrayInputStream(b)).readAll(List.of("-"));
  }

  @Test
  void aGoodDocumentReadsTheSameAfterAnyBrokenOne() throws IOException {
    String good = Files.readString(Path.of("samples/skylake-a.xml"));
    List<ParsedDocument> expected = read(good);
    String[] broken = {
      "<cpu>\n <network><name>default</name><cpu><model>ignored</model></cpu></network>\n"
          + "<cpu mode='custom' match='exact'><model>Penryn</model></cpu>\n",
      "<capabilities><host><cpu><arch>x86_64</arch><model>Westmere</model><vendorlities>",
      "<cpu>\n  <network><na><model>Westmere</model><vendor>InTel<st><cpu><arch>x<?xml<arch>x",
      "<domain type='kvm'><name>n</name><cpu><model>Hasw>",
      "<capabilities><host><cpu><topology sockets='x'/></cpu></host></capabilities>",
      "<domainCapabilities><cpu><mode name='host-model' supported='yes'><model>A</model>"
          + "<feature policy='require' name='x'/></mode></cpu><devices><disk",
      good.substring(0, good.length() / 2),
      good.replace("<cpu>", "<cpu><x:include xmlns:x='http://www.w3.org/2001/XInclude'/>"),
      good.replace("<host>", "<host><x a='" + "y".repeat(org.migcheck.xml.XmlLimits.MAX_VALUE_CHARS) + "'/>"),
      good.replace("<model>", "<model>\u0000"),
    };
    for (String b : broken) {
      assertThatThrownBy(() -> read(b)).isInstanceOf(InputException.class);
      assertThat(read(good)).as("after " + b).isEqualTo(expected);
    }
  }

  /** The fuzzer's pair: the first leaves JAXB mid-document, the second then failed inside JAXB. */
  @Test
  void theFuzzersPairFailsCleanly() {
    String first =
        "<?Message: on=\"1.0\" encoding=\"UTF-8\"?>\n<capabilities>\n  <host>\n"
            + "    <uuid>11111111-2222-3333-4444-555555555555</uuid>\n    <cpu>\n"
            + "      <arch>x43_64</arch>\n      <model>Skylake-Client-IBes>\n"
            + "<?xmtext outside l version='1.0'?>\n<domakylake-Client-IBes>\n"
            + "<?xmtext outside l version='1.0'?>one=\"yes\"?><cpu match='minimum'>\n"
            + "  <model>Nehalem</model>\n</cpu>\n";
    String second =
        "<cpu>\n  <network><na><model>Westmere</model><vendor>InTel<st><cpu><arch>x<?xml"
            + "<arch>x86_ v64</arch>\n  <model>Peer8n";
    String expected = null;
    try {
      read(second);
    } catch (InputException e) {
      expected = e.getMessage();
    }
    assertThat(expected).startsWith("malformed XML");
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> read(first)).isInstanceOf(InputException.class);
      assertThatThrownBy(() -> read(second)).isInstanceOf(InputException.class).hasMessage(expected);
    }
  }
}
