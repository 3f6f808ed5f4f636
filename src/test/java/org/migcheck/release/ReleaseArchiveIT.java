package org.migcheck.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.cli.Cli;
import org.migcheck.cli.Launch;
import org.migcheck.testing.SharedData;

/**
 * The release archive made by {@code mvn package}, unpacked outside the repository, run with a
 * PATH that has Java but no Maven: every command, man pages, completion, the README's CI steps.
 */
class ReleaseArchiveIT {
  @TempDir static Path tmp;
  static Path home;
  static Path bin;
  static String version;

  /** Where the tools the launcher and these tests need are, but no mvn. */
  @BeforeAll
  static void unpack() throws Exception {
    version = System.getProperty("migcheck.version", "0.1.0");
    Path tar = SharedData.repo().resolve("target/migcheck-" + version + ".tar.gz");
    assertThat(tar).as("mvn package makes the archive").exists();
    bin = Files.createDirectories(tmp.resolve("path"));
    for (String tool : List.of("bash", "dirname", "readlink", "sed", "tr", "mv", "rm", "cat", "env",
        "tar", "gzip", "ls", "sh")) {
      Files.createSymbolicLink(bin.resolve(tool), Launch.which(tool));
    }
    Files.createSymbolicLink(bin.resolve("java"),
        Path.of(System.getProperty("java.home"), "bin", "java").toRealPath());
    assertThat(Launch.which("mvn", bin.toString())).isNull();
    Path unpacked = Files.createDirectories(tmp.resolve("opt"));
    Launch.Result r = shell(unpacked, "tar xzf " + tar);
    assertThat(r.exit()).as(r.toString()).isZero();
    home = unpacked.resolve("migcheck-" + version);
    assertThat(home.resolve("bin/migcheck")).isExecutable();
  }

  static Launch.Result shell(Path dir, String script) throws IOException, InterruptedException {
    return Launch.run(dir, List.of(bin.resolve("bash").toString(), "-c", script), bin.toString(),
        5, TimeUnit.MINUTES);
  }

  static Launch.Result migcheck(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/migcheck").toString()));
    cmd.addAll(List.of(args));
    return Launch.run(dir, cmd, bin.toString(), 5, TimeUnit.MINUTES);
  }

