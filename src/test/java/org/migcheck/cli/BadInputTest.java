package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to inspect, diff, compare and baseline: exit 2, exactly one line on stderr naming the
 * culprit, no stack trace, nothing on standard output.
 */
class BadInputTest {
  @TempDir static Path dir;

  /** A command line with the bad file in the place that matters. */
  private record Cmd(String name, Function<String, String[]> args) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String GOOD = "samples/skylake-a.xml";

  private static final List<Cmd> COMMANDS =
      List.of(
          new Cmd("inspect", f -> new String[] {"inspect", f}),
          new Cmd("inspect-json", f -> new String[] {"inspect", "--format", "json", GOOD, f}),
          new Cmd("diff-a", f -> new String[] {"diff", f, GOOD}),
          new Cmd("diff-b", f -> new String[] {"diff", "--format", "json", GOOD, f}),
          new Cmd("compare-host", f -> new String[] {"compare", f, GOOD}),
          new Cmd("compare-cpu", f -> new String[] {"compare", GOOD, f}),
          new Cmd("baseline", f -> new String[] {"baseline", GOOD, f}),
          new Cmd("check-src", f -> new String[] {"check", f, GOOD}),
          new Cmd("check-dst", f -> new String[] {"check", "--format", "json", GOOD, f}),
          new Cmd("suggest", f -> new String[] {"suggest", GOOD, f}),
          new Cmd("fleet", f -> new String[] {"fleet", GOOD, f}),
          new Cmd("gate", f -> new String[] {"gate", "--fleet", GOOD, "--candidate", f}));

  private static Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  /** A file of the bad-input corpus (see {@link BadInputCorpusTest}). */
  private static String corpus(String name) {
    return BadInputCorpusTest.CORPUS.resolve(name).toString();
  }

  static Stream<Object[]> cases() throws IOException {
    List<Object[]> out = new ArrayList<>();
    String[][] files = {
      {"missing file", dir.resolve("missing.xml").toString(), "missing.xml"},
      {"directory without xml", corpus("no-xml-dir"), "no-xml-dir"},
      {"malformed xml", write("malformed.xml", "<capabilities>\n  <host>\n</capabilities>\n").toString(), "malformed.xml:3:3: malformed XML"},
      {"wrong root", corpus("wrong-root.xml"), "wrong-root.xml"},
      {"unknown model", corpus("unknown-model.xml"), "Skylake-Server-v9"},
      {"unknown feature", corpus("unknown-feature.xml"), "avx1024"},
    };
    for (Cmd c : COMMANDS) {
      for (String[] f : files) {
        out.add(new Object[] {c, f[0], f[1], f[2]});
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void badFileIsOneLineNamingIt(Cmd cmd, String what, String file, String mention) {
    CliRun r = CliRun.run(cmd.args().apply(file));
    if (what.startsWith("unknown") && cmd.name().startsWith("inspect")) {
      // inspect reports the rest of the document and warns (exit 0); verdict commands reject it
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.err().lines())
          .singleElement()
          .asString()
          .startsWith("migcheck: warning: ")
          .contains(mention)
          .contains("none bundled");
      return;
    }
    assertOneLineError(r, mention);
    assertThat(r.err()).contains(file.contains(":") ? file : file.substring(file.lastIndexOf('/') + 1));
    if (what.startsWith("unknown")) {
      assertThat(r.err()).contains("bundled cpu_map (libvirt 12.8.0)").contains("no bundled libvirt knows it");
    }
  }

  static Stream<Cmd> commands() {
    return COMMANDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void missingCpuMapIsNamed(Cmd cmd) {
    Path missing = dir.resolve("no-such-map");
    List<String> args = new ArrayList<>(List.of(cmd.args().apply(GOOD)));
    args.add(1, "--cpu-map=" + missing);
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertOneLineError(r, missing + ": cpu_map not found");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void brokenCpuMapIsNamed(Cmd cmd) throws IOException {
    Path map = Files.createDirectories(dir.resolve("broken-map-" + cmd.name()));
    Files.writeString(
        map.resolve("index.xml"),
        "<cpus>\n  <arch name='x86'>\n    <include filename='x86_gone.xml'/>\n  </arch>\n</cpus>\n");
    List<String> args = new ArrayList<>(List.of(cmd.args().apply(GOOD)));
    args.add(1, "--cpu-map");
    args.add(2, map.toString());
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertOneLineError(r, "index.xml:3");
    assertThat(r.err()).contains("x86_gone.xml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void unknownOptionIsOneLine(Cmd cmd) {
    List<String> args = new ArrayList<>(List.of(cmd.args().apply(GOOD)));
    args.add(1, "--frobnicate");
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertOneLineError(r, "Unknown option: '--frobnicate'");
    assertThat(r.err()).contains("--help");
  }

  @Test
  void domcapsWithoutHostModelCannotStandForAHost() throws IOException {
    String domcaps =
        Files.readString(Path.of("samples/skylake-a-domcaps.xml"))
            .replaceAll("(?s)<mode name='host-model' supported='yes'>.*?</mode>",
                "<mode name='host-model' supported='no'/>");
    Path f = write("no-host-model-domcaps.xml", domcaps);
    for (String[] args :
        List.of(new String[] {"diff", f.toString(), GOOD}, new String[] {"compare", f.toString(), GOOD})) {
      CliRun r = CliRun.run(args);
      assertOneLineError(r, "no-host-model-domcaps.xml: the domain capabilities have no supported host-model CPU");
    }
    // inspect still describes it
    CliRun ok = CliRun.run("inspect", f.toString());
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).contains("host-model      not supported");
  }

  @Test
  void failedRunLeavesNoOutputFileBehind() throws IOException {
    Path out = dir.resolve("out").resolve("report.txt");
    Files.createDirectories(out.getParent());
    for (String[] args :
        List.of(
            new String[] {"inspect", "-o", out.toString(), GOOD, dir.resolve("missing.xml").toString()},
            new String[] {"diff", "-o", out.toString(), GOOD, dir.resolve("missing.xml").toString()})) {
      CliRun r = CliRun.run(args);
      assertThat(r.exit()).isEqualTo(2);
      try (Stream<Path> files = Files.list(out.getParent())) {
        assertThat(files).as("no output and no temporary file").isEmpty();
      }
    }
  }

  @Test
  void existingOutputFileIsKeptWhenARunFails() throws IOException {
    Path out = write("kept.txt", "previous report\n");
    CliRun r = CliRun.run("inspect", "-o", out.toString(), dir.resolve("missing.xml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("previous report\n");
  }

  @Test
  void unwritableOutputIsABadInput() {
    Path out = dir.resolve("no-such-dir").resolve("r.txt");
    CliRun r = CliRun.run("inspect", "-o", out.toString(), GOOD);
    assertOneLineError(r, "r.txt: cannot write output");
  }

  static void assertOneLineError(CliRun r, String mention) {
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).as("stdout").isEmpty();
    assertThat(r.errLines()).as(r.toString()).hasSize(1);
    assertThat(r.err()).startsWith("migcheck: ").contains(mention);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
