package org.migcheck.model;

/** An enum spelled in XML the libvirt way (lower case, dashes). */
public interface LibvirtEnum {
  String xmlName();

  static <E extends Enum<E> & LibvirtEnum> E parse(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.xmlName().equals(value)) {
        return e;
      }
    }
    return null;
  }

  static <E extends Enum<E> & LibvirtEnum> String names(Class<E> type) {
    StringBuilder sb = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.xmlName());
    }
    return sb.toString();
  }
}
