package org.migcheck.model;

import java.util.Locale;

/** libvirt's memory units (virScaleInteger): powers of 1024 and, spelled with B, of 1000. */
public final class MemoryUnits {
  private MemoryUnits() {}

  /** The size of one unit in bytes, or -1 for an unknown unit; null means KiB. */
  public static long bytes(String unit) {
    if (unit == null) {
      return 1024;
    }
    switch (unit.toLowerCase(Locale.ROOT)) {
      case "b":
      case "bytes":
        return 1;
      case "k":
      case "kib":
        return 1L << 10;
      case "kb":
        return 1000L;
      case "m":
      case "mib":
        return 1L << 20;
      case "mb":
        return 1000L * 1000;
      case "g":
      case "gib":
        return 1L << 30;
      case "gb":
        return 1000L * 1000 * 1000;
      case "t":
      case "tib":
        return 1L << 40;
      case "tb":
        return 1000L * 1000 * 1000 * 1000;
      case "p":
      case "pib":
        return 1L << 50;
      case "pb":
        return 1000L * 1000 * 1000 * 1000 * 1000;
      case "e":
      case "eib":
        return 1L << 60;
      case "eb":
        return 1000L * 1000 * 1000 * 1000 * 1000 * 1000;
      default:
        return -1;
    }
  }

  public static boolean isKnown(String unit) {
    return bytes(unit) > 0;
  }

  /** The amount in KiB, rounded up; saturates at Long.MAX_VALUE. */
  public static long toKib(long amount, String unit) {
    long factor = bytes(unit);
    if (factor <= 0) {
      throw new IllegalArgumentException("unknown memory unit " + unit);
    }
    try {
      long bytes = Math.multiplyExact(amount, factor);
      return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }
}
