package org.migcheck.fleet.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.SharedData;

/** The fast fleet reader against the full parser: same records (for what it keeps), same names. */
class FleetReaderTest {
  /** What the fast reader keeps of a full-parser record. */
  static List<ParsedDocument> fast(List<String> args, int threads) {
    return fast(args, threads, org.migcheck.read.DocumentReader.WHOLE_FILE_LIMIT);
  }

  /** With a limit of 0 every file goes through the streaming splitter, else small ones are whole. */
  static List<ParsedDocument> fast(List<String> args, int threads, long wholeFileLimit) {
    List<ParsedDocument> out = new ArrayList<>();
    new FleetReader(() -> System.in, threads, wholeFileLimit).read(args, FleetDocument::document, out::add);
    return out;
  }

  static List<ParsedDocument> full(List<String> args) {
    return new InputReader().readAll(args).stream().map(org.migcheck.read.ProfileOracle::reduced).toList();
  }

  private static void agree(List<String> args) {
    List<ParsedDocument> expected = full(args);
    assertThat(expected).isNotEmpty();
    for (int threads : new int[] {1, 3}) {
      List<ParsedDocument> got = fast(args, threads, threads == 1 ? 0 : org.migcheck.read.DocumentReader.WHOLE_FILE_LIMIT);
      assertThat(got).hasSameSizeAs(expected);
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.get(i)).as(expected.get(i).source()).isEqualTo(expected.get(i));
      }
    }
  }

  private static List<String> xmlFiles(Path dir, String glob) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(glob))
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }

  @Test
  void agreesOnEverySampleHost() throws IOException {
    List<String> files = xmlFiles(SharedData.repo().resolve("samples"), "[a-z0-9-]+\\.xml");
    List<String> hosts = files.stream().filter(f -> !f.contains("guest-")).toList();
    assertThat(hosts).hasSize(14);
    for (String f : hosts) {
      agree(List.of(f));
    }
  }

  @Test
  void agreesOnEveryReferenceCapabilitiesDocument() throws IOException {
    List<String> files = xmlFiles(SharedData.reference("libvirt-caps"), ".*\\.xml");
    assertThat(files).hasSizeGreaterThan(15);
    for (String f : files) {
      agree(List.of(f));
    }
  }

  @Test
  void agreesOnAGeneratedFleetInOneFileAndInADirectory(@TempDir Path tmp) throws IOException {
    Path single = tmp.resolve("fleet.xml");
    Path dir = tmp.resolve("hosts");
    new FleetGenerator(5).write(24, new FleetGenerator.Output(dir, single, true));
    agree(List.of(single.toString(), tmp.resolve("fleet-domcaps.xml").toString()));
    agree(List.of(dir.toString()));
    assertThat(fast(List.of(single.toString()), 2))
        .extracting(ParsedDocument::source)
        .startsWith(single + "#1", single + "#2")
        .endsWith(single + "#24");
  }

  /**
   * Text with child elements in it keeps what JAXB keeps, the text after the last child, in
   * both readers (fuzz find, run 3: fleet joined all the text).
   */
  @Test
  void mixedContentKeepsTheTextAfterTheLastChild(@TempDir Path tmp) throws IOException {
    String dc = Files.readString(SharedData.repo().resolve("samples/broadwell-domcaps.xml"));
    int open = dc.indexOf('>', dc.indexOf("<mode name='custom'")) + 1;
    String mixed = dc.substring(0, open)
        + "\n<model usable='no' vendor='Intel'>AAA<x/>BBB</model>"
        + "\n<model usable='no'>CCC <model usable='yes'>DDD</model> EEE<!-- c -->F</model>"
        + "\n<model usable='no'>GGG<x/></model>" + dc.substring(open);
    Path f = tmp.resolve("mixed-domcaps.xml");
    Files.writeString(f, mixed.replace("<path>/usr/bin/qemu-system-x86_64</path>", "<path>/usr/<x/>bin/qemu</path>"));
    agree(List.of(f.toString()));
    DomainCapabilities d = (DomainCapabilities) full(List.of(f.toString())).get(0);
    assertThat(d.path()).isEqualTo("bin/qemu");
    assertThat(d.cpu().custom().models()).extracting(m -> m.name())
        .contains("BBB", "EEEF").doesNotContain("AAABBB", "DDD", "GGG");
  }

  @Test
  void declarationsCommentsAndLineEndsBetweenAndInsideDocuments() throws IOException {
    String one = Files.readString(SharedData.repo().resolve("samples/skylake-a.xml"));
    String text =
        "\uFEFF<?xml version='1.0'?>\r\n<!-- fleet -->\r\n"
            + one.replace("\n", "\r\n")
            + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?pi x?>\n"
            + one.replace("<host>", "<host><?xml version='1.0'?><!-- x -->")
            + "<![CDATA[ ]]>\n";
    Path f = Files.createTempFile("concat", ".xml");
    try {
      Files.writeString(f, text, StandardCharsets.UTF_8);
      agree(List.of(f.toString()));
    } finally {
      Files.delete(f);
    }
  }

  @Test
  void readsStandardInput() throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.repo().resolve("samples/epyc-rome-domcaps.xml"));
    List<FleetDocument> docs = new ArrayList<>();
    new FleetReader(() -> new ByteArrayInputStream(bytes), 2).read(List.of("-"), d -> d, docs::add);
    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.document().source()).isEqualTo("<stdin>");
      assertThat(d.hostUuid()).isNull();
    });
  }

  @Test
  void aDomcapsUuidIsTheHostIdentity() {
    byte[] bytes =
        "<domainCapabilities><uuid> 7c2f </uuid><arch>x86_64</arch></domainCapabilities>"
            .getBytes(StandardCharsets.UTF_8);
    List<FleetDocument> docs = new ArrayList<>();
    new FleetReader(() -> new ByteArrayInputStream(bytes), 1).read(List.of("-"), d -> d, docs::add);
    assertThat(docs.get(0).hostUuid()).isEqualTo("7c2f");
  }

  @Test
  void otherDocumentsAreRefused() {
    byte[] bytes = "\n<domain type='kvm'><name>g</name></domain>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> new FleetReader(() -> new ByteArrayInputStream(bytes), 1)
                .read(List.of("-"), d -> d, d -> {}))
        .isInstanceOf(InputException.class)
        .hasMessage("unsupported document <domain>: " + FleetReader.ACCEPTED)
        .satisfies(e -> assertThat(((InputException) e).oneLine()).startsWith("<stdin>:2: "));
  }
}
