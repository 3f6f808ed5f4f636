package org.migcheck.fleet.read;

import org.migcheck.InputException;
import org.migcheck.model.LibvirtEnum;

/**
 * Typed values from the strings the extractors collect, with the full parser's rules and wording
 * (absent or blank is null; anything malformed names the attribute, element and line), so that a
 * document fails the same way whichever reader reads it.
 */
final class Fields {
  private final String source;

  Fields(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  /** Trimmed text; empty counts as absent, as libvirt's XPath strings do. */
  static String text(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  Integer uint(String value, String attr, String elem, int line) {
    Long v = ulong(value, attr, elem, line);
    if (v == null) {
      return null;
    }
    if (v > Integer.MAX_VALUE) {
      throw invalid(value, attr, elem, line, "Expected a value no larger than " + Integer.MAX_VALUE);
    }
    return v.intValue();
  }

  Long ulong(String value, String attr, String elem, int line) {
    String t = text(value);
    if (t == null) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(value, attr, elem, line, "Expected a non-negative integer");
      }
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException tooLarge) {
      throw invalid(value, attr, elem, line, "Expected a value no larger than " + Long.MAX_VALUE);
    }
  }

  Boolean yesNo(String value, String attr, String elem, int line) {
    return bool(value, attr, elem, line, "yes", "no");
  }

  private Boolean bool(
      String value, String attr, String elem, int line, String trueName, String falseName) {
    String t = text(value);
    if (t == null) {
      return null;
    }
    if (t.equals(trueName)) {
      return Boolean.TRUE;
    }
    if (t.equals(falseName)) {
      return Boolean.FALSE;
    }
    throw invalid(value, attr, elem, line, "Expected one of: " + trueName + ", " + falseName);
  }

  <E extends Enum<E> & LibvirtEnum> E enumValue(
      Class<E> type, String value, String attr, String elem, int line) {
    String t = text(value);
    if (t == null) {
      return null;
    }
    E e = LibvirtEnum.parse(type, t);
    if (e == null) {
      throw invalid(value, attr, elem, line, "Expected one of: " + LibvirtEnum.names(type));
    }
    return e;
  }

  /** A libvirt memory unit (KiB, MiB, G...), validated; null when absent. */
  String memoryUnit(String value, String elem, int line) {
    String t = text(value);
    if (t != null && !org.migcheck.model.MemoryUnits.isKnown(t)) {
      throw invalid(value, "unit", elem, line, "Expected a unit such as KiB, MiB, GiB or bytes");
    }
    return t;
  }

  InputException invalid(String value, String attr, String elem, int line, String expected) {
    String where =
        attr == null
            ? "Invalid value in element '" + elem + "'"
            : "Invalid value for attribute '" + attr + "' in element '" + elem + "'";
    return new ValueError(source, line, where + ": '" + value + "'. " + expected);
  }

  InputException missing(String attr, String elem, int line) {
    return new ValueError(
        source, line, "Missing required attribute '" + attr + "' in element '" + elem + "'");
  }
}
