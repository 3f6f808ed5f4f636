package org.migcheck.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launchers' per-run JVM options (src/release/lib/jvm.sh, sourced by bash as both launchers
 * do), and that the JVM running these tests accepts every combination they make.
 */
class JvmOptionsTest {
  private static final Path JVM_SH = Path.of("src/release/lib/jvm.sh");

  /** The options jvm.sh picks for ARGS with JAVA_OPTS set to javaOpts (class data off). */
  private static List<String> options(String javaOpts, String... args)
      throws IOException, InterruptedException {
    return optionsWithC2Bytes(javaOpts, null, args);
  }

  /** The same with MIGCHECK_C2_BYTES set (when not null). */
  private static List<String> optionsWithC2Bytes(String javaOpts, String c2Bytes, String... args)
      throws IOException, InterruptedException {
    String script = ". \"$0\"; jvm_options java /nonexistent.jar /nonexistent /nonexistent \"$@\";"
        + " printf '%s\\n' \"${jvm_opts[@]}\"";
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", "-c", script, JVM_SH.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("MIGCHECK_CDS", "off");
    pb.environment().put("JAVA_OPTS", javaOpts);
    if (c2Bytes != null) {
      pb.environment().put("MIGCHECK_C2_BYTES", c2Bytes);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "inspect", "compare", "diff", "suggest", "--version"})
  void shortCommandsGetOneC1Thread(String command) throws Exception {
    assertThat(options("", command, "x.xml"))
        .contains("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"baseline", "fleet", "gate"})
  void manyHostCommandsKeepTheirCompilerThreads(String command) throws Exception {
    assertThat(options("", command, "x.xml"))
        .contains("-XX:TieredStopAtLevel=1", "-XX:NewRatio=6")
        .doesNotContain("-XX:CICompilerCount=1");
  }

  /**
   * Input over MIGCHECK_C2_BYTES in all (files, --opt=FILE values, directories; missing paths do
   * not count) gets C2 alone; at or under it, C1.
   */
  @Test
  void bigInputGetsC2(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path a = java.nio.file.Files.writeString(dir.resolve("a.xml"), "x".repeat(600));
    Path b = java.nio.file.Files.writeString(dir.resolve("b.xml"), "x".repeat(600));
    Path sub = java.nio.file.Files.createDirectory(dir.resolve("fleet"));
    java.nio.file.Files.writeString(sub.resolve("h.xml"), "x".repeat(1500));
    String c2 = "-XX:-TieredCompilation";
    assertThat(optionsWithC2Bytes("", "1000", "baseline", a.toString())).doesNotContain(c2);
    assertThat(optionsWithC2Bytes("", "1000", "baseline", a.toString(), b.toString())).contains(c2);
    assertThat(optionsWithC2Bytes("", "1000", "fleet", "--policy=" + a, b.toString())).contains(c2);
    assertThat(optionsWithC2Bytes("", "1000", "gate", sub.toString())).contains(c2);
    assertThat(optionsWithC2Bytes("", "1000", "fleet", a.toString(), dir.resolve("none.xml").toString()))
        .doesNotContain(c2).contains("-XX:TieredStopAtLevel=1");
    assertThat(optionsWithC2Bytes("", "1000", "check", a.toString(), b.toString())).doesNotContain(c2);
  }

  /**
   * baseline and compare get the CPU commands' class data (..-cpu.jsa or .aot), unless they ask
   * for help or the version; every other command the whole training's.
   */
  @Test
  void cpuCommandsGetTheirOwnClassData(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String version =
        System.getProperty("java.runtime.version").replaceAll("[^A-Za-z0-9.+_-]", "_");
    String ext = Runtime.version().feature() >= 25 ? ".aot" : ".jsa";
    Path jar = java.nio.file.Files.writeString(dir.resolve("migcheck-all.jar"), "jar");
    Path whole = dir.resolve("migcheck-java-" + version + ext);
    Path cpu = dir.resolve("migcheck-java-" + version + "-cpu" + ext);
    for (Path p : List.of(whole, cpu)) {
      java.nio.file.Files.writeString(p, "class data");
      java.nio.file.Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(
          java.nio.file.Files.getLastModifiedTime(jar).toMillis() + 60_000));
    }
    Path home = Path.of(System.getProperty("java.home"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.exists(home.resolve("release"))
            || org.migcheck.testing.SharedData.inCi(),
        "this Java runtime has no release file: the launchers cannot tell its version");
    String java = home.resolve("bin").resolve("java").toString();
    for (String[] args : List.of(new String[] {"baseline", "a.xml"},
        new String[] {"compare", "a.xml", "b.xml"},
        new String[] {"baseline", "--features", "a.xml"})) {
      assertThat(classData(java, jar, dir, args)).as(String.join(" ", args))
          .isEqualTo(cpu.toString());
    }
    for (String[] args : List.of(new String[] {"check", "a.xml"}, new String[] {"--version"},
        new String[] {"baseline", "--help"}, new String[] {"compare", "-V"},
        new String[] {"compare", "@args"}, new String[] {"fleet", "dir"})) {
      assertThat(classData(java, jar, dir, args)).as(String.join(" ", args))
          .isEqualTo(whole.toString());
    }
  }

  /** The class-data file the options name (-XX:SharedArchiveFile= or -XX:AOTCache=), or "". */
  private static String classData(String java, Path jar, Path dir, String... args)
      throws IOException, InterruptedException {
    String script = ". \"$0\"; java_bin=$1; jar=$2; dir=$3; shift 3;"
        + " jvm_options \"$java_bin\" \"$jar\" \"$dir\" /nonexistent \"$@\";"
        + " printf '%s\\n' \"${jvm_opts[@]}\"";
    List<String> cmd = new java.util.ArrayList<>(
        List.of("bash", "-c", script, JVM_SH.toString(), java, jar.toString(), dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines()
        .filter(l -> l.startsWith("-XX:SharedArchiveFile=") || l.startsWith("-XX:AOTCache="))
        .map(l -> l.substring(l.indexOf('=') + 1)).findFirst().orElse("");
  }

  /** A tiered JIT refuses one compiler thread: JAVA_OPTS that pick the JIT get none forced. */
  @ParameterizedTest
  @ValueSource(strings = {"-XX:TieredStopAtLevel=4", "-XX:+TieredCompilation", "-XX:CICompilerCount=3",
      "-Xint"})
  void javaOptsThatPickTheJitWin(String javaOpts) throws Exception {
    assertThat(options(javaOpts, "check", "x.xml")).doesNotContain("-XX:CICompilerCount=1");
  }

  /** The JVM that runs the tests starts with the options of a short command and of a fleet. */
  @Test
  void theJvmAcceptsThem() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (List<String> opts : List.of(options("", "check", "x.xml"), options("", "fleet", "x.xml"))) {
      List<String> cmd = new java.util.ArrayList<>(List.of(java));
      cmd.addAll(opts);
      cmd.add("-version");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
      assertThat(out).doesNotContainIgnoringCase("warning").doesNotContain("Error");
    }
  }
}
