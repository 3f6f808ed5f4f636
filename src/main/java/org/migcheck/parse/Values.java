package org.migcheck.parse;

import org.migcheck.InputException;
import org.migcheck.model.LibvirtEnum;
import org.xml.sax.Locator;

/** {@link ValueRules} for the strings JAXB collected, which carry a SAX {@link Locator}. */
final class Values extends ValueRules {
  Values(String source) {
    super(source);
  }

  static int line(Locator loc) {
    return loc == null ? -1 : loc.getLineNumber();
  }

  @Override
  protected InputException error(int line, String message) {
    return new InputException(source(), line, -1, message);
  }

  // The JAXB mappers hold a Locator; these adapt it to the line the rules take.

  Integer uint(String value, String attr, String elem, Locator at) {
    return uint(value, attr, elem, line(at));
  }

  Long ulong(String value, String attr, String elem, Locator at) {
    return ulong(value, attr, elem, line(at));
  }

  /** A required number: absent is an error too. */
  long requiredUlong(String value, String attr, String elem, Locator at) {
    Long v = ulong(value, attr, elem, line(at));
    if (v == null) {
      throw missing(attr, elem, line(at));
    }
    return v;
  }

  Boolean yesNo(String value, String attr, String elem, Locator at) {
    return yesNo(value, attr, elem, line(at));
  }

  Boolean onOff(String value, String attr, String elem, Locator at) {
    return onOff(value, attr, elem, line(at));
  }

  <E extends Enum<E> & LibvirtEnum> E enumValue(
      Class<E> type, String value, String attr, String elem, Locator at) {
    return enumValue(type, value, attr, elem, line(at));
  }

  String memoryUnit(String value, String elem, Locator at) {
    return memoryUnit(value, elem, line(at));
  }

  InputException invalid(String value, String attr, String elem, Locator at, String expected) {
    return invalid(value, attr, elem, line(at), expected);
  }

  InputException missing(String attr, String elem, Locator at) {
    return missing(attr, elem, line(at));
  }

  InputException error(Locator at, String message) {
    return error(line(at), message);
  }
}
