package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.SampleArgs.host;
import static org.migcheck.cli.CliRun.run;
import static org.migcheck.cli.SampleArgs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

class SuggestCommandTest {
  @TempDir Path tmp;

  static final List<String> INTEL =
      List.of("skylake-a", "cascadelake", "icelake-notsx", "broadwell", "coffeelake-e2288g");

  private static String[] args(List<String> hosts, String... options) {
    List<String> a = new ArrayList<>(List.of("suggest"));
    hosts.forEach(h -> a.add(host(h)));
    a.addAll(List.of(options));
    return a.toArray(String[]::new);
  }

  @Test
  void pasteableXmlOnStdoutTheProofOnStderr() throws IOException {
    CliRun r = run(args(INTEL));
    assertThat(r.exit()).isZero();
    Golden.assertMatches("suggest-intel.xml", r.out());
    Diff diff = DiffBuilder.compare(Files.readString(Golden.dir().resolve("suggest-intel.xml")))
        .withTest(r.out()).ignoreWhitespace().checkForSimilar().build();
    assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    assertThat(r.out()).startsWith("<cpu mode='custom' match='exact' check='partial'>\n"
        + "  <model fallback='forbid'>Broadwell-noTSX-IBRS</model>\n  <vendor>Intel</vendor>\n"
        + "  <maxphysaddr mode='emulate' bits='39'/>\n");
    assertThat(r.err()).startsWith("Suggested CPU for 5 hosts (baseline): Broadwell-noTSX-IBRS,"
        + " x86-64-v3, 39 address bits\n")
        .contains("broadwell          domcapabilities host-model  v3     SUPERSET")
        .contains("TSC: TSC rates differ and broadwell cannot scale");
  }

  @Test
  void textAndJsonReports() throws IOException {
    CliRun text = run(args(INTEL, "--format", "text"));
    assertThat(text.exit()).isZero();
    assertThat(text.err()).isEmpty();
    Golden.assertMatches("suggest-intel.txt", text.out());
    CliRun json = run(args(INTEL, "--format", "json", "--named"));
    assertThat(json.exit()).isZero();
    Golden.assertMatches("suggest-intel-named.json", json.out());
  }

  @Test
  void aHostThatCannotRunItFailsLoudly() {
    CliRun r = run(args(List.of("skylake-a", "icelake-notsx"), "--model", "Skylake-Server-IBRS"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("FAILS: Host CPU does not provide required features: hle, rtm")
        .contains("error: icelake-notsx cannot run it");
    CliRun fixed = run(args(List.of("skylake-a", "icelake-notsx"), "--model",
        "Skylake-Server-IBRS", "--without", "hle,rtm"));
    assertThat(fixed.exit()).isZero();
    assertThat(fixed.out()).contains("<feature policy='disable' name='hle'/>");
  }

  @Test
  void levelsAndVendors() {
    CliRun low = run(args(INTEL, "--require-level", "v4", "--format", "json"));
    assertThat(low.exit()).isEqualTo(1);
    assertThat(low.out()).contains("\"ok\": false", "below the required x86-64-v4");
    assertThat(run(args(INTEL, "--require-level", "x86-64-v3")).exit()).isZero();
    CliRun mixed = run(args(List.of("skylake-a", "epyc-rome")));
    assertThat(mixed.exit()).isEqualTo(1);
    assertThat(mixed.out()).isEmpty();
    assertThat(mixed.err()).contains("CPU vendors do not match");
  }

  @Test
  void pairsCapabilitiesWithTheirDomcapabilitiesInADirectory() throws IOException {
    Path dir = tmp.resolve("fleet");
    Files.createDirectories(dir);
    for (String h : List.of("skylake-a", "broadwell")) {
      Files.copy(Path.of(sample(h + ".xml")), dir.resolve(h + ".xml"));
      Files.copy(Path.of(sample(h + "-domcaps.xml")), dir.resolve(h + "-domcaps.xml"));
    }
    Files.copy(Path.of(sample("guest-custom.xml")), dir.resolve("guest-custom.xml"));
    CliRun r = run("suggest", dir.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"host\": \"broadwell\"", "\"host\": \"skylake-a\"")
        .doesNotContain("capabilities host CPU", "guest-custom");
    // a bare domcapabilities is a host of its own
    // (broadwell alone in a directory: no domcapabilities beside it)
    Path alone = Files.createDirectories(tmp.resolve("alone")).resolve("broadwell.xml");
    Files.copy(Path.of(sample("broadwell.xml")), alone);
    CliRun dc = run("suggest", sample("skylake-a-domcaps.xml"), alone.toString());
    assertThat(dc.exit()).isZero();
    assertThat(dc.err()).contains("skylake-a-domcaps  domcapabilities host-model")
        .contains("broadwell          capabilities, approximate: no domcapabilities");
  }

  @Test
  void badInput() {
    for (CliRun r : List.of(
        run(args(List.of("skylake-a"), "--without", "tsx")),
        run(args(List.of("skylake-a"), "--require-level", "v9")),
        run(args(List.of("skylake-a"), "--model", "Skylake-Server", "--named")),
        run("suggest", sample("guest-custom.xml")),
        run("suggest", "missing-host.xml"))) {
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines().count()).isEqualTo(1);
    }
    assertThat(run("suggest", "missing-host.xml").err())
        .isEqualTo("migcheck: missing-host.xml: no such file or directory\n");
  }
}
