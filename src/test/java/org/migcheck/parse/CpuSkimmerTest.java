package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.InputException;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.model.CpuType;
import org.migcheck.testing.SharedData;
import org.migcheck.xml.SafeXml;

/** The StAX CPU skimmer must give exactly what the JAXB reader gives, errors included. */
class CpuSkimmerTest {
  static List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path dir :
        List.of(
            SharedData.repo().resolve("samples"),
            SharedData.repo().resolve("src/test/resources/golden/baseline"))) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  static List<Path> referenceFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String sub : List.of("libvirt-caps", "libvirt-cputest")) {
      try (Stream<Path> s = Files.list(SharedData.reference(sub))) {
        s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** Both readers over every top-level element of the text; results or error messages. */
  static List<String> extract(String xml, boolean skim, CpuType type) throws Exception {
    XMLStreamReader r =
        SafeXml.inputFactory().createXMLStreamReader(new StringReader("<c>" + strip(xml) + "</c>"));
    List<String> out = new ArrayList<>();
    r.nextTag();
    while (r.next() != XMLStreamConstants.END_DOCUMENT) {
      if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      if (!DocumentParser.isKnownRoot(r.getLocalName())) {
        return out;
      }
      RawDocument doc;
      try {
        doc = skim ? DocumentParser.readCpuParts(r, "f") : DocumentParser.read(r, "f");
      } catch (InputException e) {
        out.add("read error: " + e.oneLine());
        return out;
      }
      try {
        out.add(doc.extractCpus("f", type).toString());
      } catch (InputException e) {
        out.add("error: " + e.oneLine());
      }
      if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
        r.next();
      }
    }
    return out;
  }

  static String strip(String xml) {
    return xml.replaceAll("<\\?xml[^>]*>", "").replace("\uFEFF", "");
  }

  static void assertSame(String xml) throws Exception {
    for (CpuType type : new CpuType[] {null, CpuType.HOST}) {
      assertThat(extract(xml, true, type)).isEqualTo(extract(xml, false, type));
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void samplesAndGoldenInputs(Path file) throws Exception {
    assertSame(Files.readString(file));
  }

  @ParameterizedTest
  @MethodSource("referenceFiles")
  void libvirtReferenceDocuments(Path file) throws Exception {
    assertSame(Files.readString(file));
  }

  @Test
  void generatedFleet() throws Exception {
    FleetGenerator g = new FleetGenerator(11);
    for (int i = 0; i < 40; i++) {
      var h = g.host(i);
      assertSame(g.capabilities(h));
      assertSame(g.domainCapabilities(h));
    }
  }

  /** Damaged CPU parts: the same records or the same message, line included. */
  @Test
  void mutatedCpus() throws Exception {
    String base = Files.readString(SharedData.repo().resolve("samples/guest-custom.xml"));
    String caps = Files.readString(SharedData.repo().resolve("samples/skylake-a.xml"));
    String[][] edits = {
      {"policy='require'", "policy='maybe'"},
      {"fallback='forbid'", "fallback='sometimes'"},
      {"match='exact'", "match='exact' mode='bogus'"},
      {"mode='custom'", "mode='bogus'"},
      {"<model fallback", "<arch>x86_64</arch><model fallback"},
      {"name='pku'", "name=''"},
      {"name='ssbd'", "name='pku'"},
      {"check='partial'", "check='strict'"},
    };
    for (String[] e : edits) {
      assertSame(base.replaceFirst(java.util.regex.Pattern.quote(e[0]), e[1]));
    }
    String[][] capsEdits = {
      {"<vendor>Intel</vendor>", "<vendor>Intel</vendor><vendor>AMD</vendor>"},
      {"<arch>x86_64</arch>", ""},
      {"<model>", "<model> "},
      {"stepping='4'", "stepping='x'"},
      {"scaling='yes'", "scaling='maybe'"},
      {"bits='46'", "bits='-1'"},
      {"<feature name='ds'/>", "<feature name='ds'/><feature name='ds'/>"},
    };
    for (String[] e : capsEdits) {
      assertSame(caps.replaceFirst(java.util.regex.Pattern.quote(e[0]), e[1]));
    }
  }
}
