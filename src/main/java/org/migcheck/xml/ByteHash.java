package org.migcheck.xml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A hash of a byte range read eight bytes at a time: keys made of document bytes (the host CPU
 * spellings baseline reads once) are hashed for every host, and a byte-at-a-time hash such as
 * ByteBuffer's was a tenth of reading 1,000 hosts on a cold JVM.
 */
public final class ByteHash {
  private ByteHash() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The hash of {@code bytes[from..to)}: equal ranges hash alike, whatever their offsets. */
  public static int of(byte[] bytes, int from, int to) {
    long h = to - from;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      // multiplying only carries bits upwards: the shift brings the high ones back down
      h = (h + (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 29;
    }
    for (; i < to; i++) {
      h = h * 31 + bytes[i];
    }
    h *= 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
