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

  /** check reads its hosts' documents ahead (siblings too) and prints what it prints without. */
  @RepeatedTest(3)
  void checkPrintsTheSameWithItsDocumentsReadAhead() {
    String[] check = {"check", "--both-ways", "samples/skylake-a.xml",
        "samples/cascadelake.xml,samples/cascadelake-domcaps.xml"};
    CliRun expected = CliRun.run(check);
    Warmup.startFor(check);
    java.util.List<String> read = java.util.List.of("samples/skylake-a.xml",
        "samples/skylake-a-domcaps.xml", "samples/cascadelake.xml",
        "samples/cascadelake-domcaps.xml");
    assertThat(read).allMatch(WarmupTest::promised);
    CliRun warmed = CliRun.run(check);
    assertThat(read).as("each read ahead is taken").noneMatch(WarmupTest::promised);
    assertThat(warmed.out()).isEqualTo(expected.out());
    assertThat(warmed.err()).isEqualTo(expected.err());
    assertThat(warmed.exit()).isEqualTo(expected.exit());
  }

  private static boolean promised(String file) {
    return org.migcheck.input.ReadAhead.DOCUMENTS.promised(
        new org.migcheck.read.InputFile(file, java.nio.file.Path.of(file)));
  }

  @org.junit.jupiter.api.Test
  void checkReportsABadDocumentReadAheadAsItsOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path f = dir.resolve("bad.xml");
    java.nio.file.Files.writeString(f, "<capabilities><host><cpu>\n");
    String[] check = {"check", f.toString(), "samples/skylake-a.xml"};
    CliRun expected = CliRun.run(check);
    Warmup.startFor(check);
    CliRun warmed = CliRun.run(check);
    assertThat(warmed.exit()).isEqualTo(2).isEqualTo(expected.exit());
    assertThat(warmed.err()).isEqualTo(expected.err()).contains("bad.xml");
  }

  @RepeatedTest(3)
  void baselineUsesCpusReadAheadAndPrintsTheSame() {
    String[] args = {"baseline", "samples/skylake-a.xml", "samples/cascadelake.xml"};
    CliRun expected = CliRun.run(args);
    Warmup.startFor(args);
    CliRun warmed = CliRun.run(args);
    assertThat(warmed.out()).isEqualTo(expected.out());
    assertThat(warmed.exit()).isEqualTo(expected.exit());
    // each entry is used once
    assertThat(cpusPromised("samples/skylake-a.xml")).isFalse();
  }

  /**
   * An input of {@link Warmup#READ_FIRST_BYTES} or more is read before the map is loaded, which
   * the command loads while it waits: the same output; and with a map that fails as well as bad
   * input, the input's error is still the one reported, as without the warm-up.
   */
  @org.junit.jupiter.api.Test
  void aLargeBaselineInputIsReadFirstAndPrintsTheSame(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("fleet.xml");
    String host = java.nio.file.Files.readString(java.nio.file.Path.of("samples/skylake-a.xml"));
    int copies = (int) (Warmup.READ_FIRST_BYTES / host.length()) + 2;
    java.nio.file.Files.writeString(f, host.repeat(copies));
    assertThat(java.nio.file.Files.size(f)).isGreaterThan(Warmup.READ_FIRST_BYTES);
    String[] args = {"baseline", "--libvirt", "9.0.0", f.toString()};
    CliRun expected = CliRun.run(args);
    Warmup.startFor(args);
    CliRun warmed = CliRun.run(args);
    assertThat(warmed.exit()).isZero().isEqualTo(expected.exit());
    assertThat(warmed.out()).isEqualTo(expected.out()).contains("<model");
    assertThat(warmed.err()).isEqualTo(expected.err()).contains(copies + " CPUs");

    java.nio.file.Path bad = dir.resolve("bad.xml");
    java.nio.file.Files.writeString(bad, host.repeat(copies) + "<capabilities>\n");
    String[] both = {"baseline", "--cpu-map", dir.resolve("no-such-map").toString(), bad.toString()};
    CliRun unwarmed = CliRun.run(both);
    Warmup.startFor(both);
    CliRun badWarmed = CliRun.run(both);
    assertThat(unwarmed.exit()).isEqualTo(2);
    assertThat(unwarmed.err()).contains("bad.xml").doesNotContain("no-such-map");
    assertThat(badWarmed.err()).isEqualTo(unwarmed.err());
    assertThat(badWarmed.exit()).isEqualTo(2);
  }

  @org.junit.jupiter.api.Test
  void aFileChangedAfterReadingAheadIsReadAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path f = dir.resolve("h.xml");
    java.nio.file.Files.copy(java.nio.file.Path.of("samples/skylake-a.xml"), f);
    Warmup.startFor(new String[] {"baseline", f.toString()});
    java.nio.file.Files.copy(
        java.nio.file.Path.of("samples/epyc-rome.xml"), f,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    java.nio.file.Files.setLastModifiedTime(
        f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    CliRun r = CliRun.run("baseline", f.toString());
    assertThat(r.out()).contains("EPYC-Rome").doesNotContain("Skylake");
  }

  @org.junit.jupiter.api.Test
  void errorsFoundAheadAreTheCommandsOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path f = dir.resolve("bad.xml");
    java.nio.file.Files.writeString(f, "<capabilities><host><cpu>\n");
    CliRun expected = CliRun.run("baseline", f.toString());
    Warmup.startFor(new String[] {"baseline", f.toString()});
    CliRun warmed = CliRun.run("baseline", f.toString());
    assertThat(warmed.exit()).isEqualTo(2).isEqualTo(expected.exit());
    assertThat(warmed.err()).isEqualTo(expected.err());
  }

  /**
   * The command may reach a file before the warm-up thread does (it then reads the file itself)
   * or after (it waits for the warm-up's reading): either way every file's CPUs come back, and no
   * one waits forever (the warm-up once died on a missing entry and left baseline waiting).
   */
  @org.junit.jupiter.api.Test
  void everyFileComesBackWhoeverReadsItFirst(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("baseline"));
    for (int i = 0; i < 40; i++) {
      java.nio.file.Path f = dir.resolve("h" + i + ".xml");
      java.nio.file.Files.copy(java.nio.file.Path.of("samples/skylake-a.xml"), f);
      args.add(f.toString());
    }
    Warmup.startFor(args.toArray(String[]::new));
    org.migcheck.input.InputReader reader = new org.migcheck.input.InputReader();
    java.util.List<String> files = new java.util.ArrayList<>(args.subList(1, args.size()));
    java.util.Collections.reverse(files); // the last first: likely before the warm-up gets there
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> {
          for (String f : files) {
            java.util.List<org.migcheck.model.CpuDef> got = new java.util.ArrayList<>();
            boolean replayed = org.migcheck.input.ReadAhead.CPUS.replay(
                new org.migcheck.read.InputFile(f, java.nio.file.Path.of(f)), got::add);
            assertThat(replayed ? got : reader.extractCpus(f)).as(f).hasSize(1);
            assertThat(cpusPromised(f)).isFalse();
          }
        });
  }

  private static boolean cpusPromised(String file) {
    return org.migcheck.input.ReadAhead.CPUS.promised(
        new org.migcheck.read.InputFile(file, java.nio.file.Path.of(file)));
  }

}
