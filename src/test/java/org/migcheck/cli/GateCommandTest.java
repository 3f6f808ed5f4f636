package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.migcheck.cli.CliRun.run;
import static org.migcheck.cli.SampleArgs.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.fleet.gate.Rollouts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class GateCommandTest {
  @TempDir Path tmp;
  private Path candidate;
  private Path policy;

  /** skylake-b after a microcode update without TSX (same uuid). */
  @BeforeEach
  void rollout() throws IOException {
    candidate = Rollouts.tsxUpdate(tmp.resolve("candidate"));
    policy = tmp.resolve("policy.conf");
    Files.writeString(policy, "min-level = v3\nrequire-machines = pc-q35-7.2\nmax-tsc-spread = 250ppm\n");
  }

  private String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of("gate", "--fleet"));
    for (String h : List.of("skylake-a", "skylake-b", "cascadelake", "broadwell")) {
      a.add(sample(h + ".xml"));
      a.add(sample(h + "-domcaps.xml"));
    }
    a.addAll(List.of("--candidate", candidate.toString(), "--guests", sample("guest-custom.xml"),
        sample("guest-host-model.xml"), sample("guest-passthrough.xml"), "--policy", policy.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void failsWithEveryViolationInEveryFormat() {
    CliRun text = run(args());
    assertThat(text.exit()).as(text.toString()).isEqualTo(1);
    assertThat(text.out()).startsWith("gate: FAIL: ");
    Golden.assertMatches("gate-tsx-update.txt", text.out());
    CliRun json = run(args("--format", "json"));
    assertThat(json.exit()).isEqualTo(1);
    Golden.assertMatches("gate-tsx-update.json", json.out());
    CliRun md = run(args("--format", "markdown"));
    assertThat(md.out()).startsWith("## ❌ migcheck gate: FAIL: ").contains("| ❌ `baseline` | 1 | 1 |");
    Golden.assertMatches("gate-tsx-update.md", md.out());
  }

  /** The JUnit XML has the shape CI systems read, and its counts add up. */
  @Test
  void junitXmlIsWhatCiSystemsRead() throws Exception {
    CliRun r = run(args("--format", "junit"));
    assertThat(r.exit()).isEqualTo(1);
    validateJunit(r.out());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    for (String a : List.of("name", "tests", "failures", "errors", "skipped", "time")) {
      assertThat(root.hasAttribute(a)).as(a).isTrue();
    }
    NodeList suites = root.getElementsByTagName("testsuite");
    int tests = 0;
    int failures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      for (String a : List.of("name", "tests", "failures", "errors", "skipped", "time")) {
        assertThat(s.hasAttribute(a)).as(a).isTrue();
      }
      Double.parseDouble(s.getAttribute("time"));
      NodeList cases = s.getElementsByTagName("testcase");
      int suiteFailures = 0;
      for (int j = 0; j < cases.getLength(); j++) {
        Element c = (Element) cases.item(j);
        assertThat(c.getAttribute("classname")).startsWith("migcheck.gate.");
        assertThat(c.getAttribute("name")).isNotEmpty();
        Double.parseDouble(c.getAttribute("time"));
        NodeList fail = c.getElementsByTagName("failure");
        if (fail.getLength() > 0) {
          Element e = (Element) fail.item(0);
          assertThat(e.getAttribute("message")).isNotEmpty();
          assertThat(e.getAttribute("type")).isEqualTo(s.getAttribute("name"));
          suiteFailures++;
        }
      }
      assertThat(Integer.parseInt(s.getAttribute("tests"))).isEqualTo(cases.getLength());
      assertThat(Integer.parseInt(s.getAttribute("failures"))).isEqualTo(suiteFailures);
      tests += cases.getLength();
      failures += suiteFailures;
    }
    assertThat(Integer.parseInt(root.getAttribute("tests"))).isEqualTo(tests);
    assertThat(Integer.parseInt(root.getAttribute("failures"))).isEqualTo(failures).isPositive();
    assertThat(suites.getLength()).isEqualTo(7);
  }

  /** The schema is strict enough to catch what CI systems would choke on. */
  @Test
  void junitSchemaRejectsMalformedReports() {
    assertThatThrownBy(() -> validateJunit(
        "<testsuites><testsuite name='r' tests='1'><testcase name='h'/></testsuite></testsuites>"))
        .isInstanceOf(SAXException.class).hasMessageContaining("classname");
    assertThatThrownBy(() -> validateJunit(
        "<testsuites><testsuite name='r' tests='one'/></testsuites>"))
        .isInstanceOf(SAXException.class).hasMessageContaining("one");
  }

  /** Validates against src/test/resources/junit/junit-report.xsd, resolving nothing external. */
  static void validateJunit(String xml) throws SAXException, IOException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    Validator v = f.newSchema(GateCommandTest.class.getResource("/junit/junit-report.xsd")).newValidator();
    v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    v.validate(new StreamSource(new java.io.StringReader(xml)));
  }

  @Test
  void passesWhenNothingBreaks() throws Exception {
    Files.writeString(policy, "allow-feature-loss = hle, rtm\n");
    String[] pass = {"gate", "--fleet", sample("skylake-a.xml"), sample("skylake-b.xml"),
        "--candidate", candidate.resolve("skylake-b.xml").toString(), "--policy", policy.toString()};
    CliRun r = run(pass);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("gate: PASS: every rule holds\n");
    List<String> junit = new ArrayList<>(List.of(pass));
    junit.addAll(List.of("--format", "junit"));
    CliRun j = run(junit.toArray(String[]::new));
    assertThat(j.exit()).isZero();
    assertThat(j.out()).contains("failures=\"0\"").doesNotContain("<failure");
    validateJunit(j.out());
  }

  @Test
  void badPolicyOrGuestsAreExitTwo() throws IOException {
    Files.writeString(policy, "min-level = v3\nrequire-features = avx2, sse3\n");
    CliRun r = run(args());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("migcheck: " + policy
        + ":2: unknown CPU feature 'sse3' (not in the bundled cpu_map (libvirt 12.8.0); libvirt calls it pni)");
    CliRun guests = run("gate", "--fleet", sample("skylake-a.xml"), "--guests", sample("skylake-b.xml"));
    assertThat(guests.exit()).isEqualTo(2);
    assertThat(guests.errLines()).singleElement().asString().contains("not a guest: --guests takes domain XML");
    CliRun noFleet = run("gate", "--candidate", sample("skylake-a.xml"));
    assertThat(noFleet.exit()).isEqualTo(2);
    assertThat(noFleet.err()).contains("--fleet");
  }
}
