package org.migcheck.verdict;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.InputException;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.engine.UnknownName;
import org.migcheck.model.CpuDef;

/**
 * The libvirt version each host runs, where known (from a snapshot manifest or
 * {@code --host-libvirt}), with where it was learnt for messages. Hosts without a version are
 * absent: nothing is guessed.
 */
public final class HostVersions {
  /** One host's version and its origin ("--host-libvirt", "DIR/snapshot.json"). */
  public record Declared(LibvirtVersion version, String origin) {}

  private final Map<String, Declared> byHost = new LinkedHashMap<>();
  /** Hosts that share a report name (a fleet host and its new snapshot in gate) are told apart. */
  private final Map<Host, Declared> byInstance = new IdentityHashMap<>();

  public static HostVersions none() {
    return new HostVersions();
  }

  public void put(String hostName, Declared d) {
    byHost.put(hostName, d);
  }

  /** The version of this very host object, whatever its name. */
  public void put(Host h, Declared d) {
    byInstance.put(h, d);
  }

  /** The declared version of a host (by its report name), or null. */
  public Declared of(Host h) {
    Declared d = byInstance.get(h);
    return d != null ? d : byHost.get(h.name());
  }

  public boolean isEmpty() {
    return byHost.isEmpty() && byInstance.isEmpty();
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

  /**
   * A host's CPU must only name what its own libvirt's map knows: a document naming something
   * its declared libvirt does not know is bad input, naming the version that first knows it.
   *
   * @param arch the host's arch when the CPU does not say (null: x86_64)
   */
  public static void requireKnown(CpuDef cpu, String arch, Declared d, String hostName) {
    requireKnown(cpu, arch, d, hostName, cpu == null ? null : cpu.source());
  }

  /** The same, naming {@code source} as the document (hosts of a fleet share their CPU's parse). */
  public static void requireKnown(
      CpuDef cpu, String arch, Declared d, String hostName, String source) {
    if (cpu == null) {
      return;
    }
    String a = cpu.arch() != null ? cpu.arch() : arch == null ? "x86_64" : arch;
    Arch known = Arch.forLibvirtArch(a).orElse(null);
    CpuMap map =
        known == null
            ? null
            : CpuMapLoader.forLibvirt(d.version().toString(), d.origin()).forArch(known).orElse(null);
    if (map == null) {
      return;
    }
    List<UnknownName> unknown = UnknownName.of(cpu, map);
    if (!unknown.isEmpty()) {
      UnknownName u = unknown.get(0);
      throw new InputException(
          source,
          "Unknown CPU " + u.kind() + " " + u.name() + " for libvirt " + d.version()
              + " (the version " + d.origin() + " gives " + hostName + "): "
              + (u.knownFrom() == null
                  ? "no bundled libvirt knows it"
                  : "libvirt ≥ " + u.knownFrom() + " knows it"));
    }
  }
}
