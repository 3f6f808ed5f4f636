package org.migcheck.model;

/** An enum spelled in XML the libvirt way (lower case, dashes). */
public interface LibvirtEnum {
  String xmlName();

  static <E extends Enum<E> & LibvirtEnum> E parse(Class<E> type, String value) {
    for (Object e : Constants.OF.get(type)) {
      if (((LibvirtEnum) e).xmlName().equals(value)) {
        return type.cast(e);
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

  /** Each enum's constants, read once: getEnumConstants() copies them on every call. */
  final class Constants {
    private static final ClassValue<Object[]> OF = new ClassValue<>() {
      @Override
      protected Object[] computeValue(Class<?> type) {
        return type.getEnumConstants();
      }
    };

    private Constants() {}
  }
}
