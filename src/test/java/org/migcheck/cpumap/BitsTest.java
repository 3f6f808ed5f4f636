package org.migcheck.cpumap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bits against java.util.BitSet, seeded: every operation on sets that are empty, dense, sparse or
 * only high up (whose low words are zero, like most single-bit features of the x86 bit space).
 */
class BitsTest {
  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> 0x5eedL * 31 + i);
  }

  /** A random set of one of the shapes above, as positions in a BitSet. */
  private static BitSet randomSet(Random r) {
    BitSet s = new BitSet();
    switch (r.nextInt(5)) {
      case 0 -> { } // empty
      case 1 -> { // dense, low
        for (int i = 0; i < 200; i++) {
          if (r.nextBoolean()) {
            s.set(i);
          }
        }
      }
      case 2 -> { // a few bits anywhere in a few thousand
        for (int k = r.nextInt(6); k >= 0; k--) {
          s.set(r.nextInt(3000));
        }
      }
      case 3 -> s.set(64 * (10 + r.nextInt(30)) + r.nextInt(64)); // one bit high up
      default -> { // a cluster high up
        int base = 64 * (5 + r.nextInt(30));
        for (int k = r.nextInt(20); k >= 0; k--) {
          s.set(base + r.nextInt(150));
        }
      }
    }
    return s;
  }

  private static Bits bits(BitSet s) {
    return Bits.of(s.stream().toArray());
  }

  private static BitSet positions(Bits b) {
    BitSet s = new BitSet();
    b.positions().forEach(s::set);
    return s;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyOperationIsBitSets(long seed) {
    Random r = new Random(seed);
    BitSet x = randomSet(r);
    BitSet y = r.nextInt(4) == 0 ? (BitSet) x.clone() : randomSet(r);
    if (r.nextBoolean()) { // y a subset of x, sometimes
      y.and(x);
    }
    Bits a = bits(x);
    Bits b = bits(y);
    assertThat(positions(a)).isEqualTo(x);

    BitSet or = (BitSet) x.clone();
    or.or(y);
    BitSet and = (BitSet) x.clone();
    and.and(y);
    BitSet andNot = (BitSet) x.clone();
    andNot.andNot(y);
    assertThat(positions(a.or(b))).isEqualTo(or);
    assertThat(positions(a.and(b))).isEqualTo(and);
    assertThat(positions(a.andNot(b))).isEqualTo(andNot);
    BitSet missing = (BitSet) y.clone();
    missing.andNot(x);
    assertThat(a.containsAll(b)).isEqualTo(missing.isEmpty());
    assertThat(a.intersects(b)).isEqualTo(x.intersects(y));
    assertThat(a.isEmpty()).isEqualTo(x.isEmpty());
    assertThat(a.cardinality()).isEqualTo(x.cardinality());
    for (int i = 0; i < 20; i++) {
      int p = r.nextInt(3200);
      assertThat(a.get(p)).isEqualTo(x.get(p));
    }
    // equal sets are equal however they were made, and hash alike
    assertThat(a.equals(b)).isEqualTo(x.equals(y));
    Bits sameAsA = a.or(b).andNot(bits(andNotOf(y, x)));
    assertThat(sameAsA).isEqualTo(a).hasSameHashCodeAs(a);

    Bits.Builder builder = new Bits.Builder(a);
    assertThat(builder.containsAll(b)).isEqualTo(missing.isEmpty());
    assertThat(positions(new Bits.Builder(a).or(b).build())).isEqualTo(or);
    assertThat(positions(new Bits.Builder(a).andNot(b).build())).isEqualTo(andNot);
    assertThat(positions(new Bits.Builder(a).and(b).build())).isEqualTo(and);
  }

  private static BitSet andNotOf(BitSet p, BitSet q) {
    BitSet s = (BitSet) p.clone();
    s.andNot(q);
    return s;
  }
}
