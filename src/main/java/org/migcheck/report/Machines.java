package org.migcheck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.migcheck.model.HostCapabilities.Machine;
import org.migcheck.model.NaturalOrder;

/**
 * Machine types in a sensible order (pc-q35-2.10 after pc-q35-2.9) and the short form text reports
 * use: one entry per family with its version range, e.g. "pc-q35 2.4…7.2 (27)".
 */
final class Machines {
  private Machines() {}

  private static final Pattern VERSIONED = Pattern.compile("(.+?)-(\\d+(?:\\.\\d+)*)");

  /** Natural order: digit runs compare as numbers (the one the fleet uses too). */
  static final Comparator<String> NATURAL = NaturalOrder.INSTANCE;

  static List<Machine> sorted(List<Machine> machines) {
    List<Machine> out = new ArrayList<>(machines);
    out.sort(Comparator.comparing(Machine::name, NATURAL));
    return out;
  }

  /** Family summaries, then unversioned names, each sorted naturally. */
  static List<String> summary(List<Machine> machines) {
    Map<String, List<Machine>> families = new LinkedHashMap<>();
    List<String> plain = new ArrayList<>();
    for (Machine m : sorted(machines)) {
      if (m.canonical() != null) {
        continue; // an alias, listed separately
      }
      Matcher v = VERSIONED.matcher(m.name());
      if (v.matches()) {
        families.computeIfAbsent(v.group(1), k -> new ArrayList<>()).add(m);
      } else {
        plain.add(m.name());
      }
    }
    List<String> out = new ArrayList<>();
    List<String> names = new ArrayList<>(families.keySet());
    names.sort(NATURAL);
    for (String family : names) {
      List<Machine> ms = families.get(family);
      long deprecated = ms.stream().filter(m -> Boolean.TRUE.equals(m.deprecated())).count();
      String first = version(ms.get(0).name());
      String last = version(ms.get(ms.size() - 1).name());
      StringBuilder sb = new StringBuilder(family).append(' ').append(first);
      if (!first.equals(last)) {
        sb.append('…').append(last);
      }
      sb.append(" (").append(ms.size());
      if (deprecated > 0) {
        sb.append(", ").append(deprecated).append(" deprecated");
      }
      sb.append(')');
      out.add(sb.toString());
    }
    plain.sort(NATURAL);
    out.addAll(plain);
    return out;
  }

  /** "pc → pc-i440fx-7.2" for every alias, sorted by alias. */
  static List<String> aliases(List<Machine> machines) {
    List<String> out = new ArrayList<>();
    for (Machine m : sorted(machines)) {
      if (m.canonical() != null) {
        out.add(m.name() + " → " + m.canonical());
      }
    }
    return out;
  }

  private static String version(String name) {
    Matcher v = VERSIONED.matcher(name);
    return v.matches() ? v.group(2) : name;
  }
}
