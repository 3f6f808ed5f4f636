package org.migcheck.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.migcheck.testing.FuzzFile;

/**
 * Fuzzes every command with one document of each kind, written to a file so that both the fast
 * CPU reader and the JDK parser see it. Bad input must end as exit 2 with one line on stderr;
 * anything else a command throws escapes from {@link RawCli} and is a crash.
 *
 * <p>Without JAZZER_FUZZ the seed corpora under {@code DocumentFuzzTestInputs/<method>/} run as
 * regression tests; see the README's "Robustness and limits" for fuzzing runs.
 */
class DocumentFuzzTest {
  private static final String SAMPLES = "samples/";
  private static final String HOST = SAMPLES + "coffeelake-e2288g.xml";
  private static final String HOST_B = SAMPLES + "cascadelake.xml";
  private static final String GUEST = SAMPLES + "guest-custom.xml";
  private static final String DOMCAPS = SAMPLES + "coffeelake-e2288g-domcaps.xml";

  private static final FuzzFile FILE = new FuzzFile("migcheck-fuzz-");

  private static void run(String... args) {
    RawCli.run(new byte[0], args);
  }

  @FuzzTest(maxDuration = "30s")
  void capabilities(byte[] data) {
    String f = FILE.write(data);
    run("inspect", f);
    run("inspect", "--format", "json", f);
    run("compare", f, HOST);
    run("baseline", "--features", HOST, f);
    run("diff", f, HOST);
    run("check", "--format", "json", f, HOST);
    run("suggest", "--format", "text", f, HOST);
    run("fleet", "--format", "json", f, HOST);
    run("gate", "--fleet", HOST, "--candidate", f);
  }

  @FuzzTest(maxDuration = "30s")
  void domainCapabilities(byte[] data) {
    String f = FILE.write(data);
    run("inspect", f);
    run("inspect", "--format", "json", f);
    run("compare", f, HOST);
    run("baseline", "--migratable", HOST, f);
    run("diff", HOST, f);
    run("check", HOST + "," + f, HOST_B + "," + DOMCAPS);
    run("suggest", "--format", "json", f, HOST);
    run("fleet", HOST, f);
  }

  @FuzzTest(maxDuration = "30s")
  void domainAndCpu(byte[] data) {
    String f = FILE.write(data);
    run("inspect", f);
    run("inspect", "--format", "json", f);
    run("compare", HOST, f);
    run("compare", f, HOST);
    run("baseline", f, HOST);
    run("diff", f, HOST);
    run("check", "--guest", f, HOST + "," + DOMCAPS, HOST_B);
    run("gate", "--format", "junit", "--fleet", HOST, HOST_B, "--guests", f);
  }

  /** A gate policy file, with a guest and a candidate so that every rule has work. */
  @FuzzTest(maxDuration = "30s")
  void gatePolicy(byte[] data) {
    String f = FILE.write(data);
    run("gate", "--fleet", HOST, "--candidate", HOST_B, "--guests", GUEST, "--policy", f);
    run("gate", "--format", "markdown", "--fleet", HOST_B, "--candidate", HOST, "--policy", f);
  }
}
