package org.migcheck.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded properties of the hash that keys CPU spellings. */
class ByteHashTest {

  /** The same bytes hash alike wherever they sit in their arrays (keys compare across documents). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void equalRangesHashAlikeAtAnyOffset(long seed) {
    Random r = new Random(seed);
    for (int n = 0; n < 200; n++) {
      byte[] content = new byte[r.nextInt(300)];
      r.nextBytes(content);
      int a = r.nextInt(17);
      int b = r.nextInt(17);
      byte[] x = new byte[a + content.length + 5];
      byte[] y = new byte[b + content.length + 9];
      r.nextBytes(x);
      r.nextBytes(y);
      System.arraycopy(content, 0, x, a, content.length);
      System.arraycopy(content, 0, y, b, content.length);
      assertThat(ByteHash.of(x, a, a + content.length))
          .isEqualTo(ByteHash.of(y, b, b + content.length))
          .isEqualTo(ByteHash.of(content, 0, content.length));
    }
  }

  /** Four bytes per turn is the byte-at-a-time polynomial hash, for every length and offset. */
  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void isThePolynomialHashOfTheBytes(long seed) {
    Random r = new Random(seed);
    for (int n = 0; n < 300; n++) {
      byte[] x = new byte[r.nextInt(64) + 4];
      r.nextBytes(x);
      int from = r.nextInt(4);
      int to = from + r.nextInt(x.length - from + 1);
      int expected = to - from;
      for (int i = from; i < to; i++) {
        expected = 31 * expected + x[i];
      }
      assertThat(ByteHash.of(x, from, to)).as("bytes %d..%d", from, to).isEqualTo(expected);
    }
  }

  /**
   * One changed byte anywhere (a feature name, a digit) changes the hash, nearly always: keys
   * of a fleet's few dozen spellings must spread over the map.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void aChangedByteChangesTheHash(long seed) {
    Random r = new Random(seed);
    byte[] cpu = new byte[1000];
    r.nextBytes(cpu);
    Set<Integer> hashes = new HashSet<>();
    hashes.add(ByteHash.of(cpu, 0, cpu.length));
    for (int i = 0; i < cpu.length; i++) {
      byte[] changed = cpu.clone();
      changed[i] ^= (byte) (1 + r.nextInt(255));
      hashes.add(ByteHash.of(changed, 0, changed.length));
    }
    assertThat(hashes).hasSizeGreaterThan(995);
    // and a range one byte shorter is another key
    assertThat(ByteHash.of(cpu, 0, cpu.length - 1)).isNotEqualTo(ByteHash.of(cpu, 0, cpu.length));
  }
}
