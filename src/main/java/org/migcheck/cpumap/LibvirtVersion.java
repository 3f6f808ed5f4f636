package org.migcheck.cpumap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.migcheck.InputException;

/** A libvirt release number: major.minor.micro ("11.3" means 11.3.0). */
public record LibvirtVersion(int major, int minor, int micro) implements Comparable<LibvirtVersion> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,4})(?:\\.(\\d{1,4}))?(?:\\.(\\d{1,4}))?");

  /**
   * libvirt 8.4.0 changed how x86Decode picks a model (penalised disabled features, all input
   * models preferred in a baseline); older releases keep the shortest feature list.
   */
  public static final LibvirtVersion SCORED_MODEL_CHOICE = new LibvirtVersion(8, 4, 0);

  /** The version in a string such as "11.3" or "11.3.0", or a user error naming {@code where}. */
  public static LibvirtVersion parse(String text, String where) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new InputException(
          where, "'" + text + "' is not a libvirt version (expected e.g. 11.3 or 11.3.0)");
    }
    return new LibvirtVersion(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  /** The version in a string, or null when it is null or not a version. */
  public static LibvirtVersion parseOrNull(String text) {
    if (text == null || !FORM.matcher(text.trim()).matches()) {
      return null;
    }
    return parse(text, null);
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
