package org.migcheck.parse;

import org.migcheck.InputException;
import org.migcheck.model.LibvirtEnum;

/**
 * How libvirt documents' strings become typed values: absent or blank is null; anything malformed
 * is an {@link InputException} naming the attribute, the element and the line, in libvirt's
 * wording. Shared by the full parser and fleet's streaming reader, so that a document fails the
 * same way whichever reader reads it; each supplies the exception it throws.
 */
public abstract class ValueRules {
  private final String source;

  protected ValueRules(String source) {
    this.source = source;
  }

  public final String source() {
    return source;
  }

  /** Element text or attribute, trimmed; empty counts as absent, as libvirt's XPath strings do. */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** The exception for a bad value at a line (-1 when unknown) of this source. */
  protected abstract InputException error(int line, String message);

  public final Integer uint(String value, String attr, String elem, int line) {
    Long v = ulong(value, attr, elem, line);
    if (v == null) {
      return null;
    }
    if (v > Integer.MAX_VALUE) {
      throw invalid(value, attr, elem, line, "Expected a value no larger than " + Integer.MAX_VALUE);
    }
    return v.intValue();
  }

  public final Long ulong(String value, String attr, String elem, int line) {
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

  public final Boolean yesNo(String value, String attr, String elem, int line) {
    return bool(value, attr, elem, line, "yes", "no");
  }

  public final Boolean onOff(String value, String attr, String elem, int line) {
    return bool(value, attr, elem, line, "on", "off");
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

  public final <E extends Enum<E> & LibvirtEnum> E enumValue(
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
  public final String memoryUnit(String value, String elem, int line) {
    String t = text(value);
    if (t != null && !org.migcheck.model.MemoryUnits.isKnown(t)) {
      throw invalid(value, "unit", elem, line, "Expected a unit such as KiB, MiB, GiB or bytes");
    }
    return t;
  }

  public final InputException invalid(
      String value, String attr, String elem, int line, String expected) {
    String where =
        attr == null
            ? "Invalid value in element '" + elem + "'"
            : "Invalid value for attribute '" + attr + "' in element '" + elem + "'";
    return error(line, where + ": '" + value + "'. " + expected);
  }

  public final InputException missing(String attr, String elem, int line) {
    if (attr == null) {
      return error(line, "Missing value in element '" + elem + "'");
    }
    return error(line, "Missing required attribute '" + attr + "' in element '" + elem + "'");
  }
}
