package org.migcheck.verdict;

import java.util.BitSet;
import java.util.TreeSet;
import org.migcheck.InputException;

/** libvirt's node/cpu set syntax: "0-3,^2,8". */
final class NodeSet {
  private NodeSet() {}

  /** Node numbers above this are refused: no host has that many NUMA nodes. */
  static final int MAX_NODE = 65_535;

  static TreeSet<Integer> parse(String spec, String source) {
    // bit sets: a long list of wide ranges costs a few words per range, not one step per node
    BitSet in = new BitSet();
    BitSet out = new BitSet();
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
        if (from < 0 || to < from || to > MAX_NODE) {
          throw new NumberFormatException();
        }
        (exclude ? out : in).set(from, to + 1);
      } catch (NumberFormatException e) {
        throw new InputException(source, "invalid nodeset '" + spec + "'");
      }
    }
    in.andNot(out);
    TreeSet<Integer> nodes = new TreeSet<>();
    in.stream().forEach(nodes::add);
    return nodes;
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
