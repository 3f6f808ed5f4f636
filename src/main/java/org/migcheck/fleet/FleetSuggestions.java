package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.migcheck.InputException;
import org.migcheck.engine.CpuEngine;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.SuggestOptions;
import org.migcheck.verdict.Suggester;
import org.migcheck.verdict.Suggestion;

/**
 * The {@code suggest} result for the whole fleet (and per vendor when vendors are mixed), from one
 * representative host per class and address width: the suggester's CPU and width depend only on
 * those, so this is its result over every host, at the cost of a few hosts.
 */
public final class FleetSuggestions {
  /**
   * A suggestion for some hosts.
   *
   * @param vendor null for the whole fleet
   * @param suggestion null when the suggester could not run ({@code error} says why)
   */
  public record Suggested(String vendor, Suggestion suggestion, String error) {}

  private final List<Suggested> results = new ArrayList<>();

  /** @param vendors the order of the per-vendor results (the baselines' order) */
  public FleetSuggestions(CpuEngine engine, List<Host> representatives, List<String> vendors) {
    results.add(suggest(engine, null, representatives));
    Map<String, List<Host>> byVendor = new LinkedHashMap<>();
    for (Host h : representatives) {
      byVendor.computeIfAbsent(Objects.toString(h.vendor(), "unknown"), k -> new ArrayList<>()).add(h);
    }
    if (byVendor.size() > 1) {
      List<String> order = new ArrayList<>(byVendor.keySet());
      order.sort(java.util.Comparator.comparing((String v) -> vendors.contains(v) ? vendors.indexOf(v) : vendors.size())
          .thenComparing(v -> v));
      for (String v : order) {
        results.add(suggest(engine, v, byVendor.get(v)));
      }
    }
  }

  private static Suggested suggest(CpuEngine engine, String vendor, List<Host> hosts) {
    try {
      return new Suggested(vendor, new Suggester(engine).suggest(hosts, SuggestOptions.DEFAULT), null);
    } catch (InputException e) {
      return new Suggested(vendor, null, e.oneLine());
    }
  }

  /** The whole fleet's first, then one per vendor when there are several. */
  public List<Suggested> results() {
    return results;
  }
}
