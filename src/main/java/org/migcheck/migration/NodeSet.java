package org.migcheck.migration;

import java.util.TreeSet;
import org.migcheck.InputException;

/** libvirt's node/cpu set syntax: "0-3,^2,8". */
final class NodeSet {
  private NodeSet() {}

  static TreeSet<Integer> parse(String spec, String source) {
    TreeSet<Integer> in = new TreeSet<>();
    TreeSet<Integer> out = new TreeSet<>();
    for (String raw : spec.split(",")) {
      String part = raw.trim();
      if (part.isEmpty()) {
        continue;
      }
      boolean exclude = part.startsWith("^");
      if (exclude) {
        part = part.substring(1).trim();
      }
      try {
        int dash = part.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash).trim());
        int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
        if (from < 0 || to < from || to - from > 65_536) {
          throw new NumberFormatException();
        }
        for (int i = from; i <= to; i++) {
          (exclude ? out : in).add(i);
        }
      } catch (NumberFormatException e) {
        throw new InputException(source, "invalid nodeset '" + spec + "'");
      }
    }
    in.removeAll(out);
    return in;
  }

  /** "0-1,4" for a set. */
  static String format(Iterable<Integer> nodes) {
    StringBuilder sb = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int n : nodes) {
      if (prev != null && n == prev + 1) {
        prev = n;
        continue;
      }
      append(sb, start, prev);
      start = n;
      prev = n;
    }
    append(sb, start, prev);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Integer start, Integer end) {
    if (start == null) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(',');
    }
    sb.append(start);
    if (!start.equals(end)) {
      sb.append('-').append(end);
    }
  }
}
