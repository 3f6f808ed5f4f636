package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --version and --help of every command. */
class GeneralOptionsTest {

  @Test
  void versionNamesTheBundledMap() {
    CliRun r = CliRun.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).matches("(?s)migcheck \\d+\\.\\d+\\.\\d+.*\\n")
        .contains("bundled cpu_maps: libvirt 7.0.0, 9.0.0, 11.3.0, 12.8.0");
  }

  /**
   * A lone --version (or -V) builds a small programmatic top-level command: it prints exactly
   * what the whole annotated tree prints for it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V"})
  void versionAloneIsTheWholeTreesVersion(String option) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    CliContext c = new CliContext(new java.io.PrintWriter(out, true),
        new java.io.PrintWriter(err, true), java.io.InputStream.nullInputStream());
    int code = Cli.commandLine(c).execute(option);
    CliRun r = CliRun.run(option);
    assertThat(Cli.commandLine(c, option).getCommandSpec().userObject() instanceof MigcheckCommand)
        .as("the programmatic spec, not MigcheckCommand's annotations").isFalse();
    assertThat(r.out()).isEqualTo(out.toString()).startsWith("migcheck ");
    assertThat(r.err()).isEqualTo(err.toString()).isEmpty();
    assertThat(r.exit()).isEqualTo(code).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"inspect", "diff", "compare", "baseline"})
  void everyCommandHasHelp(String command) {
    CliRun r = CliRun.run(command, "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Usage: migcheck " + command).contains("--cpu-map");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void helpExplainsExitStatuses() {
    assertThat(CliRun.run("diff", "--help").out())
        .contains("Exit status:\n  0   the expanded feature sets are equal and the vendors agree\n"
            + "  1   the CPUs differ\n  2   bad input")
        .contains("--format=FORMAT");
    assertThat(CliRun.run("inspect", "--help").out())
        .contains("Exit status:\n  0   the report was written\n  2   bad input");
  }

  @Test
  void topLevelHelpListsTheNewCommands() {
    CliRun r = CliRun.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("  inspect ").contains("  diff ");
  }

  @Test
  void optionValuesMayStartWithADash() {
    for (String[] args :
        new String[][] {
          {"--feature", "-hle,-rtm"}, {"--feature=-hle,-rtm"},
        }) {
      java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(
          "check", "--mode", "custom", "--model", "Skylake-Server-IBRS"));
      all.addAll(java.util.List.of(args));
      all.add("samples/skylake-a.xml");
      all.add("samples/icelake-notsx.xml");
      CliRun r = CliRun.run(all.toArray(String[]::new));
      org.assertj.core.api.Assertions.assertThat(r.exit()).as(r.toString()).isZero();
      org.assertj.core.api.Assertions.assertThat(r.out()).contains("custom            SAFE");
    }
  }
}
