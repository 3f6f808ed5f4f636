package org.migcheck.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.InputException;
import org.migcheck.parse.DocumentParser;

/**
 * The splitter hands documents to the parsing threads a few at a time: whatever the group
 * boundaries, the sink gets every document before the first bad one, in order, and then the same
 * error as a file read whole on one thread; a bad document is never skipped and no later one
 * delivered. Seeded files of 1 to 40 small and large documents with, sometimes, one bad document
 * or bad text between two documents (an error of the framer) at any position.
 */
class DocumentGroupsTest {
  @TempDir Path dir;

  static Stream<Integer> seeds() {
    return IntStream.range(0, 120).boxed();
  }

  private static String host(int i, int padding) {
    return "<capabilities>\n  <host>\n    <uuid>" + i + "</uuid>\n"
        + "    <topology/>\n".repeat(padding)
        + "    <cpu><arch>x86_64</arch><model>Skylake-Client</model></cpu>\n"
        + "  </host>\n</capabilities>\n";
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void groupsDeliverWhatOneThreadReads(int seed) throws IOException {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(40);
    int bad = r.nextInt(3) == 0 ? -1 : r.nextInt(n);
    boolean framerError = r.nextBoolean();
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i == bad && framerError) {
        file.append("stray text\n"); // text between documents: the framer stops here
      }
      // large documents (up to 120 KB) close groups by size, small ones by count
      String doc = host(i, r.nextInt(4) == 0 ? 4000 + r.nextInt(4000) : r.nextInt(5));
      if (i == bad && !framerError) {
        doc = doc.replace("</uuid>", "</uid>"); // malformed: the tokenizer stops here
      }
      file.append(doc);
    }
    Path f = dir.resolve("hosts.xml");
    Files.writeString(f, file);
    Outcome split = read(f, 2, 0);
    Outcome oneThread = read(f, 1, Long.MAX_VALUE);
    assertThat(split.sources).as("seed %d", seed).isEqualTo(oneThread.sources);
    assertThat(split.error).as("seed %d", seed).isEqualTo(oneThread.error);
    int delivered = bad < 0 ? n : bad;
    assertThat(split.sources).as("seed %d", seed).hasSize(delivered);
    for (int i = 0; i < delivered; i++) {
      assertThat(split.sources.get(i)).isEqualTo(n == 1 ? f.toString() : f + "#" + (i + 1));
    }
    assertThat(split.error == null).as("seed %d: %s", seed, split.error).isEqualTo(bad < 0);
  }

  private record Outcome(List<String> sources, String error) {}

  /** The CPU profile, noting the threads its warm-up ran on. */
  private static final class Watched implements Profile<org.migcheck.parse.RawDocument> {
    final List<String> warmedOn = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Profile<org.migcheck.parse.RawDocument> p = DocumentParser.CPU_PARTS;

    @Override
    public org.migcheck.parse.RawDocument read(javax.xml.stream.XMLStreamReader r, Chunk c)
        throws Exception {
      return p.read(r, c);
    }

    @Override
    public String[] prescan() {
      return p.prescan();
    }

    @Override
    public org.migcheck.parse.RawDocument prescanned(org.migcheck.xml.FastXmlReader r, Chunk c,
        org.migcheck.xml.FastXmlReader.Prescan scan) throws Exception {
      return p.prescanned(r, c, scan);
    }

    @Override
    public void warmUp() {
      warmedOn.add(Thread.currentThread().getName());
      p.warmUp();
    }
  }

  /**
   * A file cut into documents for the parsing threads has the profile warmed up once first, on
   * one of those threads; a small file read whole by one thread has not.
   */
  @org.junit.jupiter.api.Test
  void theProfileIsWarmedUpOnAParsingThreadForALargeFile() throws Exception {
    Path f = dir.resolve("hosts.xml");
    Files.writeString(f, host(1, 0) + host(2, 0) + host(3, 0));
    for (long wholeFileLimit : new long[] {0, Long.MAX_VALUE}) {
      Watched profile = new Watched();
      List<String> sources = new ArrayList<>();
      new DocumentReader(() -> System.in, 2, wholeFileLimit)
          .read(List.of(new InputFile(f.toString(), f)), profile, d -> d.source(), sources::add);
      assertThat(sources).hasSize(3);
      // the warm-up task was taken before the documents' tasks, but may note its thread later
      for (int i = 0; i < 200 && wholeFileLimit == 0 && profile.warmedOn.isEmpty(); i++) {
        Thread.sleep(5);
      }
      assertThat(profile.warmedOn).as("whole-file limit %d", wholeFileLimit)
          .isEqualTo(wholeFileLimit == 0 ? List.of("migcheck-parse") : List.of());
    }
  }

  private static Outcome read(Path f, int threads, long wholeFileLimit) {
    List<String> sources = new ArrayList<>();
    String error = null;
    try {
      new DocumentReader(() -> System.in, threads, wholeFileLimit)
          .read(List.of(new InputFile(f.toString(), f)), DocumentParser.CPU_PARTS,
              d -> d.source(), sources::add);
    } catch (InputException e) {
      error = e.oneLine();
    }
    return new Outcome(sources, error);
  }
}
