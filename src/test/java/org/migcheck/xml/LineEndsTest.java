package org.migcheck.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The word-at-a-time count against a plain byte-by-byte one, on seeded random ranges. */
class LineEndsTest {
  /** LF, CR and CR LF each end one line; an LF after a CR before the range is that CR's. */
  private static int plain(byte[] b, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      boolean crlf = b[i] == '\n' && i > 0 && b[i - 1] == '\r';
      if (b[i] == '\r' || (b[i] == '\n' && !crlf)) {
        n++;
      }
    }
    return n;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void countsLikeTheByteLoop(int seed) {
    Random rnd = new Random(seed);
    byte[] alphabet = {'\n', '\r', 'a', ' ', '<', (byte) 0x8a, (byte) 0x0a, (byte) 0x8d};
    boolean withCr = seed % 3 == 0;
    byte[] b = new byte[1 + rnd.nextInt(200)];
    for (int i = 0; i < b.length; i++) {
      byte c = alphabet[rnd.nextInt(alphabet.length)];
      b[i] = !withCr && c == '\r' ? (byte) 'x' : c;
    }
    int from = rnd.nextInt(b.length);
    int to = from + rnd.nextInt(b.length - from + 1);
    assertThat(LineEnds.count(b, from, to)).isEqualTo(plain(b, from, to));
    // consecutive ranges add up
    int mid = from + (to - from) / 2;
    assertThat(LineEnds.count(b, from, mid) + LineEnds.count(b, mid, to))
        .isEqualTo(plain(b, from, to));
  }

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }
}
