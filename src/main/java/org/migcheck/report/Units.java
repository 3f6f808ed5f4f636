package org.migcheck.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.migcheck.model.MemoryUnits;

/** Human forms of the sizes, rates and ids in libvirt documents. */
final class Units {
  private Units() {}

  private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  /** A memory amount: "188.3 GiB", "4 KiB"; exact powers show no decimals ("1 GiB"). */
  static String memory(long amount, String unit) {
    if (!MemoryUnits.isKnown(unit)) {
      return amount + " " + unit;
    }
    return kib(MemoryUnits.toKib(amount, unit));
  }

  static String kib(long kib) {
    double v = kib;
    int i = 0;
    while (v >= 1024 && i < BINARY.length - 1) {
      v /= 1024;
      i++;
    }
    return decimal(v, 1) + " " + BINARY[i];
  }

  /** Hz as MHz with up to three decimals: 2394374000 → "2394.374 MHz". */
  static String megahertz(long hz) {
    return new BigDecimal(hz).movePointLeft(6).stripTrailingZeros().toPlainString() + " MHz";
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  static String yesNo(Boolean b) {
    return b == null ? "not reported" : b ? "yes" : "no";
  }

  /** "1 core", "2 cores". */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  private static String decimal(double v, int places) {
    return BigDecimal.valueOf(v)
        .setScale(places, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
