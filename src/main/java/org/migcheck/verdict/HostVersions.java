package org.migcheck.verdict;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.migcheck.cpumap.LibvirtVersion;

/**
 * The libvirt version each host runs, where known (from a snapshot manifest or
 * {@code --host-libvirt}), with where it was learnt for messages. Hosts without a version are
 * absent: nothing is guessed.
 */
public final class HostVersions {
  /** One host's version and its origin ("--host-libvirt", "DIR/snapshot.json"). */
  public record Declared(LibvirtVersion version, String origin) {}

  private final Map<String, Declared> byHost = new LinkedHashMap<>();

  public static HostVersions none() {
    return new HostVersions();
  }

  public void put(String hostName, Declared d) {
    byHost.put(hostName, d);
  }

  /** The declared version of a host (by its report name), or null. */
  public Declared of(Host h) {
    return byHost.get(h.name());
  }

  public boolean isEmpty() {
    return byHost.isEmpty();
  }

  /** The oldest version among these hosts that have one, or null when none has. */
  public LibvirtVersion oldest(Collection<Host> hosts) {
    LibvirtVersion oldest = null;
    for (Host h : hosts) {
      Declared d = of(h);
      if (d != null && (oldest == null || d.version().isOlderThan(oldest))) {
        oldest = d.version();
      }
    }
    return oldest;
  }
}
