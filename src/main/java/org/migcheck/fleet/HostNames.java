package org.migcheck.fleet;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.migcheck.input.HostPairing;

/**
 * How reports name hosts: the file name without directory and {@code .xml} (and {@code #N} for
 * concatenated documents), like the other commands; the full source where two hosts would get the
 * same short name.
 */
public final class HostNames {
  private final Map<String, Integer> shortCounts = new HashMap<>();

  public HostNames(Collection<FleetHost> hosts) {
    for (FleetHost h : hosts) {
      shortCounts.merge(shortName(h.name()), 1, Integer::sum);
    }
  }

  public String of(FleetHost h) {
    String s = shortName(h.name());
    return shortCounts.getOrDefault(s, 0) > 1 ? h.name() : s;
  }

  /** "dir/host-00017.xml" → "host-00017"; "fleet.xml#7" → "fleet#7". */
  public static String shortName(String source) {
    return HostPairing.shortName(source);
  }
}
