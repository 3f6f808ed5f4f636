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
    String script = ". \"$0\"; jvm_options java /nonexistent.jar /nonexistent /nonexistent \"$@\";"
        + " printf '%s\\n' \"${jvm_opts[@]}\"";
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", "-c", script, JVM_SH.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("MIGCHECK_CDS", "off");
    pb.environment().put("JAVA_OPTS", javaOpts);
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
