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
