package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.fleet.gen.FleetGenerator;

/**
 * Every command gives byte-identical output on every run: from a directory whose listing order
 * differs between runs, with fleet's worker threads, and to {@code -o FILE}, which is written
 * atomically and leaves nothing behind when the run fails.
 */
class DeterministicOutputTest {
  @TempDir static Path tmp;

  /** The input directory: on tmpfs (where listings follow creation order) when there is one. */
  private static Path hosts;

  private static final String A = "samples/skylake-a.xml";
  private static final String B = "samples/cascadelake.xml";
  private static final String HOSTS = "HOSTS";

  /** Each command with every format, HOSTS standing for the directory. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("inspect", HOSTS),
          List.of("inspect", "--format", "json", HOSTS),
          List.of("compare", A, B),
          List.of("compare", "--format", "json", B, A),
          List.of("baseline", HOSTS),
          List.of("baseline", "--features", "--migratable", HOSTS),
          List.of("diff", A, B),
          List.of("diff", "--format", "json", A, "samples/epyc-rome.xml"),
          List.of("check", SampleArgs.host("skylake-a"), SampleArgs.host("cascadelake")),
          List.of("check", "--both-ways", "--format", "json", A, B),
          List.of("suggest", HOSTS),
          List.of("suggest", "--named", "--format", "text", HOSTS),
          List.of("suggest", "--format", "json", HOSTS),
          List.of("fleet", HOSTS),
          List.of("fleet", "--format", "json", HOSTS),
          List.of("gate", "--fleet", HOSTS, "--candidate", "samples/skylake-b.xml",
              "--guests", "samples/guest-custom.xml"),
          List.of("gate", "--format", "markdown", "--fleet", HOSTS));

  @BeforeAll
  static void makeHosts() throws IOException {
    Path shm = Path.of("/dev/shm");
    Path base = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "migcheck-determinism-")
        : tmp;
    hosts = base.resolve("hosts");
  }

  @AfterAll
  static void removeHosts() throws IOException {
    deleteTree(hosts.getParent().equals(tmp) ? hosts : hosts.getParent());
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /**
   * The Intel samples with their domcapabilities and 12 generated hosts (Intel mix, so suggest
   * finds a CPU), written in the given order.
   */
  private static List<String> fill(boolean reverse) throws IOException {
    deleteTree(hosts);
    Files.createDirectories(hosts);
    List<String[]> files = new ArrayList<>();
    for (String s : List.of("skylake-a", "skylake-b", "cascadelake", "broadwell")) {
      files.add(new String[] {s + ".xml", Files.readString(Path.of("samples", s + ".xml"))});
      files.add(
          new String[] {s + "-domcaps.xml", Files.readString(Path.of("samples", s + "-domcaps.xml"))});
    }
    FleetGenerator g =
        new FleetGenerator(7, org.migcheck.fleet.gen.FleetMix.INTEL, org.migcheck.fleet.gen.CpuNamer.bundled());
    for (int i = 0; i < 12; i++) {
      files.add(new String[] {"gen-" + i + ".xml", g.capabilities(g.host(i))});
    }
    if (reverse) {
      java.util.Collections.reverse(files);
    }
    for (String[] f : files) {
      Files.writeString(hosts.resolve(f[0]), f[1]);
    }
    try (Stream<Path> s = Files.list(hosts)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static String[] args(List<String> command) {
    return command.stream().map(a -> a.equals(HOSTS) ? hosts.toString() : a).toArray(String[]::new);
  }

  @Test
  void everyCommandGivesTheSameBytesWhateverTheListingOrder() throws IOException {
    List<String> listed = fill(false);
    List<CliRun> first = new ArrayList<>();
    for (List<String> c : COMMANDS) {
      CliRun r = CliRun.run(args(c));
      assertThat(r.exit()).as(c + "\n" + r).isIn(0, 1);
      first.add(r);
    }
    List<String> listedAgain = fill(true);
    if (hosts.startsWith("/dev/shm")) {
      assertThat(listedAgain).as("tmpfs lists in creation order").isNotEqualTo(listed);
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < COMMANDS.size(); i++) {
        CliRun r = CliRun.run(args(COMMANDS.get(i)));
        assertThat(r).as(String.join(" ", COMMANDS.get(i))).isEqualTo(first.get(i));
      }
    }
  }

  @Test
  void fleetIsTheSameWithAnyNumberOfWorkerThreads() throws IOException {
    Path big = tmp.resolve("big-fleet.xml");
    FleetGenerator g = new FleetGenerator(11);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      sb.append(g.capabilities(g.host(i))).append(g.domainCapabilities(g.host(i)));
    }
    Files.writeString(big, sb);
    CliRun first = CliRun.run("fleet", "--format", "json", big.toString());
    assertThat(first.exit()).as(first.toString()).isZero();
    for (int i = 0; i < 4; i++) {
      assertThat(CliRun.run("fleet", "--format", "json", big.toString())).isEqualTo(first);
    }
  }

