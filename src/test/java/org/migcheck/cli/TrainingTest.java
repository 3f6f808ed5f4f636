package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The class-data training run really runs its commands: a broken one would train on errors. */
class TrainingTest {
  @Test
  void everyCommandRunsOnTheSamples() {
    String samples = System.getProperty("migcheck.basedir", ".") + "/samples";
    List<Integer> codes = Training.run(samples);
    // all but the last end with a result (0 or 1); the last is the usage error it trains on
    assertThat(codes.subList(0, codes.size() - 1)).allSatisfy(c -> assertThat(c).isIn(0, 1));
    assertThat(codes.get(codes.size() - 1)).isEqualTo(ExitCodes.BAD_INPUT);
  }

  /** The CPU commands' training too; its only usage error is its last run. */
  @Test
  void everyCpuCommandRunsOnTheSamples() {
    String samples = System.getProperty("migcheck.basedir", ".") + "/samples";
    List<Integer> codes = Training.runCpu(samples);
    assertThat(codes).hasSizeGreaterThan(5);
    assertThat(codes.subList(0, codes.size() - 1)).allSatisfy(c -> assertThat(c).isIn(0, 1));
    assertThat(codes.get(codes.size() - 1)).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
