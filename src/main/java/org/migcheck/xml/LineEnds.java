package org.migcheck.xml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Line ends as XML counts them (and so the JDK parser's locations): LF, CR, and CR LF as one. The
 * fast reader, fleet's splitter and its chunk parser count lines with it, so every reader names
 * the same line.
 */
public final class LineEnds {
  private LineEnds() {}

  /** The line ends in the first {@code length} bytes. */
  public static int count(byte[] bytes, int length) {
    return count(bytes, 0, length);
  }

  /**
   * The line ends in {@code bytes[from..to)}; an LF right after a CR before {@code from} belongs
   * to that CR, so counts over consecutive ranges add up.
   */
  public static int count(byte[] bytes, int from, int to) {
    if (from > 0 && from < to && bytes[from - 1] == '\r') {
      return countWithCr(bytes, from, to);
    }
    // libvirt writes LF only: count LFs eight bytes at a time (the streaming readers ask for the
    // line of nearly every element, so this loop runs over every byte of a fleet), and count
    // again byte by byte where a CR shows up
    int n = 0;
    int i = from;
    long cr = 0;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(bytes, i);
      n += Long.bitCount(zeroBytes(w ^ LF));
      cr |= zeroBytes(w ^ CR);
    }
    if (cr != 0) {
      return countWithCr(bytes, from, to);
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        n++;
      } else if (bytes[i] == '\r') {
        return countWithCr(bytes, from, to);
      }
    }
    return n;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LF = 0x0a0a0a0a0a0a0a0aL;
  private static final long CR = 0x0d0d0d0d0d0d0d0dL;
  private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

  /** The high bit of each byte of {@code x} that is zero, and no other bit (exact, no borrows). */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  private static int countWithCr(byte[] bytes, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\r') {
        n++;
      } else if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        n++;
      }
    }
    return n;
  }
}