  /**
   * An in-process run from the repository root (the tests' working directory), where the same
   * relative sample paths name the same files as in the archive.
   */
  static String[] inProcess(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Cli(new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream())
        .run(args);
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  @Test
  void contentsAreComplete() {
    for (String f : List.of("bin/migcheck", "lib/migcheck-all.jar", "lib/jvm.sh", "README.md",
        "LICENSES.md",
        "share/doc/cpu-map/README.md", "share/man/man1/migcheck.1", "share/man/man1/migcheck-gate.1",
        "share/bash-completion/completions/migcheck", "share/zsh/site-functions/_migcheck",
        "samples/skylake-a.xml", "samples/fleet/skylake-a.xml", "samples/rollout/policy.conf")) {
      assertThat(home.resolve(f)).as(f).isRegularFile();
    }
    // one man page per command
    for (String c : List.of("inspect", "diff", "compare", "baseline", "check", "suggest", "fleet",
        "gate")) {
      assertThat(home.resolve("share/man/man1/migcheck-" + c + ".1")).as(c).isRegularFile();
    }
    // samples/fleet/ links to the sample files, relative links that still resolve
    assertThat(Files.isSymbolicLink(home.resolve("samples/fleet/skylake-a.xml"))).isTrue();
    assertThat(home.resolve("samples/fleet/skylake-a.xml")).isRegularFile();
  }

  /** Every command from the unpacked archive prints what migcheck prints in-process. */
  @Test
  void everyCommandRunsWithoutMaven() throws Exception {
    List<String[]> runs = List.of(
        new String[] {"--version"},
        new String[] {"--help"},
        new String[] {"inspect", "samples/skylake-a.xml", "samples/guest-custom.xml"},
        new String[] {"diff", "samples/skylake-a.xml", "samples/cascadelake.xml"},
        new String[] {"compare", "samples/skylake-a.xml", "samples/cascadelake.xml"},
        new String[] {"baseline", "samples/skylake-a.xml", "samples/icelake-notsx.xml"},
        new String[] {"check", "--both-ways", "samples/skylake-a.xml,samples/skylake-a-domcaps.xml",
            "samples/broadwell.xml,samples/broadwell-domcaps.xml"},
        new String[] {"suggest", "samples/fleet/skylake-a.xml", "samples/fleet/broadwell.xml"},
        new String[] {"fleet", "--format", "json", "samples/fleet/"},
        new String[] {"gate", "--fleet", "samples/fleet/", "--candidate", "samples/rollout/",
            "--guests", "samples/guests/", "--policy", "samples/rollout/policy.conf",
            "--format", "junit", "--junit-time=zero"},
        new String[] {"inspect", "samples/README.md"});
    for (String[] args : runs) {
      Launch.Result r = migcheck(home, args);
      String[] expected = inProcess(args);
      String what = String.join(" ", args) + "\n" + r;
      assertThat(r.exit()).as(what).isEqualTo(Integer.parseInt(expected[0]));
      assertThat(r.out()).as(what).isEqualTo(expected[1]);
      assertThat(r.err()).as(what).isEqualTo(expected[2]);
    }
  }

  /** The class data a launcher records for this runtime: an AOT cache from JDK 25 on. */
  private static String classData() {
    return classData("");
  }

  /** The same for the CPU commands (suffix "-cpu") or the others (""). */
  private static String classData(String suffix) {
    return "migcheck-java-" + System.getProperty("java.runtime.version") + suffix
        + (Runtime.version().feature() >= 25 ? ".aot" : ".jsa");
  }

  /**
   * The first run records the class data for this runtime, a CPU command its own; later runs
   * use them.
   */
  @Test
  void classDataArchiveIsMadeForTheRuntime() throws Exception {
    Path copy = Files.createDirectories(tmp.resolve("cds"));
    assertThat(shell(copy, "tar xzf " + SharedData.repo().resolve(
        "target/migcheck-" + version + ".tar.gz")).exit()).isZero();
    Path h = copy.resolve("migcheck-" + version);
    Path java = Path.of(System.getProperty("java.home"));
    assumeTrue(Files.exists(java.resolve("release")) || SharedData.inCi(),
        "this Java runtime has no release file: the launcher cannot tell its version");
    Launch.Result first = Launch.run(h, List.of(h.resolve("bin/migcheck").toString(), "--version"),
        bin.toString(), 2, TimeUnit.MINUTES);
    assertThat(first.exit()).as(first.toString()).isZero();
    try (Stream<Path> lib = Files.list(h.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .as("one archive for this runtime, no temporary file left")
          .containsExactlyInAnyOrder("migcheck-all.jar", "jvm.sh", classData());
    }
    Launch.Result second = Launch.run(h, List.of(h.resolve("bin/migcheck").toString(),
        "compare", "samples/skylake-a.xml", "samples/cascadelake.xml"), bin.toString(), 2,
        TimeUnit.MINUTES);
    assertThat(second.exit()).isEqualTo(1);
    assertThat(second.out()).isEqualTo(inProcess("compare", "samples/skylake-a.xml",
        "samples/cascadelake.xml")[1]);
    assertThat(second.err()).isEmpty();
    try (Stream<Path> lib = Files.list(h.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .as("compare, a CPU command, records the CPU commands' own archive")
          .containsExactlyInAnyOrder("migcheck-all.jar", "jvm.sh", classData(), classData("-cpu"));
    }
    assertThat(Files.size(h.resolve("lib").resolve(classData("-cpu"))))
        .isLessThan(Files.size(h.resolve("lib").resolve(classData())));
    // MIGCHECK_CDS=off: nothing recorded
    Files.delete(h.resolve("lib").resolve(classData()));
    Files.delete(h.resolve("lib").resolve(classData("-cpu")));
    Launch.Result off = Launch.run(h, List.of(h.resolve("bin/migcheck").toString(), "--version"),
        Map.of("PATH", bin.toString(), "MIGCHECK_CDS", "off"), 2, TimeUnit.MINUTES);
    assertThat(off.exit()).isZero();
    try (Stream<Path> lib = Files.list(h.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("migcheck-all.jar", "jvm.sh");
    }
  }

  /** The launcher works through a symbolic link (an install into /usr/local/bin). */
  @Test
  void launcherWorksThroughALink() throws Exception {
    Path linkDir = Files.createDirectories(tmp.resolve("usr-local-bin"));
    Path link = Files.createSymbolicLink(linkDir.resolve("migcheck"), home.resolve("bin/migcheck"));
    Launch.Result r = Launch.run(tmp, List.of(link.toString(), "--version"), bin.toString(), 2,
        TimeUnit.MINUTES);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("migcheck " + version + "\n");
  }

  /** No Java: a clear line and exit 4, not 3 (migcheck's bugs) nor 127. */
  @Test
  void noJavaExitsFour() throws Exception {
    Path noJava = Files.createDirectories(tmp.resolve("nojava"));
    for (String tool : List.of("bash", "dirname", "readlink", "sed", "tr", "env")) {
      Files.createSymbolicLink(noJava.resolve(tool), Launch.which(tool));
    }
    Launch.Result r = Launch.run(home, List.of(home.resolve("bin/migcheck").toString(),
        "--version"), noJava.toString(), 1, TimeUnit.MINUTES);
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).isEqualTo(
        "migcheck: no Java runtime found (install Java 17 or newer, or set JAVA_HOME)\n");
  }

  /** -o files get the umask's mode, as with any program. */
  @Test
  void reportsHonourTheUmask() throws Exception {
    for (var e : Map.of("022", "rw-r--r--", "077", "rw-------", "002", "rw-rw-r--").entrySet()) {
      Path out = tmp.resolve("report-" + e.getKey() + ".txt");
      Launch.Result r = shell(home, "umask " + e.getKey() + " && bin/migcheck inspect -o " + out
          + " samples/skylake-a.xml");
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
          .as("umask " + e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** The zip holds the same files as the tar.gz. */
  @Test
  void zipMatchesTarGz() throws Exception {
    Path zip = SharedData.repo().resolve("target/migcheck-" + version + ".zip");
    int files = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.isDirectory()) {
          continue;
        }
        Path inTar = tmp.resolve("opt").resolve(e.getName());
        assertThat(inTar).as(e.getName()).exists();
        byte[] expected = Files.isSymbolicLink(inTar)
            ? Files.readSymbolicLink(inTar).toString().getBytes(StandardCharsets.UTF_8) // a link
            : Files.readAllBytes(inTar);
        assertThat(in.readAllBytes()).as(e.getName()).isEqualTo(expected);
        files++;
      }
    }
    try (Stream<Path> all = Files.walk(home)) {
      long tarFiles = all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().matches(".*\\.(jsa|aot)")).count();
      assertThat(files).isEqualTo((int) tarFiles);
    }
  }

  /** Installed under a prefix, man finds every page, and they render with their sections. */
  @Test
  void manPagesInstall() throws Exception {
    Path man = tool("man", "man-db");
    Path prefix = install("prefix");
    for (String page : List.of("migcheck", "migcheck-gate", "migcheck-check")) {
      Launch.Result where = Launch.run(tmp, List.of(man.toString(), "-w", page),
          Map.of("PATH", System.getenv("PATH"), "MANPATH", prefix.resolve("share/man").toString()),
          1, TimeUnit.MINUTES);
      assertThat(where.exit()).as(where.toString()).isZero();
      assertThat(where.out().strip()).isEqualTo(
          prefix.resolve("share/man/man1/" + page + ".1").toString());
    }
    Launch.Result text = Launch.run(tmp, List.of(man.toString(), "-P", "cat", "migcheck-gate"),
        Map.of("PATH", System.getenv("PATH"), "MANPATH", prefix.resolve("share/man").toString(),
            "MANWIDTH", "80"), 1, TimeUnit.MINUTES);
    assertThat(text.exit()).as(text.toString()).isZero();
    assertThat(text.out()).contains("migcheck-gate - Check a fleet rollout in CI")
        .contains("--junit-time").contains("EXIT STATUS").contains("EXAMPLES")
        .contains("migcheck gate --fleet samples/fleet/");
  }

  /** bash completion completes commands and options from the installed script. */
  @Test
  void bashCompletionInstalls() throws Exception {
    Path script = home.resolve("share/bash-completion/completions/migcheck");
    Launch.Result r = shell(tmp, "source " + script + " && complete -p migcheck"
        + " && COMP_WORDS=(migcheck ga) COMP_CWORD=1 COMP_LINE='migcheck ga' COMP_POINT=11"
        + " && _complete_migcheck && echo \"${COMPREPLY[@]}\""
        + " && COMP_WORDS=(migcheck gate --ju) COMP_CWORD=2 COMP_LINE='migcheck gate --ju'"
        + " COMP_POINT=18 && _complete_migcheck 2>/dev/null; echo \"${COMPREPLY[@]}\"");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("complete -o default -F _complete_migcheck migcheck\n")
        .contains("\ngate\n").endsWith("--junit-time\n");
  }

  /**
   * zsh autoloads {@code _migcheck} from its fpath, which registers picocli's completion function
   * through bashcompinit (an interactive TAB is not simulated here).
   */
  @Test
  void zshCompletionInstalls() throws Exception {
    Path zsh = tool("zsh", "zsh");
    Path prefix = install("zprefix");
    Launch.Result r = Launch.run(tmp, List.of(zsh.toString(), "-fc",
        "fpath=(" + prefix.resolve("share/zsh/site-functions") + " $fpath);"
            + " autoload -U compinit && compinit -u -D; print -r -- ${_comps[migcheck]};"
            + " autoload -Uz _migcheck && _migcheck; print -r -- ${_comps[migcheck]};"
            + " print -r -- ${+functions[_picocli_migcheck_gate]}"),
        Map.of("PATH", System.getenv("PATH")), 1, TimeUnit.MINUTES);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(
        "_migcheck\n_bash_complete -F _complete_migcheck -o default\n1\n");
  }

  /**
   * The README's CI examples: the gate jobs' commands run against the built archive, in a work
   * directory laid out as the examples expect (inventory/, rollout/, domains/, the policy).
   */
  @Test
  void readmeCiStepsRun() throws Exception {
    String readme = Files.readString(SharedData.repo().resolve("README.md"));
    List<List<String>> jobs = CiExamples.gateSteps(readme);
    assertThat(jobs).as("GitLab and GitHub Actions examples").hasSize(2);
    int job = 0;
    for (List<String> steps : jobs) {
      Path work = Files.createDirectories(tmp.resolve("ci-" + job++));
      Path samples = SharedData.repo().resolve("samples");
      copyTree(samples.resolve("fleet"), work.resolve("inventory"));
      copyTree(samples.resolve("guests"), work.resolve("domains"));
      Files.createDirectories(work.resolve("rollout"));
      for (String f : List.of("skylake-b.xml", "skylake-b-domcaps.xml")) {
        Files.copy(samples.resolve("rollout").resolve(f), work.resolve("rollout").resolve(f));
      }
      Files.copy(samples.resolve("rollout/policy.conf"), work.resolve("fleet-policy.conf"));
      // the artifact: target/ for GitLab, the download directory for GitHub
      Path tar = SharedData.repo().resolve("target/migcheck-" + version + ".tar.gz");
      Files.createDirectories(work.resolve("target"));
      Files.copy(tar, work.resolve("target").resolve(tar.getFileName()));
      Files.copy(tar, work.resolve(tar.getFileName()));
      assertThat(steps).isNotEmpty();
      for (String step : steps) {
        Launch.Result r = shell(work, step);
        // the sample rollout breaks rules: the gate exits 1, the job fails as it should
        assertThat(r.exit()).as(step + "\n" + r).isIn(0, 1);
        assertThat(r.err()).as(step).isEmpty();
      }
      String all = String.join("\n", steps);
      if (all.contains("-o gate.xml")) {
        assertThat(Files.readString(work.resolve("gate.xml")))
            .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"migcheck gate\"");
      }
      if (all.contains("-o gate.md")) {
        assertThat(Files.readString(work.resolve("gate.md"))).startsWith("## ❌ migcheck gate: FAIL");
      }
    }
  }

  /** A tool these tests need: skipped without it on a user's clone, a failure under CI=true. */
  static Path tool(String name, String debianPackage) {
    Path p = Launch.which(name, System.getenv("PATH"));
    String why = name + " is not installed (apt-get install " + debianPackage + ")";
    if (SharedData.inCi()) {
      assertThat(p).as(why).isNotNull();
    }
    assumeTrue(p != null, why);
    return p;
  }

  /** The archive's share/ installed under a new prefix, as a packager would. */
  static Path install(String name) throws IOException {
    Path prefix = tmp.resolve(name);
    copyTree(home.resolve("share"), prefix.resolve("share"));
    return prefix;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
