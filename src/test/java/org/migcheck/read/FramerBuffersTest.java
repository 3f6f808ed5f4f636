package org.migcheck.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.InputException;

/**
 * The framer counts lines in bulk and cuts its chunks as slices of recycled read buffers: whatever
 * the buffer size and however the input arrives (a few bytes per read), every document, position
 * and error must be the ones the framer before these changes ({@link FramerOracle}: lines counted
 * byte by byte, a copy per document) gives for the same file read whole, and a buffer must not be
 * refilled while a chunk cut from it is still held. Seeded files of several documents with the
 * constructs the framer handles (comments, CDATA, quoted '>', declarations it blanks, UTF-8, CR
 * and CR LF line ends, byte order marks) and the errors it reports.
 */
class FramerBuffersTest {
  private static final int[] BLOCK_SIZES = {8, 13, 32, 64, 257, 4096};

  static Stream<Integer> seeds() {
    return IntStream.range(0, 300).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void chunksAndErrorsDoNotDependOnBufferBoundaries(int seed) throws Exception {
    Random r = new Random(seed);
    byte[] file = file(r);
    Outcome whole = frameOracle(file);
    Outcome inMemory = frameWhole(file);
    assertThat(inMemory.chunks).as("seed %d, in memory", seed).isEqualTo(whole.chunks);
    assertThat(inMemory.error).as("seed %d, in memory", seed).isEqualTo(whole.error);
    int blockSize = BLOCK_SIZES[r.nextInt(BLOCK_SIZES.length)];
    int maxRead = 1 + r.nextInt(r.nextBoolean() ? 7 : 5000);
    // chunks held to the end: their bytes must survive every later refill
    Outcome held = frameStream(file, blockSize, maxRead, seed, false);
    assertThat(held.chunks).as("seed %d, buffers of %d", seed, blockSize).isEqualTo(whole.chunks);
    assertThat(held.error).as("seed %d, buffers of %d", seed, blockSize).isEqualTo(whole.error);
    // chunks released at once: the same, from recycled buffers
    Outcome released = frameStream(file, blockSize, maxRead, seed, true);
    assertThat(released.chunks).isEqualTo(whole.chunks);
    assertThat(released.error).isEqualTo(whole.error);
    // the plain documents cut by the prescan's one pass: the same chunks, lines and errors
    Outcome prescanned = frame(sink -> new Framer("f.xml", file.clone()).prescan(PRESCAN).run(sink));
    assertThat(prescanned.chunks).as("seed %d, prescanned in memory", seed).isEqualTo(whole.chunks);
    assertThat(prescanned.error).as("seed %d, prescanned in memory", seed).isEqualTo(whole.error);
    Outcome prescannedStream = frameStream(file, blockSize, maxRead, seed, true, PRESCAN);
    assertThat(prescannedStream.chunks).as("seed %d, prescanned, buffers of %d", seed, blockSize)
        .isEqualTo(whole.chunks);
    assertThat(prescannedStream.error).isEqualTo(whole.error);
  }

  /** The seeded documents' root, child and grandchild names (below). */
  private static final String[] PRESCAN = {"d0", "d1", "d2"};

  /**
   * Plain documents are cut by the prescan (their chunks say what it found), others the usual
   * way; both give the oracle's chunks.
   */
  @Test
  void plainDocumentsAreCutByThePrescan() throws Exception {
    String plain = "<d0 a='1'>\n  <d1>\n    <x/>\n    <d2 k='v'>t<y/></d2>\n  </d1>\n</d0>";
    String other = "<d0>caf\u00e9<d1><d2/></d1><d1/></d0>";
    byte[] file = (plain + "\n" + other + "\n" + plain + "\n<d0/>\n<x><d1/></x>")
        .getBytes(StandardCharsets.UTF_8);
    List<Chunk> chunks = new ArrayList<>();
    new Framer("f.xml", file.clone()).prescan(PRESCAN).run(chunks::add);
    List<Piece> pieces = new ArrayList<>();
    chunks.forEach(c -> pieces.add(piece(c)));
    assertThat(pieces).isEqualTo(frameOracle(file).chunks);
    assertThat(chunks).extracting(c -> c.prescan() != null)
        .containsExactly(true, false, true, false, false);
    org.migcheck.xml.FastXmlReader.Prescan scan = chunks.get(2).prescan();
    assertThat(scan.children()).isEqualTo(1);
    assertThat(scan.grandchildren()).isEqualTo(1);
    assertThat(new String(chunks.get(2).data(), scan.grandchildFrom(),
        scan.grandchildTo() - scan.grandchildFrom(), StandardCharsets.UTF_8))
        .isEqualTo("<d2 k='v'>t<y/></d2>");
    assertThat(chunks.get(2).line()).isEqualTo(8);
  }

  /**
   * A plain document that runs past the end of a read buffer is still cut by the prescan (moved
   * to a fresh buffer first), not left to the parsing threads to read whole: every document here,
   * whichever buffer boundary it spans, with the oracle's chunks.
   */
  @ParameterizedTest
  @MethodSource("fullBufferSizes")
  void plainDocumentsAcrossBuffersAreStillPrescanned(int blockSize) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      sb.append("<d0 n='").append(i).append("'>\n  <d1>\n    <d2 k='").append(i * 7)
          .append("'/>\n  </d1>\n</d0>\n");
    }
    byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);
    List<Chunk> chunks = new ArrayList<>();
    new Framer("f.xml", new java.io.ByteArrayInputStream(file), new Blocks(blockSize, 2))
        .prescan(PRESCAN).run(chunks::add);
    List<Piece> pieces = new ArrayList<>();
    chunks.forEach(c -> pieces.add(piece(c)));
    assertThat(pieces).isEqualTo(frameOracle(file).chunks);
    assertThat(chunks).hasSize(60).allSatisfy(c -> assertThat(c.prescan()).isNotNull());
  }

  static Stream<Integer> fullBufferSizes() {
    return Stream.of(256, 300, 512, 1000, 2048);
  }

  /**
   * CR LF split by a buffer change (the CR the last byte of a full buffer), lines and columns
   * counted across buffers of every small size: CR LF, lone CRs, and text on the line before.
   */
  @ParameterizedTest
  @MethodSource("blockSizes")
  void lineEndsAcrossBufferChanges(int blockSize) throws Exception {
    String doc = "<a b='1'>x\r\ny</a>";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      sb.append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\r\n\r\n").append(doc);
      sb.append(i % 5 == 0 ? " " : "");
    }
    byte[] file = (sb + "\r\ntrailing text\r\n").getBytes(StandardCharsets.UTF_8);
    Outcome expected = frameOracle(file);
    assertThat(expected.error).as("the test ends in an error").isNotNull();
    for (int maxRead = 1; maxRead < blockSize + 3; maxRead += 2) {
      Outcome got = frameStream(file, blockSize, maxRead, blockSize * 100 + maxRead, true);
      assertThat(got.chunks).as("buffers of %d, reads of %d", blockSize, maxRead)
          .isEqualTo(expected.chunks);
      assertThat(got.error).as("buffers of %d, reads of %d", blockSize, maxRead)
          .isEqualTo(expected.error);
    }
  }

  static Stream<Integer> blockSizes() {
    return IntStream.range(4, 48).boxed();
  }

  @Test
  void buffersAreRecycledOnceTheirChunksAreReleased() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append("<doc n='").append(i).append("'><a>text</a></doc>\n");
    }
    byte[] file = sb.toString().getBytes(StandardCharsets.UTF_8);

    Blocks recycled = new Blocks(256, 2);
    List<String> seen = new ArrayList<>();
    new Framer("f.xml", new Trickle(file, 100, 1), recycled).run(c -> {
      seen.add(new String(c.data(), c.offset(), c.end() - c.offset(), StandardCharsets.UTF_8));
      c.release();
    });
    assertThat(seen).hasSize(200);
    assertThat(seen.get(199)).isEqualTo("<doc n='199'><a>text</a></doc>");
    assertThat(recycled.created()).as("buffers allocated for 8 kB in 256-byte buffers").isLessThanOrEqualTo(2);

    Blocks kept = new Blocks(256, 2);
    List<Chunk> chunks = new ArrayList<>();
    new Framer("f.xml", new Trickle(file, 100, 1), kept).run(chunks::add);
    assertThat(kept.created()).as("held chunks keep their buffers").isGreaterThan(20);
    assertThat(new String(chunks.get(7).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("<doc n='7'><a>text</a></doc>");
    chunks.forEach(Chunk::release);
    assertThatThrownBy(() -> chunks.get(0).release()).isInstanceOf(IllegalStateException.class);
  }

  // ---- framing both ways

  private record Piece(String source, int line, int column, String bytes, boolean truncated,
      int endLine, int endColumn, boolean ascii) {}

  private record Failure(String source, int line, int column, String message) {}

  private record Outcome(List<Piece> chunks, Failure error) {}

  private static Piece piece(Chunk c) {
    return new Piece(c.source(), c.line(), c.column(),
        new String(c.data(), c.offset(), c.end() - c.offset(), StandardCharsets.ISO_8859_1),
        c.truncated(), c.endLine(), c.endColumn(), c.ascii());
  }

  /** One way of framing a file, into the sink. */
  private interface Framing {
    void run(Framer.Sink sink) throws Exception;
  }

  private static Outcome frameOracle(byte[] file) throws Exception {
    return frame(sink -> new FramerOracle("f.xml", file.clone()).run(sink));
  }

  private static Outcome frameWhole(byte[] file) throws Exception {
    return frame(sink -> new Framer("f.xml", file.clone()).run(sink));
  }

  private static Outcome frame(Framing framing) throws Exception {
    List<Piece> out = new ArrayList<>();
    try {
      framing.run(c -> out.add(piece(c)));
      return new Outcome(out, null);
    } catch (InputException e) {
      return new Outcome(out, failure(e));
    }
  }

  private static Outcome frameStream(byte[] file, int blockSize, int maxRead, int seed,
      boolean release) throws Exception {
    return frameStream(file, blockSize, maxRead, seed, release, null);
  }

  private static Outcome frameStream(byte[] file, int blockSize, int maxRead, int seed,
      boolean release, String[] prescan) throws Exception {
    List<Piece> out = new ArrayList<>();
    List<Chunk> held = new ArrayList<>();
    Failure error = null;
    try {
      new Framer("f.xml", new Trickle(file, maxRead, seed), new Blocks(blockSize, 2))
          .prescan(prescan).run(c -> {
        if (release) {
          out.add(piece(c));
          c.release();
        } else {
          held.add(c);
        }
      });
    } catch (InputException e) {
      error = failure(e);
    }
    held.forEach(c -> out.add(piece(c)));
    return new Outcome(out, error);
  }

  private static Failure failure(InputException e) {
    return new Failure(e.source(), e.line(), e.column(), e.getMessage());
  }

  /** Hands out the file a random 1..maxRead bytes per read. */
  private static final class Trickle extends InputStream {
    private final byte[] data;
    private final int maxRead;
    private final Random r;
    private int pos;

    Trickle(byte[] data, int maxRead, int seed) {
      this.data = data;
      this.maxRead = maxRead;
      this.r = new Random(seed * 31L + 7);
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + r.nextInt(maxRead)), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  // ---- seeded files

  private static final String[] BETWEEN = {
    "", "\n", "\r\n", "\r", "  \t", "<!-- between -> docs -->", "<?xml version='1.0'?>",
    "<?pi some data?>", "\uFEFF", "\n\n", "\r\r\n\n", "<!--\r\n-->\r", "<![CDATA[ \n ]]>"
  };

  private static final String[] INSIDE = {
    "text", " ", "\n", "\r\n", "\r", "caf\u00e9", "\u20ac 5", "\uD83D\uDE00", "<e k='a>b'/>",
    "<e k=\"q'uote\">t</e>", "<!-- a > comment -->", "<![CDATA[ <not/> a tag ]]>",
    "<?target data > here?>", "<?xml version=\"1.0\"?>", "<empty/>", "&amp;", "<e\n k='v'\r\n/>",
    "<?xml version='1.0' encoding='\u00e9'?>", "<!DOCTYPE inside>", "a long line of text without"
        + " any line end in it, longer than the smallest buffers the test uses, \u00e9 included",
    "<e k='\r'\r/>"
  };

  private static final String[] BAD_TAILS = {
    "stray text", "<!DOCTYPE x>", "</stray>", "<?1bad?>", "<?target?>", "\u0001ctl", "x\u00e9y"
  };

  private static byte[] file(Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (r.nextInt(5) == 0) {
      write(out, "\uFEFF");
    }
    int docs = 1 + r.nextInt(6);
    for (int d = 0; d < docs; d++) {
      write(out, BETWEEN[r.nextInt(BETWEEN.length)]);
      write(out, document(r, 0));
      write(out, BETWEEN[r.nextInt(BETWEEN.length)]);
    }
    switch (r.nextInt(6)) {
      case 0 -> write(out, BAD_TAILS[r.nextInt(BAD_TAILS.length)]);
      case 1 -> {
        byte[] last = document(r, 0).getBytes(StandardCharsets.UTF_8);
        out.write(last, 0, 1 + r.nextInt(last.length - 1)); // truncated, maybe inside a character
      }
      case 2 -> out.write(0xC3); // a lone UTF-8 lead byte between documents
      default -> {
        // a well-formed file
      }
    }
    return out.toByteArray();
  }

  private static String document(Random r, int depth) {
    StringBuilder sb = new StringBuilder();
    String name = "d" + depth;
    // line ends inside tags too, the root's included
    sb.append('<').append(name).append(r.nextBoolean() ? (r.nextInt(4) == 0 ? "\n a='1>2'" : " a='1>2'") : "")
        .append('>');
    int parts = r.nextInt(8);
    for (int i = 0; i < parts; i++) {
      if (depth < 3 && r.nextInt(4) == 0) {
        sb.append(document(r, depth + 1));
      } else {
        sb.append(INSIDE[r.nextInt(INSIDE.length)]);
      }
    }
    return sb.append("</").append(name).append(r.nextInt(6) == 0 ? "\n>" : ">").toString();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
