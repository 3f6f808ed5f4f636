package org.migcheck.cpumap;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An immutable set of bit positions. For x86 a position is one CPUID or MSR register bit of the
 * map's bit space; this is libvirt's virCPUx86Data with all-zero items treated as absent.
 */
public final class Bits {
  private static final long[] NO_WORDS = new long[0];
  public static final Bits EMPTY = new Bits(NO_WORDS);

  private final long[] words;

  /**
   * The first non-zero word (words.length when empty). Positions run to a few thousand, so a
   * feature of one bit high up is a long array of zeros: loops start here (libvirt's decode tests
   * every feature against every model, some 50,000 containsAll calls per CPU).
   */
  private final int first;

  private int hash; // lazily, as String does: most sets are never hashed

  private Bits(long[] words) {
    this.words = trim(words);
    int f = 0;
    while (f < this.words.length && this.words[f] == 0) {
      f++;
    }
    this.first = f;
  }

  private static long[] trim(long[] w) {
    int n = w.length;
    while (n > 0 && w[n - 1] == 0) {
      n--;
    }
    return n == w.length ? w : (n == 0 ? NO_WORDS : Arrays.copyOf(w, n));
  }

  public static Bits of(int... positions) {
    Builder b = new Builder();
    for (int p : positions) {
      b.set(p);
    }
    return b.build();
  }

  /** The set of these 64-bit words (bit i of word w is position 64w+i); takes the array. */
  static Bits ofWords(long[] words) {
    return words.length == 0 ? EMPTY : new Bits(words);
  }

  /** How many words hold the set (the last one is non-zero). */
  int wordCount() {
    return words.length;
  }

  /** Word {@code i} of the set (positions 64i to 64i+63). */
  long word(int i) {
    return words[i];
  }

  public boolean get(int position) {
    int w = position >>> 6;
    return w < words.length && (words[w] & (1L << position)) != 0;
  }

  public boolean isEmpty() {
    return words.length == 0;
  }

  public int cardinality() {
    int c = 0;
    for (long w : words) {
      c += Long.bitCount(w);
    }
    return c;
  }

  public Bits or(Bits o) {
    if (o.words.length == 0) {
      return this;
    }
    long[] r = Arrays.copyOf(words, Math.max(words.length, o.words.length));
    for (int i = o.first; i < o.words.length; i++) {
      r[i] |= o.words[i];
    }
    return new Bits(r);
  }

  public Bits and(Bits o) {
    long[] r = new long[Math.min(words.length, o.words.length)];
    for (int i = Math.max(first, o.first); i < r.length; i++) {
      r[i] = words[i] & o.words[i];
    }
    return new Bits(r);
  }

  /** This minus o. */
  public Bits andNot(Bits o) {
    long[] r = words.clone();
    for (int i = Math.max(first, o.first); i < Math.min(r.length, o.words.length); i++) {
      r[i] &= ~o.words[i];
    }
    return new Bits(r);
  }

  /** True when every bit of o is set here (an empty o is always contained). */
  public boolean containsAll(Bits o) {
    if (o.words.length > words.length) {
      return false;
    }
    for (int i = o.first; i < o.words.length; i++) {
      if ((o.words[i] & ~words[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  public boolean intersects(Bits o) {
    for (int i = Math.max(first, o.first); i < Math.min(words.length, o.words.length); i++) {
      if ((words[i] & o.words[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  public IntStream positions() {
    return IntStream.range(0, words.length * 64).filter(this::get);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof Bits b && hashCode() == b.hashCode() && Arrays.equals(words, b.words);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(words);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return positions().mapToObj(Integer::toString).toList().toString();
  }

  /** Mutable builder, for hot loops. */
  public static final class Builder {
    private long[] words = new long[8];

    public Builder() {}

    public Builder(Bits start) {
      words = Arrays.copyOf(start.words, Math.max(8, start.words.length));
    }

    public Builder set(int position) {
      int w = position >>> 6;
      if (w >= words.length) {
        words = Arrays.copyOf(words, Math.max(words.length * 2, w + 1));
      }
      words[w] |= 1L << position;
      return this;
    }

    public Builder or(Bits o) {
      if (o.words.length > words.length) {
        words = Arrays.copyOf(words, o.words.length);
      }
      for (int i = o.first; i < o.words.length; i++) {
        words[i] |= o.words[i];
      }
      return this;
    }

    public Builder andNot(Bits o) {
      for (int i = o.first; i < Math.min(words.length, o.words.length); i++) {
        words[i] &= ~o.words[i];
      }
      return this;
    }

    public Builder and(Bits o) {
      for (int i = 0; i < words.length; i++) {
        words[i] &= i < o.words.length ? o.words[i] : 0;
      }
      return this;
    }

    public boolean containsAll(Bits o) {
      if (o.words.length > words.length) {
        for (int i = words.length; i < o.words.length; i++) {
          if (o.words[i] != 0) {
            return false;
          }
        }
      }
      for (int i = o.first; i < Math.min(words.length, o.words.length); i++) {
        if ((o.words[i] & ~words[i]) != 0) {
          return false;
        }
      }
      return true;
    }

    public Bits build() {
      return new Bits(words.clone());
    }
  }
}
