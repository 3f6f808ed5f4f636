package org.migcheck.cpumap;

import org.migcheck.InputException;

/** A libvirt release number: major.minor.micro ("11.3" means 11.3.0). */
public record LibvirtVersion(int major, int minor, int micro) implements Comparable<LibvirtVersion> {
  /**
   * libvirt 8.4.0 changed how x86Decode picks a model (penalised disabled features, all input
   * models preferred in a baseline); older releases keep the shortest feature list.
   */
  public static final LibvirtVersion SCORED_MODEL_CHOICE = new LibvirtVersion(8, 4, 0);

  /** The version in a string such as "11.3" or "11.3.0", or a user error naming {@code where}. */
  public static LibvirtVersion parse(String text, String where) {
    LibvirtVersion v = parseOrNull(text);
    if (v == null) {
      throw new InputException(
          where, "'" + text + "' is not a libvirt version (expected e.g. 11.3 or 11.3.0)");
    }
    return v;
  }

  /**
   * The version in a string, or null when it is null or not a version: after trimming, one to
   * three dot-separated numbers of one to four ASCII digits. Read by hand, not with a regex: the
   * bundled maps' versions are parsed at every start, and a cold JVM's first Pattern costs ms.
   */
  public static LibvirtVersion parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    int[] parts = new int[3];
    int n = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9' && digits < 4) {
        digits++;
        value = value * 10 + (c - '0');
      } else if (c == '.' && digits > 0 && n < 2) {
        parts[n++] = value;
        digits = 0;
        value = 0;
      } else {
        return null;
      }
    }
    if (digits == 0) {
      return null;
    }
    parts[n] = value;
    return new LibvirtVersion(parts[0], parts[1], parts[2]);
  }

  public boolean isOlderThan(LibvirtVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(LibvirtVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(micro, o.micro);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + micro;
  }
}
