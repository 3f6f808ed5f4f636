package org.migcheck.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies of maps that keep document order (Map.copyOf does not). */
final class Maps {
  private Maps() {}

  static <V> Map<String, V> copyOrdered(Map<String, V> in) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(in));
  }

  static Map<String, List<String>> copyOrderedLists(Map<String, List<String>> in) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : in.entrySet()) { // no lambda: runs on a cold JVM
      out.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }
}
