package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.input.InputReader;
import org.migcheck.xml.XmlLimits;

/**
 * Hostile XML against every parser (documents, the fast CPU reader, standard input, cpu_map, the
 * fleet reader) and every command: entity bombs, external entities by file and URL, parameter
 * entities, external DTDs, XInclude and oversized input all end in one clear error. A local
 * server that the URLs point to proves that nothing is ever fetched, and a secret file that the
 * file entities point to never shows up in a message.
 */
class HostileXmlTest {
  @TempDir static Path dir;

  private static ServerSocket server;
  private static String url;
  private static Path secret;
  private static final String SECRET = "MIGCHECK-SECRET-7d1e";

  @BeforeAll
  static void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    url = "http://127.0.0.1:" + server.getLocalPort() + "/";
    secret = dir.resolve("secret.txt");
    Files.writeString(secret, SECRET);
  }

  /** A connection attempt lands in the backlog even unaccepted: a short accept finds it. */
  @AfterAll
  static void nothingWasFetched() throws IOException {
    server.setSoTimeout(200);
    try {
      server.accept().close();
      throw new AssertionError("a parser connected to " + url);
    } catch (SocketTimeoutException expected) {
      // no connection
    } finally {
      server.close();
    }
  }

  /** One hostile input: its text for a root element, and the words each parser must say. */
  private record Payload(String name, String template, String documentError, String mapError) {
    String text(String root) {
      return template
          .replace("ROOT", root)
          .replace("URL", url)
          .replace("SECRET", secret.toUri().toString());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final String DOCTYPE =
      "DOCTYPE declarations are not allowed (no DTDs or entity definitions are accepted)";
  private static final String DTD = "DTDs are not allowed in input files";

  static final List<Payload> PAYLOADS =
      List.of(
          new Payload("billion laughs", billionLaughs(), DOCTYPE, DTD),
          new Payload("quadratic blowup", quadratic(), DOCTYPE, DTD),
          new Payload(
              "XXE file",
              "<!DOCTYPE ROOT [<!ENTITY e SYSTEM 'SECRET'>]>\n<ROOT>&e;</ROOT>\n",
              DOCTYPE,
              DTD),
          new Payload(
              "XXE URL",
              "<?xml version='1.0'?>\n<!DOCTYPE ROOT [<!ENTITY e SYSTEM 'URLxxe'>]>\n<ROOT>&e;</ROOT>\n",
              DOCTYPE,
              DTD),
          new Payload(
              "parameter entity",
              "<!DOCTYPE ROOT [<!ENTITY % p SYSTEM 'URLp.dtd'> %p;]>\n<ROOT/>\n",
              DOCTYPE,
              DTD),
          new Payload(
              "parameter entity to a file",
              "<!DOCTYPE ROOT [<!ENTITY % f SYSTEM 'SECRET'><!ENTITY % p \"<!ENTITY e SYSTEM"
                  + " 'URL%f;'>\"> %p;]>\n<ROOT>&e;</ROOT>\n",
              DOCTYPE,
              DTD),
          new Payload(
              "external DTD",
              "<!-- looks harmless -->\n<!DOCTYPE ROOT SYSTEM 'URLx.dtd'>\n<ROOT/>\n",
              DOCTYPE,
              DTD),
          new Payload(
              "XInclude",
              "<ROOT xmlns:xi='http://www.w3.org/2001/XInclude'>\n"
                  + "  <xi:include href='URLinc.xml' parse='xml'/>\n</ROOT>\n",
              "XInclude is not supported",
              "is in namespace http://www.w3.org/2001/XInclude"),
          new Payload(
              "XInclude of a file as text",
              "<ROOT>\n  <host xmlns:x='http://www.w3.org/2001/XInclude'>"
                  + "<x:include href='SECRET' parse='text'/></host>\n</ROOT>\n",
              "XInclude is not supported",
              "is in namespace http://www.w3.org/2001/XInclude"));

  private static String billionLaughs() {
    StringBuilder sb = new StringBuilder("<!DOCTYPE ROOT [\n <!ENTITY lol0 'lol'>\n");
    for (int i = 1; i < 10; i++) {
      sb.append(" <!ENTITY lol").append(i).append(" '")
          .append(("&lol" + (i - 1) + ";").repeat(10)).append("'>\n");
    }
    return sb.append("]>\n<ROOT>&lol9;</ROOT>\n").toString();
  }

  private static String quadratic() {
    return "<!DOCTYPE ROOT [<!ENTITY a '" + "a".repeat(50_000) + "'>]>\n<ROOT>"
        + "&a;".repeat(50_000) + "</ROOT>\n";
  }

  private interface Parser {
    void parse(Path file, byte[] bytes) throws IOException;
  }

  private static final List<Object[]> DOCUMENT_PARSERS =
      List.<Object[]>of(
          new Object[] {"documents", (Parser) (f, b) -> new InputReader().readAll(List.of(f.toString()))},
          new Object[] {"CPU extraction", (Parser) (f, b) -> new InputReader().extractCpus(f.toString())},
          new Object[] {
            "standard input",
            (Parser) (f, b) -> new InputReader(() -> new ByteArrayInputStream(b)).readAll(List.of("-"))
          },
          new Object[] {
            "fleet reader",
            (Parser) (f, b) -> new FleetReader(() -> new ByteArrayInputStream(b)).read(
                List.of(f.toString()), d -> d, d -> {})
          });

  static Stream<Arguments> documentCases() {
    List<Arguments> out = new ArrayList<>();
    for (Payload p : PAYLOADS) {
      for (Object[] parser : DOCUMENT_PARSERS) {
        out.add(Arguments.of(p, parser[0], parser[1]));
      }
    }
    return out.stream();
  }

  private static Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private static void assertRejected(Parser parser, Path file, byte[] bytes, String expected) {
    assertThatThrownBy(() -> parser.parse(file, bytes))
        .isInstanceOf(InputException.class)
        .satisfies(
            e -> {
              String line = ((InputException) e).oneLine();
              assertThat(line).contains(expected).doesNotContain(SECRET).doesNotContain("\n");
            });
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("documentCases")
  void documentParsersRefuse(Payload p, String parserName, Parser parser) throws IOException {
    byte[] bytes = p.text("capabilities").getBytes(StandardCharsets.UTF_8);
    assertRejected(parser, write("hostile.xml", bytes), bytes, p.documentError());
    // the same after a good document: the second of a concatenated file
    byte[] second =
        ("<capabilities><host/></capabilities>\n" + p.text("capabilities").replaceFirst("<\\?xml[^>]*>", ""))
            .getBytes(StandardCharsets.UTF_8);
    assertRejected(parser, write("hostile-second.xml", second), second, p.documentError());
  }

  static Stream<Payload> payloads() {
    return PAYLOADS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void cpuMapLoaderRefuses(Payload p) throws IOException {
    Path map = Files.createDirectories(dir.resolve("map-" + p.name().replace(' ', '-')));
    Files.writeString(map.resolve("index.xml"), p.text("cpus"));
    assertRejected((f, b) -> CpuMapLoader.load(map.toString()), map, null, p.mapError());
    // and as an included file
    Path map2 = Files.createDirectories(dir.resolve("map2-" + p.name().replace(' ', '-')));
    Files.writeString(
        map2.resolve("index.xml"),
        "<cpus>\n  <arch name='x86'>\n    <include filename='x86_vendors.xml'/>\n  </arch>\n</cpus>\n");
    Files.writeString(map2.resolve("x86_vendors.xml"), p.text("cpus"));
    assertRejected((f, b) -> CpuMapLoader.load(map2.toString()), map2, null, p.mapError());
  }

  /** Every command refuses each payload with exit 2 and one line, whatever position it is in. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void everyCommandRefuses(Payload p) throws IOException {
    Path f = write("cmd.xml", p.text("capabilities").getBytes(StandardCharsets.UTF_8));
    for (String[] args : commands(f.toString())) {
      CliRun r = CliRun.run(args);
      BadInputTest.assertOneLineError(r, p.documentError());
      assertThat(r.err()).doesNotContain(SECRET);
    }
  }

  private static final String GOOD = "samples/skylake-a.xml";

  static List<String[]> commands(String f) {
    return List.of(
        new String[] {"inspect", f},
        new String[] {"compare", GOOD, f},
        new String[] {"compare", f, GOOD},
        new String[] {"baseline", GOOD, f},
        new String[] {"diff", GOOD, f},
        new String[] {"check", GOOD, f},
        new String[] {"check", "--guest", f, GOOD, GOOD},
        new String[] {"suggest", GOOD, f},
        new String[] {"fleet", GOOD, f},
        new String[] {"gate", "--fleet", GOOD, "--candidate", f},
        new String[] {"gate", "--fleet", GOOD, "--guests", f});
  }

  // ---- size limits

  /** A well-formed document of {@code size} characters, in lines of ordinary size. */
  private static byte[] hugeDocument(String root, long size) {
    String head = "<" + root + ">\n";
    String line = "  <!-- " + "a".repeat(1000) + " -->\n";
    int lines = (int) ((size - head.length()) / line.length()) + 1;
    StringBuilder sb = new StringBuilder(head.length() + lines * line.length() + 40);
    sb.append(head);
    for (int i = 0; i < lines; i++) {
      sb.append(line);
    }
    return sb.append("</").append(root).append(">\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aDocumentOverTheLimitIsRefusedByEveryParser() throws IOException {
    byte[] big = hugeDocument("capabilities", XmlLimits.MAX_DOCUMENT_CHARS + 1000);
    Path f = write("huge.xml", big);
    for (Object[] parser : DOCUMENT_PARSERS) {
      assertRejected((Parser) parser[1], f, big, "document larger than 32 MiB");
    }
    Path map = Files.createDirectories(dir.resolve("huge-map"));
    Files.write(map.resolve("index.xml"), hugeDocument("cpus", XmlLimits.MAX_DOCUMENT_CHARS + 1000));
    assertRejected((p, b) -> CpuMapLoader.load(map.toString()), map, null, "document larger than 32 MiB");
    BadInputTest.assertOneLineError(CliRun.run("inspect", f.toString()), "document larger than 32 MiB");
  }

  @Test
  void manyDocumentsUnderTheLimitMakeAFileOfAnySize() throws IOException {
    // 40 MiB in one file, as 20 documents of 2 MiB: only a single document is limited
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] doc = hugeDocument("cpu", 2L << 20);
    for (int i = 0; i < 20; i++) {
      out.writeBytes(doc);
    }
    byte[] all = out.toByteArray();
    Path f = write("many.xml", all);
    assertThat(new InputReader().readAll(List.of(f.toString()))).hasSize(20);
    assertThat(new InputReader(() -> new ByteArrayInputStream(all)).readAll(List.of("-"))).hasSize(20);
  }

  @Test
  void aValueOverTheLimitIsRefused() throws IOException {
    String longValue = "x".repeat(XmlLimits.MAX_VALUE_CHARS + 10);
    byte[] attr =
        ("<capabilities>\n<host>\n<cpu><model name='" + longValue + "'/></cpu></host></capabilities>\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] text =
        ("<cpu>\n<model>" + longValue + "</model></cpu>\n").getBytes(StandardCharsets.US_ASCII);
    for (byte[] bytes : List.of(attr, text)) {
      Path f = write("long-value.xml", bytes);
      for (Object[] parser : DOCUMENT_PARSERS.subList(0, 3)) {
        assertRejected((Parser) parser[1], f, bytes, "longer than 1 MiB");
      }
    }
    Path map = Files.createDirectories(dir.resolve("long-value-map"));
    Files.writeString(map.resolve("index.xml"), "<cpus>\n<arch name='" + longValue + "'/></cpus>\n");
    assertRejected((p, b) -> CpuMapLoader.load(map.toString()), map, null, "index.xml:2: a tag");
  }

  /**
   * 300,000 distinct features: read, then refused for what they are, by every command. (How long
   * that takes is a benchmark's business, not a unit test's: on a loaded machine a time limit here
   * failed for no fault of the code.)
   */
  @Test
  void manyElementsAreReadAndRefused() throws IOException {
    StringBuilder sb = new StringBuilder("<capabilities>\n<host>\n<cpu>\n<arch>x86_64</arch>\n");
    sb.append("<model>Skylake-Client</model>\n<vendor>Intel</vendor>\n");
    for (int i = 0; i < 300_000; i++) {
      sb.append("<feature name='f").append(i).append("'/>\n");
    }
    Path f = write("many-features.xml", sb.append("</cpu>\n</host>\n</capabilities>\n").toString()
        .getBytes(StandardCharsets.US_ASCII));
    for (String[] args : commands(f.toString())) {
      CliRun r = CliRun.run(args);
      if (args[0].equals("inspect")) {
        // inspect reports the rest and warns, naming a few of the unknown names only
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err().lines()).singleElement().asString()
            .contains("many-features.xml").contains("f0 (none bundled)")
            .contains("and 299990 more");
        assertThat(r.out().length()).isLessThan(5000);
      } else {
        BadInputTest.assertOneLineError(r, "many-features.xml");
      }
    }
  }

  /**
   * The second line of defence: even without the DOCTYPE check in front of it, the hardened
   * factory expands no entity, reads no file and fetches nothing (the server check above).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void theHardenedFactoryAloneExpandsNothing(Payload p) {
    StringBuilder text = new StringBuilder();
    try {
      javax.xml.stream.XMLStreamReader r =
          org.migcheck.xml.SafeXml.inputFactory()
              .createXMLStreamReader(new java.io.StringReader(p.text("capabilities")));
      while (r.hasNext() && text.length() < 10_000_000) {
        if (r.next() == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
          text.append(r.getText());
        }
      }
    } catch (javax.xml.stream.XMLStreamException | RuntimeException refused) {
      // an undeclared or unexpandable entity: refused, which is fine
    }
    assertThat(text.toString()).doesNotContain(SECRET).doesNotContain("lollollol");
    assertThat(text.length()).isLessThan(1000);
  }
}
