package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.SampleArgs.host;
import static org.migcheck.cli.CliRun.run;
import static org.migcheck.cli.SampleArgs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path tmp;

  @Test
  void oneWayTextReport() throws IOException {
    CliRun r = run("check", host("skylake-a"), host("cascadelake"));
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero(); // RISKY passes without --strict
    Golden.assertMatches("check-skylake-a-cascadelake.txt", r.out());
    assertThat(run("check", "--strict", host("skylake-a"), host("cascadelake")).exit())
        .isEqualTo(1);
  }

  @Test
  void guestReportTextAndJson() throws IOException {
    String[] args = {"check", host("skylake-a"), host("broadwell"), "--guest",
        sample("guest-passthrough.xml")};
    CliRun text = run(args);
    assertThat(text.exit()).isEqualTo(1);
    Golden.assertMatches("check-skylake-a-broadwell-passthrough.txt", text.out());
    CliRun json = run(concat(args, "--format", "json"));
    assertThat(json.exit()).isEqualTo(1);
    Golden.assertMatches("check-skylake-a-broadwell-passthrough.json", json.out());
  }

  @Test
  void bothWaysJson() throws IOException {
    CliRun r = run("check", "--both-ways", "--format", "json", host("skylake-a"),
        host("epyc-rome"), "--mode", "host-model,custom");
    assertThat(r.exit()).isEqualTo(1);
    Golden.assertMatches("check-skylake-a-epyc-rome-both.json", r.out());
    assertThat(r.out()).contains("\"mode\": \"host-model\"").doesNotContain("host-passthrough");
  }

  @Test
  void identicalHostsExitZeroAndHostsMayBeDirectoriesOrEitherOrder() throws IOException {
    Path a = tmp.resolve("a");
    Files.createDirectories(a);
    Files.copy(Path.of(sample("skylake-a.xml")), a.resolve("caps.xml"));
    Files.copy(Path.of(sample("skylake-a-domcaps.xml")), a.resolve("dc.xml"));
    Files.copy(Path.of(sample("guest-custom.xml")), a.resolve("guest.xml")); // skipped
    CliRun r = run("check", "--strict", a.toString(),
        sample("skylake-b-domcaps.xml") + "," + sample("skylake-b.xml"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("caps -> skylake-b").doesNotContain("RISKY", "UNSAFE");
  }

  @Test
  void modelAndFeatures() {
    CliRun r = run("check", host("skylake-a"), host("icelake-notsx"), "--model",
        "Skylake-Server-IBRS", "--feature", "+pku,-hle,-rtm");
    // --model is a custom CPU: only custom mode is judged (host-passthrough would be UNSAFE)
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("custom            SAFE").doesNotContain("host-passthrough", "host-model  ");
    CliRun other = run("check", host("skylake-a"), host("icelake-notsx"), "--model",
        "Skylake-Server-IBRS", "--mode", "host-model");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("--model judges a custom CPU: it goes with --mode custom");
    CliRun tsx = run("check", host("skylake-a"), host("icelake-notsx"), "--model",
        "Skylake-Server-IBRS", "--mode", "custom");
    assertThat(tsx.exit()).isEqualTo(1);
    assertThat(tsx.out()).contains("hle  ").contains("CPUID 0x7.0 EBX[4]");
  }

  @Test
  void writesTheReportToAFile() throws IOException {
    Path out = tmp.resolve("report.json");
    CliRun r = run("check", host("skylake-a"), host("skylake-b"), "--format", "json", "-o",
        out.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("{\n  \"source\": \"skylake-a\"")
        .contains("\"result\": \"SAFE\"");
  }

  private static void assertBadInput(CliRun r, String... words) {
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("migcheck: ").contains(words);
  }

  @Test
  void badInput() throws IOException {
    assertBadInput(run("check", "nope.xml", host("skylake-b")), "nope.xml",
        "no such file or directory");
    Path broken = tmp.resolve("broken.xml");
    Files.writeString(broken, "<capabilities><host>");
    assertBadInput(run("check", broken.toString(), host("skylake-b")), broken.toString());
    assertBadInput(run("check", sample("guest-custom.xml"), host("skylake-b")),
        "guest-custom.xml", "is not host data");
    assertBadInput(run("check", sample("skylake-a.xml") + "," + sample("skylake-b.xml"),
        host("skylake-b")), "2 <capabilities> documents");
    assertBadInput(run("check", sample("skylake-a-domcaps.xml"), host("skylake-b")),
        "no <capabilities> document");
    assertBadInput(run("check", host("skylake-a"), host("skylake-b"), "--guest",
        sample("skylake-a.xml")), "skylake-a.xml: no <domain> document found");
    assertBadInput(run("check", host("skylake-a"), host("skylake-b"), "--mode", "maximum"),
        "unknown mode 'maximum'");
    assertBadInput(run("check", host("skylake-a"), host("skylake-b"), "--feature", "+pku"),
        "--feature needs --model");
    assertBadInput(run("check", host("skylake-a"), host("skylake-b"), "--model", "Turbo"),
        "Unknown CPU model Turbo");
    assertBadInput(run("check", host("skylake-a")), "Missing required parameter");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
