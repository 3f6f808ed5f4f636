package org.migcheck.read;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.migcheck.InputException;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.input.InputReader;
import org.migcheck.testing.SharedData;

/**
 * The differential test of the one oracle ({@link ProfileOracle}): every profile equals the full
 * profile restricted to what it reads, on samples, libvirt's reference documents, generated
 * fleets, the bad-input corpus, seeded damage and the fuzz target's corpus.
 */
class ProfileAgreementTest {
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

  @TempDir static Path dir;

  /** Every profile against the full profile restricted to what it reads (see ProfileOracle). */
  static void assertSame(String xml) throws IOException {
    assertSame(xml.getBytes(StandardCharsets.UTF_8));
  }

  static void assertSame(byte[] data) throws IOException {
    Path f = dir.resolve("doc.xml");
    Files.write(f, data);
    ProfileOracle.check(f);
  }

  /** The bad-input corpus: each file alone, and each after a good document. */
  static List<Path> badInput() throws IOException {
    try (Stream<Path> s = Files.list(SharedData.repo().resolve("src/test/resources/bad-input"))) {
      return s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInputCorpus(Path file) throws IOException {
    byte[] bad = Files.readAllBytes(file);
    assertSame(bad);
    byte[] good = Files.readAllBytes(SharedData.repo().resolve("samples/skylake-a.xml"));
    byte[] both = Arrays.copyOf(good, good.length + bad.length);
    System.arraycopy(bad, 0, both, good.length, bad.length);
    assertSame(both);
  }

  /**
   * Generated damage: seeded byte edits (delete, insert or replace a byte of markup) of host,
   * domcapabilities and guest documents, alone and concatenated.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void damagedDocuments(int seed) throws IOException {
    Random random = new Random(seed);
    List<byte[]> sources = new ArrayList<>();
    for (String name : List.of("skylake-a.xml", "guest-custom.xml")) {
      sources.add(Files.readAllBytes(SharedData.repo().resolve("samples").resolve(name)));
    }
    FleetGenerator g = new FleetGenerator(seed);
    var h = g.host(seed);
    sources.add(g.domainCapabilities(h).getBytes(StandardCharsets.UTF_8));
    sources.add((g.capabilities(h) + g.domainCapabilities(h)).getBytes(StandardCharsets.UTF_8));
    byte[] alphabet = "<>/='\"!?-&;x \n\u00e9".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 60; i++) {
      byte[] doc = sources.get(random.nextInt(sources.size())).clone();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(doc.length);
        byte b = alphabet[random.nextInt(alphabet.length)];
        doc = switch (random.nextInt(3)) {
          case 0 -> cut(doc, at);
          case 1 -> insert(doc, at, b);
          default -> {
            doc[at] = b;
            yield doc;
          }
        };
      }
      assertSame(doc);
    }
  }

  private static byte[] cut(byte[] doc, int at) {
    byte[] out = new byte[doc.length - 1];
    System.arraycopy(doc, 0, out, 0, at);
    System.arraycopy(doc, at + 1, out, at, doc.length - at - 1);
    return out;
  }

  private static byte[] insert(byte[] doc, int at, byte b) {
    byte[] out = new byte[doc.length + 1];
    System.arraycopy(doc, 0, out, 0, at);
    out[at] = b;
    System.arraycopy(doc, at, out, at + 1, doc.length - at);
    return out;
  }

  /** The fuzz target's corpus (crashes it found included) replays here too. */
  static List<Path> fuzzCorpus() throws IOException {
    Path d = SharedData.repo().resolve("src/test/resources/org/migcheck/read/ProfileFuzzTestInputs/agreement");
    try (Stream<Path> s = Files.list(d)) {
      return s.sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("fuzzCorpus")
  void fuzzCorpusAgrees(Path file) throws IOException {
    assertSame(Files.readAllBytes(file));
  }

  /**
   * A root a profile refuses waits for the rest of its document: a malformed spot in it is the
   * error in every profile (found by the oracle: fleet named the root, the full profile the fault).
   */
  @Test
  void aRefusedRootWaitsForItsDocumentToBeWellFormed() throws IOException {
    Path guest = dir.resolve("guest.xml");
    Files.writeString(guest, "<domain>\n<a></b>\n</domain>\n");
    Path other = dir.resolve("other.xml");
    Files.writeString(other, "<network>\n<a></b>\n</network>\n");
    assertThatThrownBy(
            () -> new FleetReader(() -> System.in, 1).read(List.of(guest.toString()), d -> d, d -> {}))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("malformed XML");
    assertThatThrownBy(() -> new InputReader().readAll(List.of(other.toString())))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("malformed XML");
    assertSame(Files.readAllBytes(guest));
    assertSame(Files.readAllBytes(other));
  }

  @Test
  void mixedContentReadsTheTextAfterTheLastChild() throws IOException {
    assertSame("<cpu><arch>x86_64</arch><model>Penryn<x/>Skylake-Server-IBRS</model></cpu>");
    assertSame("<domain type='kvm'><name>g</name><cpu><model>a<b/>Penryn<!-- c -->-x</model></cpu>"
        + "</domain>");
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
