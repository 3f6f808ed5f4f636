package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.read.InputFile;
import org.migcheck.read.Inputs;
import org.migcheck.InputException;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.DomainDef;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;

class InputReaderTest {
  private final InputReader reader = new InputReader();

  static String fixture(String name) {
    try {
      return Path.of(InputReaderTest.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputReader stdin(byte[] bytes) {
    return new InputReader(() -> new ByteArrayInputStream(bytes));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> failsReading(
      String file, String message, int line) {
    return assertThatThrownBy(() -> reader.readAll(List.of(file)))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(message)
        .satisfies(
            e -> {
              assertThat(((InputException) e).source()).isEqualTo(file);
              assertThat(((InputException) e).line()).as("line").isEqualTo(line);
            });
  }

  private static int column(Throwable e) {
    return ((InputException) e).column();
  }

  @Test
  void concatenatedDocumentsWithDeclarations() {
    String file = fixture("concat-declarations.xml");
    List<ParsedDocument> docs = reader.readAll(List.of(file));
    assertThat(docs)
        .extracting(ParsedDocument::source, ParsedDocument::line)
        .containsExactly(tuple(file + "#1", 2), tuple(file + "#2", 14), tuple(file + "#3", 18));
    HostCapabilities caps = (HostCapabilities) docs.get(0);
    assertThat(caps.uuid()).isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(caps.cpu().line()).isEqualTo(5);
    assertThat(caps.cpu().toCpuDef().source()).isEqualTo(file + "#1");
    DomainDef domain = (DomainDef) docs.get(1);
    assertThat(domain.name()).isEqualTo("guest1");
    assertThat(domain.cpu().mode()).isEqualTo(CpuMode.HOST_MODEL);
    CpuDocument cpu = (CpuDocument) docs.get(2);
    assertThat(cpu.cpu().model()).isEqualTo("Nehalem");
    assertThat(cpu.toCpuDef().source()).isEqualTo(file + "#3");
  }

  @Test
  void concatenatedDocumentsWithoutDeclarations() {
    String file = fixture("concat-plain.xml");
    assertThat(reader.readAll(List.of(file)))
        .extracting(ParsedDocument::source, ParsedDocument::line, d -> ((CpuDocument) d).cpu().model())
        .containsExactly(
            tuple(file + "#1", 1, "Penryn"),
            tuple(file + "#2", 5, "Westmere"),
            tuple(file + "#3", 10, "Haswell"));
  }

  @Test
  void byteOrderMarksAndCrlf() {
    String file = fixture("bom-crlf.xml");
    List<ParsedDocument> docs = reader.readAll(List.of(file));
    assertThat(docs).extracting(ParsedDocument::line).containsExactly(2, 7);
    CpuDocument second = (CpuDocument) docs.get(1);
    assertThat(second.cpu().features()).extracting(f -> f.line()).containsExactly(10, 11);
    assertThatThrownBy(second::toCpuDef)
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("CPU feature 'vmx' specified more than once")
        .satisfies(e -> assertThat(((InputException) e).oneLine()).isEqualTo(file + "#2:11: " + e.getMessage()));
  }

  @Test
  void standardInput() {
    byte[] two = "<cpu><model>A</model></cpu>\n<cpu><model>B</model></cpu>\n".getBytes(StandardCharsets.UTF_8);
    assertThat(stdin(two).readAll(List.of("-")))
        .extracting(ParsedDocument::source)
        .containsExactly("<stdin>#1", "<stdin>#2");
    byte[] one = "<cpu><model>A</model></cpu>".getBytes(StandardCharsets.UTF_8);
    assertThat(stdin(one).readAll(List.of("-"))).extracting(ParsedDocument::source).containsExactly("<stdin>");
    assertThatThrownBy(() -> stdin(new byte[0]).readAll(List.of("-")))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("file is empty")
        .satisfies(e -> assertThat(((InputException) e).oneLine()).isEqualTo("<stdin>: file is empty"));
  }

  @Test
  void directoriesReadTheirXmlFilesInNameOrder() {
    String dir = fixture("dir");
    List<ParsedDocument> docs = reader.readAll(List.of(dir));
    assertThat(docs)
        .extracting(ParsedDocument::source)
        .containsExactly(
            Path.of(dir, "a.xml").toString(),
            Path.of(dir, "b-hosts.xml") + "#1",
            Path.of(dir, "b-hosts.xml") + "#2",
            Path.of(dir, "b-hosts.xml") + "#3");
    assertThat(Inputs.resolve(List.of(dir, "-", fixture("empty.xml"))))
        .extracting(InputFile::name)
        .containsExactly(
            Path.of(dir, "a.xml").toString(),
            Path.of(dir, "b-hosts.xml").toString(),
            "<stdin>",
            fixture("empty.xml"));
    String empty = Path.of(dir, "empty-sub").toString();
    assertThatThrownBy(() -> reader.readAll(List.of(empty)))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("directory contains no *.xml files");
  }

  @Test
  void argumentsAreReadInOrder() {
    List<ParsedDocument> docs =
        reader.readAll(List.of(fixture("dir/a.xml"), fixture("concat-declarations.xml")));
    assertThat(docs).hasSize(4);
    assertThat(docs.get(0)).isInstanceOf(CpuDocument.class);
    assertThat(docs.get(1)).isInstanceOf(HostCapabilities.class);
  }

  @Test
  void missingFile() {
    String missing = fixture("dir") + "/no-such-file.xml";
    assertThatThrownBy(() -> reader.readAll(List.of(missing)))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("no such file or directory")
        .satisfies(e -> assertThat(((InputException) e).oneLine()).isEqualTo(missing + ": no such file or directory"));
  }

  @Test
  void unreadableFile(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("secret.xml");
    Files.writeString(f, "<cpu/>");
    f.toFile().setReadable(false, false);
    // root reads any ordinary file, but not a write-only sysctl (Linux checks its mode even for root)
    Path unreadable = Files.isReadable(f) ? Path.of("/proc/sys/vm/compact_memory") : f;
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(unreadable) && !Files.isReadable(unreadable),
        "running as root without /proc/sys/vm/compact_memory: no unreadable file to try");
    assertThatThrownBy(() -> reader.readAll(List.of(unreadable.toString())))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("cannot read: permission denied");
  }

  /**
   * A syntax error on a short first line is reported where it is, not as a truncated file: the
   * column is taken without the container's prefix before it is compared with the file's end
   * (fuzz find, run 3).
   */
  @Test
  void syntaxErrorOnAShortFirstLine(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("short.xml");
    Files.writeString(f, "<capab*ilities05<ca00-");
    assertThatThrownBy(() -> reader.readAll(List.of(f.toString())))
        .hasMessageStartingWith("malformed XML: Element type \"capab\" must be followed by")
        .satisfies(e -> assertThat(column(e)).isEqualTo(7));
    Files.writeString(f, "<capabilities><host");
    failsReading(f.toString(),
        "malformed XML: unexpected end of file (the document is truncated or an element is not closed)", 1);
  }

  @Test
  void emptyAndDocumentlessFiles() {
    failsReading(fixture("empty.xml"), "file is empty", -1);
    failsReading(fixture("no-document.xml"), "no XML document found (only whitespace or comments)", -1);
  }

  @Test
  void truncatedDocument() {
    failsReading(
        fixture("truncated.xml"),
        "malformed XML: unexpected end of file (the document is truncated or an element is not closed)",
        6);
  }

  @Test
  void truncatedSecondDocumentStillDeliversTheFirst() {
    String file = fixture("truncated-second.xml");
    List<ParsedDocument> seen = new ArrayList<>();
    assertThatThrownBy(() -> reader.stream(List.of(file), seen::add))
        .isExactlyInstanceOf(InputException.class)
        .hasMessageStartingWith("malformed XML: unexpected end of file");
    assertThat(seen).extracting(ParsedDocument::source).containsExactly(file + "#1");
  }

  @Test
  void wrongRoot() {
    failsReading(
        fixture("wrong-root.xml"),
        "unsupported document <network>: expected <capabilities>, <domainCapabilities>, <domain> or <cpu>",
        3);
  }

  @Test
  void namespacedRootsAreNotLibvirtDocuments() {
    byte[] xml = "<cpu xmlns='urn:other'><model>x</model></cpu>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> stdin(xml).readAll(List.of("-")))
        .isExactlyInstanceOf(InputException.class)
        .hasMessageStartingWith("unsupported document <{urn:other}cpu>: expected");
  }

  @Test
  void unknownElementsAndAttributesAreIgnored() {
    byte[] xml =
        ("<cpu match='exact' future='1'><model extra='x'>Penryn</model><brandNew><deep/></brandNew>"
                + "<feature name='vmx' policy='require' since='12.0'/></cpu>")
            .getBytes(StandardCharsets.UTF_8);
    CpuDef def = stdin(xml).extractCpus("-").get(0);
    assertThat(def.model()).isEqualTo("Penryn");
    assertThat(def.features()).extracting(f -> f.name()).containsExactly("vmx");
  }

  @Test
  void doctypeIsRejectedBeforeAnyEntityIsResolved() {
    failsReading(
            fixture("xxe.xml"),
            "DOCTYPE declarations are not allowed (no DTDs or entity definitions are accepted)",
            2)
        .satisfies(e -> assertThat(column(e)).isEqualTo(1));
  }

  @Test
  void billionLaughsIsRejected() {
    String file = fixture("billion-laughs.xml");
    List<ParsedDocument> seen = new ArrayList<>();
    assertThatThrownBy(() -> reader.stream(List.of(file), seen::add))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("DOCTYPE declarations are not allowed (no DTDs or entity definitions are accepted)")
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
  }

  @Test
  void undeclaredEntity() {
    failsReading(
            fixture("undeclared-entity.xml"),
            "malformed XML: The entity \"ent\" was referenced, but not declared.",
            2)
        .satisfies(e -> assertThat(column(e)).isEqualTo(15));
  }

  @Test
  void malformedOnTheFirstLineReportsFileColumns() {
    failsReading(
            fixture("mismatched.xml"),
            "malformed XML: The element type \"model\" must be terminated by the matching end-tag"
                + " \"</model>\".",
            1)
        .satisfies(e -> assertThat(column(e)).isEqualTo(21));
  }

  @Test
  void textBetweenDocuments() {
    failsReading(fixture("text-between.xml"), "text outside of any element: 'this is not XML'", 3);
  }

  @Test
  void encodings() {
    failsReading(fixture("bad-utf8.xml"), "not valid UTF-8 (libvirt XML is always UTF-8)", 3);
    failsReading(fixture("utf16.xml"), "UTF-16 input is not supported (libvirt XML is UTF-8)", -1);
  }

  @Test
  void nestingIsBounded() {
    StringBuilder deep = new StringBuilder("<cpu>");
    deep.append("<x>".repeat(5000)).append("</x>".repeat(5000)).append("</cpu>");
    assertThatThrownBy(() -> stdin(deep.toString().getBytes(StandardCharsets.UTF_8)).readAll(List.of("-")))
        .isExactlyInstanceOf(InputException.class)
        .hasMessageContaining("elements nested more than 200 deep (migcheck's limit");
  }

  @Test
  void extractCpusFindsWhatVirshFinds() {
    String file = fixture("virsh-mix.xml");
    List<CpuDef> cpus = reader.extractCpus(file);
    assertThat(cpus)
        .extracting(CpuDef::type, CpuDef::model, CpuDef::vendor, CpuDef::source)
        .containsExactly(
            tuple(CpuType.GUEST, "Penryn", null, file + "#2"),
            tuple(CpuType.GUEST, "Haswell", null, file + "#4"),
            tuple(CpuType.HOST, "Westmere", "Intel", file + "#5"),
            tuple(CpuType.GUEST, "EPYC-Rome", "AMD", file + "#6"));
    assertThat(cpus.get(3).features())
        .extracting(f -> f.name(), f -> f.policy())
        .containsExactly(tuple("x2apic", FeaturePolicy.REQUIRE), tuple("xsaves", FeaturePolicy.DISABLE));
    assertThat(cpus.get(3).mode()).isEqualTo(CpuMode.CUSTOM);
    // readAll does not accept the <network>
    assertThatThrownBy(() -> reader.readAll(List.of(file))).hasMessageStartingWith("unsupported document <network>");
    // cpu-baseline parses everything as host: the first CPU already has a mode attribute
    assertThatThrownBy(() -> reader.extractCpus(file, CpuType.HOST))
        .hasMessage("Attribute mode is only allowed for guest CPU");
  }

  @Test
  void extractCpusNeedsAtLeastOne() {
    String file = fixture("wrong-root.xml");
    assertThatThrownBy(() -> reader.extractCpus(file))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(
            "File '"
                + file
                + "' does not contain any <cpu> element or valid domain XML, host capabilities XML,"
                + " or domain capabilities XML");
    assertThatThrownBy(() -> reader.extractCpus(fixture("dir")))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("is a directory, expected a file");
    assertThat(stdin("<cpu><model>A</model></cpu>".getBytes(StandardCharsets.UTF_8)).extractCpus("-"))
        .extracting(CpuDef::source)
        .containsExactly("<stdin>");
  }

  /**
   * Streaming holds a bounded number of documents: parsing runs ahead of the sink by at most a
   * few dozen documents per thread, so the first is handed over long before the input is read.
   */
  @Test
  void streamingDeliversEachDocumentBeforeReadingTheRest() {
    String doc = "<cpu><arch>x86_64</arch><model>Penryn</model></cpu>\n";
    String padding = " ".repeat(10_000) + "\n";
    int count = 128 * Runtime.getRuntime().availableProcessors();
    byte[] bytes = (doc + padding).repeat(count).getBytes(StandardCharsets.UTF_8);
    AtomicLong read = new AtomicLong();
    InputReader counting =
        new InputReader(
            () ->
                new FilterInputStream(new ByteArrayInputStream(bytes)) {
                  @Override
                  public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                      read.addAndGet(n);
                    }
                    return n;
                  }
                });
    List<Long> readWhenDelivered = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    counting.stream(
        List.of("-"),
        d -> {
          readWhenDelivered.add(read.get());
          sources.add(d.source());
        });
    assertThat(readWhenDelivered).hasSize(count);
    assertThat(sources.get(count - 1)).isEqualTo("<stdin>#" + count);
    assertThat(readWhenDelivered.get(0)).isLessThan(bytes.length / 2);
  }

  @Test
  void readersAreSafeToShareBetweenThreads() throws Exception {
    String file = fixture("concat-declarations.xml");
    List<ParsedDocument> expected = reader.readAll(List.of(file));
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 50; i++) {
                    assertThat(reader.readAll(List.of(file))).isEqualTo(expected);
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(failures).isEmpty();
  }

  /** Only for the stdin supplier contract: the stream given for "-" is not closed by the reader. */
  @Test
  void standardInputIsNotClosed() {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream("<cpu/>".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    new InputReader(() -> in).readAll(List.of("-"));
    assertThat(closed[0]).isFalse();
  }
}
