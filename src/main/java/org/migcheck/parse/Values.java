package org.migcheck.parse;

import org.migcheck.InputException;
import org.migcheck.model.LibvirtEnum;
import org.xml.sax.Locator;

/**
 * Converts the strings JAXB collected into typed values. Absent means null; anything malformed is an
 * {@link InputException} naming the attribute, the element and the line, in libvirt's wording.
 */
final class Values {
  private final String source;

  Values(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  static int line(Locator loc) {
    return loc == null ? -1 : loc.getLineNumber();
  }

  /** Element text or attribute, trimmed; empty counts as absent, as libvirt's XPath strings do. */
  static String text(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  Integer uint(String value, String attr, String elem, Locator at) {
    Long v = ulong(value, attr, elem, at);
    if (v == null) {
      return null;
    }
    if (v > Integer.MAX_VALUE) {
      throw invalid(value, attr, elem, at, "Expected a value no larger than " + Integer.MAX_VALUE);
    }
    return v.intValue();
  }

  Long ulong(String value, String attr, String elem, Locator at) {
    String t = text(value);
    if (t == null) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(value, attr, elem, at, "Expected a non-negative integer");
      }
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException tooLarge) {
      throw invalid(value, attr, elem, at, "Expected a value no larger than " + Long.MAX_VALUE);
    }
  }

  /** A required number: absent is an error too. */
  long requiredUlong(String value, String attr, String elem, Locator at) {
    Long v = ulong(value, attr, elem, at);
    if (v == null) {
      throw missing(attr, elem, at);
    }
    return v;
  }

  Boolean yesNo(String value, String attr, String elem, Locator at) {
    return bool(value, attr, elem, at, "yes", "no");
  }

  Boolean onOff(String value, String attr, String elem, Locator at) {
    return bool(value, attr, elem, at, "on", "off");
  }

  private Boolean bool(
      String value, String attr, String elem, Locator at, String trueName, String falseName) {
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
    throw invalid(value, attr, elem, at, "Expected one of: " + trueName + ", " + falseName);
  }

  <E extends Enum<E> & LibvirtEnum> E enumValue(
      Class<E> type, String value, String attr, String elem, Locator at) {
    String t = text(value);
    if (t == null) {
      return null;
    }
    E e = LibvirtEnum.parse(type, t);
    if (e == null) {
      throw invalid(value, attr, elem, at, "Expected one of: " + LibvirtEnum.names(type));
    }
    return e;
  }

  /** A libvirt memory unit (KiB, MiB, G...), validated; null when absent. */
  String memoryUnit(String value, String elem, Locator at) {
    String t = text(value);
    if (t != null && !org.migcheck.model.MemoryUnits.isKnown(t)) {
      throw invalid(value, "unit", elem, at, "Expected a unit such as KiB, MiB, GiB or bytes");
    }
    return t;
  }

  InputException invalid(String value, String attr, String elem, Locator at, String expected) {
    String where =
        attr == null
            ? "Invalid value in element '" + elem + "'"
            : "Invalid value for attribute '" + attr + "' in element '" + elem + "'";
    return error(at, where + ": '" + value + "'. " + expected);
  }

  InputException missing(String attr, String elem, Locator at) {
    if (attr == null) {
      return error(at, "Missing value in element '" + elem + "'");
    }
    return error(at, "Missing required attribute '" + attr + "' in element '" + elem + "'");
  }

  InputException error(Locator at, String message) {
    return new InputException(source, line(at), -1, message);
  }
}
