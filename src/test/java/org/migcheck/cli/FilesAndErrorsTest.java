package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.CliRun.run;
import static org.migcheck.cli.SampleArgs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.fleet.gate.Rollouts;
import org.migcheck.testing.SharedData;

/** -o file modes and errors, limits in migcheck's words, the launcher's own exit status. */
class FilesAndErrorsTest {
  @TempDir Path tmp;

  /** A new report gets the mode any program's new file gets here (0666 less the umask). */
  @Test
  void newReportHonoursTheUmask() throws IOException {
    Path normal = Files.createFile(tmp.resolve("made-by-createFile"));
    Path report = tmp.resolve("report.txt");
    CliRun r = run("inspect", "-o", report.toString(), sample("skylake-a.xml"));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Files.getPosixFilePermissions(report))
        .isEqualTo(Files.getPosixFilePermissions(normal));
    assertThat(tmp.toFile().list()).containsExactlyInAnyOrder("made-by-createFile", "report.txt");
  }

  /** Replacing a report keeps its mode, whatever it was. */
  @Test
  void existingReportKeepsItsMode() throws IOException {
    for (String mode : List.of("rw-rw-r--", "rw-------", "rw-r-----")) {
      Path report = tmp.resolve("report-" + mode + ".json");
      Files.writeString(report, "old");
      Files.setPosixFilePermissions(report, PosixFilePermissions.fromString(mode));
      CliRun r = run("diff", "--format", "json", "-o", report.toString(),
          sample("skylake-a.xml"), sample("cascadelake.xml"));
      assertThat(r.exit()).as(r.toString()).isEqualTo(1);
      assertThat(Files.readString(report)).startsWith("{");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
          .isEqualTo(mode);
    }
  }

  @Test
  void missingDirectoryIsNamed() {
    Path missing = tmp.resolve("nonexist");
    CliRun r = run("inspect", "-o", missing.resolve("x.txt").toString(), sample("skylake-a.xml"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("migcheck: " + missing.resolve("x.txt")
        + ": cannot write output: directory " + missing + " does not exist\n");
  }

  /** Nesting beyond the limit is reported in migcheck's words, by every reader. */
  @Test
  void nestingLimitInMigchecksWords() throws IOException {
    String deep = "<a>".repeat(201) + "</a>".repeat(201);
    Path domain = Files.writeString(tmp.resolve("deep-domain.xml"), "<domain>" + deep + "</domain>");
    Path caps = Files.writeString(tmp.resolve("deep-caps.xml"),
        "<capabilities>" + deep + "</capabilities>");
    List<CliRun> runs = new ArrayList<>();
    runs.add(run("inspect", domain.toString()));
    runs.add(CliRun.runWithStdin(Files.readString(domain), "inspect", "-"));
    runs.add(run("fleet", caps.toString()));
    for (CliRun r : runs) {
      assertThat(r.exit()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).as(r.toString())
          .contains(": elements nested more than 200 deep (migcheck's limit")
          .doesNotContain("JAXP").doesNotContain("maxElementDepth");
    }
  }

  /** --junit-time=zero makes the JUnit report byte-identical run to run; measured times vary. */
  @Test
  void junitTimesCanBeMadeDeterministic() throws IOException {
    Path candidate = Rollouts.tsxUpdate(tmp.resolve("candidate"));
    List<String> args = new ArrayList<>(List.of("gate", "--fleet", sample("skylake-a.xml"),
        sample("skylake-b.xml"), "--candidate", candidate.toString(), "--format", "junit"));
    CliRun measured = run(args.toArray(String[]::new));
    assertThat(measured.out()).containsPattern("<testsuites [^>]*time=\"\\d+\\.\\d{3}\"");
    args.add("--junit-time=zero");
    CliRun first = run(args.toArray(String[]::new));
    CliRun second = run(args.toArray(String[]::new));
    assertThat(first.exit()).as(first.toString()).isEqualTo(1);
    assertThat(first.out()).isEqualTo(second.out()).doesNotContainPattern("time=\"(?!0\")");
    assertThat(first.out().replaceAll("time=\"[0-9.]+\"", "time=\"0\""))
        .isEqualTo(measured.out().replaceAll("time=\"[0-9.]+\"", "time=\"0\""));
  }

  /** The gate example's candidate in samples/rollout is the tests' TSX update, byte for byte. */
  @Test
  void rolloutSampleIsTheTsxUpdate() throws IOException {
    Path made = Rollouts.tsxUpdate(tmp.resolve("made"));
    Path committed = SharedData.repo().resolve("samples/rollout");
    for (String f : List.of("skylake-b.xml", "skylake-b-domcaps.xml")) {
      assertThat(Files.readString(committed.resolve(f))).as(f)
          .isEqualTo(Files.readString(made.resolve(f)));
    }
  }

  /**
   * The repository launcher exits 4 when it cannot build (here: no Maven on the PATH), keeping 3
   * for migcheck's bugs.
   */
  @Test
  void launcherBuildFailureHasItsOwnStatus() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    Files.copy(SharedData.repo().resolve("migcheck"), repo.resolve("migcheck"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : List.of("bash", "dirname", "find", "sed", "env")) {
      Path found = Launch.which(tool);
      Files.createSymbolicLink(bin.resolve(tool), found);
    }
    Launch.Result r = Launch.run(repo, List.of("bash", repo.resolve("migcheck").toString(),
        "--version"), bin.toString(), 60, TimeUnit.SECONDS);
    assertThat(Launch.which("mvn", bin.toString())).as("mvn must not be on the test's PATH").isNull();
    assertThat(r.exit()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).contains("migcheck: build failed (needs JDK 17+ and Maven");
  }
}