  static Stream<List<String>> commands() {
    return COMMANDS.stream();
  }

  /** -o FILE holds exactly what standard output would, and nothing else is left next to it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void outputFileHoldsWhatStdoutWould(List<String> command) throws IOException {
    fill(false);
    CliRun plain = CliRun.run(args(command));
    Path dir = Files.createDirectories(tmp.resolve("out-" + Math.abs(command.hashCode())));
    Path out = dir.resolve("report");
    List<String> withOutput = new ArrayList<>(command);
    withOutput.add(1, "--output=" + out);
    CliRun r = CliRun.run(args(withOutput));
    assertThat(r.exit()).isEqualTo(plain.exit());
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).isEqualTo(plain.out());
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report");
    }
  }

  /** A failed run leaves an existing output file as it was and no temporary file. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void aFailedRunLeavesTheOutputAlone(List<String> command) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("fail-" + Math.abs(command.hashCode())));
    Path out = dir.resolve("report");
    Files.writeString(out, "the previous report\n");
    Path bad = BadInputCorpusTest.CORPUS.resolve("truncated.xml");
    List<String> withOutput = new ArrayList<>(command);
    withOutput.add(1, "-o");
    withOutput.add(2, out.toString());
    // the bad file in place of the last input
    withOutput.set(withOutput.size() - 1, bad.toString());
    CliRun r = CliRun.run(args(withOutput));
    BadInputTest.assertOneLineError(r, "truncated.xml:94");
    assertThat(Files.readString(out)).isEqualTo("the previous report\n");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report");
    }
  }

  @Test
  void anOutputThatIsADirectoryIsBadInput() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("a-directory"));
    Files.writeString(dir.resolve("keep.txt"), "x");
    for (List<String> command : COMMANDS) {
      List<String> withOutput = new ArrayList<>(command);
      withOutput.add(1, "-o");
      withOutput.add(2, dir.toString());
      fill(false);
      CliRun r = CliRun.run(args(withOutput));
      BadInputTest.assertOneLineError(r, "a-directory: cannot write output");
      assertThat(dir.resolve("keep.txt")).exists();
      try (Stream<Path> s = Files.list(tmp)) {
        assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
      }
    }
  }

  /** Devices are written in place: a rename over /dev/null would replace it for everyone. */
  @Test
  void devicesAreWrittenNotReplaced() {
    Path devNull = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null here");
    for (List<String> command : COMMANDS) {
      List<String> withOutput = new ArrayList<>(command);
      withOutput.add(1, "--output=/dev/null");
      CliRun r = CliRun.run(args(withOutput));
      assertThat(r.exit()).as(r.toString()).isIn(0, 1);
      assertThat(r.out()).isEmpty();
      assertThat(Files.isRegularFile(devNull)).as("/dev/null is still a device").isFalse();
    }
  }

  /** A link as -o: the file it names gets the report, and the link stays a link. */
  @Test
  void aLinkKeepsPointingAtTheReport() throws IOException {
    Path real = Files.writeString(tmp.resolve("real-report.txt"), "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("report-link"), real);
    CliRun plain = CliRun.run("compare", A, B);
    CliRun r = CliRun.run("compare", "-o", link.toString(), A, B);
    assertThat(r.exit()).isEqualTo(plain.exit());
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo(plain.out());
  }
}
