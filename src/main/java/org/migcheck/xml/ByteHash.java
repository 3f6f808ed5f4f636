package org.migcheck.xml;

/**
 * A hash of a byte range: keys made of document bytes (the host CPU spellings baseline reads
 * once) are hashed for every host. The loop takes four bytes per turn in plain int arithmetic.
 * On a cold JVM the first hundred or so hosts run it in the interpreter, where this costs about
 * 30 µs for a 1.5 KB CPU against 95 µs when eight bytes were read at a time through a VarHandle
 * (each read a method handle call there); ByteBuffer's hashCode, a call per byte, cost more
 * still. Compiled, it is as quick as either.
 */
public final class ByteHash {
  private ByteHash() {}

  /**
   * The hash of {@code bytes[from..to)}: equal ranges hash alike, whatever their offsets. It is
   * the polynomial hash of String (31 per byte) seeded with the length, so ranges that differ in
   * one byte hash differently.
   */
  public static int of(byte[] bytes, int from, int to) {
    int h = to - from;
    int i = from;
    for (; i + 4 <= to; i += 4) {
      h = 923_521 * h + 29_791 * bytes[i] + 961 * bytes[i + 1] + 31 * bytes[i + 2] + bytes[i + 3];
    }
    for (; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  private static volatile boolean warm;

  /**
   * Runs {@link #of} on a short range a few hundred times, once per JVM, before a reader hashes
   * thousands of CPUs: it is called once per document, and C1 compiles it after some 100-200
   * calls, so the first hundred hosts of a baseline were hashed by the interpreter (a sixth of
   * a 1,000-host baseline's parsing time). This takes well under a ms.
   */
  public static void warmUp() {
    if (warm) {
      return;
    }
    warm = true;
    byte[] some = new byte[64];
    for (int i = 0; i < WARM_RUNS; i++) {
      some[i % some.length] += (byte) of(some, 0, some.length);
    }
  }

  private static final int WARM_RUNS = 400;
}
