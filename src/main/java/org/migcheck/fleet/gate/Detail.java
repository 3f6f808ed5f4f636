package org.migcheck.fleet.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.migcheck.verdict.Finding;

/**
 * One fact behind a violation: named fields for machines (gate JSON writes them as they are) and
 * the line people read (text, Markdown, JUnit and HTML reports).
 *
 * @param kind what the fact is: {@code feature}, {@code baseline}, {@code host-cpu},
 *     {@code start}, {@code migration}
 * @param fields in order; values are strings, numbers, lists of strings or lists of such maps
 * @param text the line reports print
 */
public record Detail(String kind, Map<String, Object> fields, String text) {
  public Detail {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A CPU feature and where it lives (CPUID leaf and register bit, or MSR). */
  static Detail feature(String name, String location) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("feature", name);
    f.put("location", location);
    return new Detail("feature", f, name + (location == null ? "" : "  " + location));
  }

  /** The fleet baseline before (and after, when there is one) the rollout. */
  static Detail baseline(String before, String after) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("before", before);
    f.put("after", after);
    return new Detail("baseline", f,
        "before: " + before + (after == null ? "" : "; after: " + after));
  }

  /** A candidate's host CPU. */
  static Detail hostCpu(String vendor, String model) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("vendor", vendor);
    f.put("model", model);
    return new Detail("host-cpu", f, "host CPU: " + vendor + " " + model);
  }

  /** Why a guest cannot start on a host. */
  static Detail start(String host, List<Finding> why) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("host", host);
    f.put("findings", findings(why));
    return new Detail("start", f, host + ": " + messages(why));
  }

  /**
   * Why a guest cannot live-migrate from each of {@code from} to each of {@code to}.
   *
   * @param lead how the line starts, e.g. "to skylake-b from skylake-a"
   */
  static Detail migration(List<String> from, List<String> to, List<Finding> why, String lead) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("from", List.copyOf(from));
    f.put("to", List.copyOf(to));
    f.put("findings", findings(why));
    return new Detail("migration", f, lead + ": " + messages(why));
  }

  private static List<Map<String, Object>> findings(List<Finding> why) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Finding x : why) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("axis", x.axis().name());
      m.put("severity", x.severity().name());
      m.put("message", x.message());
      m.put("features", x.features());
      out.add(m);
    }
    return out;
  }

  static String messages(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.message() + (f.features().isEmpty() ? "" : " (" + String.join(", ", f.features()) + ")"))
        .collect(Collectors.joining("; "));
  }
}
