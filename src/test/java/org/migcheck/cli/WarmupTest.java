package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

/** The start-up warm-up on a second thread must never change what a command prints. */
class WarmupTest {

  @RepeatedTest(3)
  void inspectAndDiffPrintTheSameWhileWarmingUp() {
    String[] inspect = {"inspect", "--format", "json", "samples/skylake-a.xml", "samples/guest-custom.xml"};
    String[] diff = {"diff", "samples/skylake-a.xml", "samples/cascadelake.xml"};
    String expectedInspect = CliRun.run(inspect).out();
    String expectedDiff = CliRun.run(diff).out();
    Warmup.startFor(inspect);
    assertThat(CliRun.run(inspect).out()).isEqualTo(expectedInspect);
    Warmup.startFor(diff);
    assertThat(CliRun.run(diff).out()).isEqualTo(expectedDiff);
  }
}
