package org.migcheck.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.migcheck.model.CpuTopology;
import org.migcheck.model.MemoryUnits;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCapabilities.NumaCell;
import org.migcheck.model.HostCapabilities.NumaCpu;
import org.migcheck.model.HostCapabilities.PageCount;
import org.migcheck.json.JsonWriter;

/**
 * A host's CPU topology and NUMA cells. libvirt's {@code <topology sockets>} counts sockets per
 * NUMA cell, so the logical CPU count comes from the cells' CPU lists when they are given.
 */
record HostTopology(CpuTopology topology, List<NumaCell> cells) {

  static HostTopology of(HostCapabilities caps) {
    return new HostTopology(caps.cpu() == null ? null : caps.cpu().topology(), caps.numaCells());
  }

  /** sockets × dies × clusters × cores × threads, absent values counting as 1. */
  long product() {
    if (topology == null) {
      return 0;
    }
    return (long) one(topology.sockets())
        * one(topology.dies())
        * one(topology.clusters())
        * one(topology.cores())
        * one(topology.threads());
  }

  long listedCpus() {
    return cells.stream().mapToLong(c -> c.cpus().size()).sum();
  }

  /** The logical CPUs: those the NUMA cells list, else the topology product. */
  long logicalCpus() {
    long listed = listedCpus();
    return listed > 0 ? listed : product();
  }

  /** Distinct socket ids in the NUMA cells (physical packages), 0 when not listed. */
  int physicalSockets() {
    Set<Integer> ids = new HashSet<>();
    for (NumaCell c : cells) {
      for (NumaCpu cpu : c.cpus()) {
        if (cpu.socketId() != null) {
          ids.add(cpu.socketId());
        }
      }
    }
    return ids.size();
  }

  void text(TextLayout t) {
    t.field("topology", topologyLine());
    t.more("(the vCPUs this host can give without overcommit)");
    for (NumaCell c : cells) {
      t.field("NUMA cell " + (c.id() == null ? "?" : c.id()), cellLine(c));
    }
    String huge = hugePages();
    if (huge != null) {
      t.field("hugepages", huge);
    }
  }

  private String topologyLine() {
    long logical = logicalCpus();
    if (topology == null) {
      int sockets = physicalSockets();
      return "not reported; "
          + Units.count(logical, "logical CPU", "logical CPUs")
          + (sockets > 0 ? " in " + Units.count(sockets, "socket", "sockets") : "")
          + " listed in the NUMA cells";
    }
    List<String> parts = new ArrayList<>();
    parts.add(Units.count(one(topology.sockets()), "socket", "sockets"));
    parts.add(Units.count(one(topology.dies()), "die", "dies"));
    if (topology.clusters() != null) {
      parts.add(Units.count(topology.clusters(), "cluster", "clusters"));
    }
    parts.add(Units.count(one(topology.cores()), "core", "cores"));
    parts.add(Units.count(one(topology.threads()), "thread", "threads"));
    String product = String.join(" × ", parts);
    long listed = listedCpus();
    if (listed == 0 || listed == product()) {
      return product + " = " + Units.count(product(), "logical CPU", "logical CPUs");
    }
    if (listed == product() * cells.size()) {
      return product
          + " per NUMA cell × "
          + cells.size()
          + " cells = "
          + Units.count(listed, "logical CPU", "logical CPUs");
    }
    return product + "; " + Units.count(listed, "logical CPU", "logical CPUs") + " in the NUMA cells";
  }

  private static String cellLine(NumaCell c) {
    List<String> parts = new ArrayList<>();
    if (c.memory() != null) {
      parts.add(Units.memory(c.memory(), c.memoryUnit()));
    }
    List<Integer> ids = c.cpus().stream().map(NumaCpu::id).filter(i -> i != null).toList();
    parts.add(Units.count(c.cpus().size(), "CPU", "CPUs") + (ids.isEmpty() ? "" : " " + ranges(ids)));
    if (!c.pages().isEmpty()) {
      List<String> pages = new ArrayList<>();
      for (PageCount p : c.pages()) {
        // libvirt always writes both; a hand-edited file may not
        String size = p.size() == null ? "? KiB" : Units.memory(p.size(), p.unit());
        pages.add(size + " × " + (p.count() == null ? "?" : p.count()));
      }
      parts.add("pages " + String.join(", ", pages));
    }
    return String.join("; ", parts);
  }

  /** Pages larger than 4 KiB summed over the cells: "1 GiB × 64 (64 GiB)", null when none. */
  private String hugePages() {
    TreeMap<Long, Long> bySize = hugePageCounts();
    if (bySize.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    bySize.forEach(
        (sizeKib, count) ->
            out.add(Units.kib(sizeKib) + " × " + count + " (" + Units.kib(sizeKib * count) + ")"));
    return String.join(", ", out) + " over all cells";
  }

  /** Page size in KiB → total count, for sizes above 4 KiB with a count above zero. */
  TreeMap<Long, Long> hugePageCounts() {
    TreeMap<Long, Long> bySize = new TreeMap<>();
    for (NumaCell c : cells) {
      for (PageCount p : c.pages()) {
        if (p.size() == null || p.count() == null || !MemoryUnits.isKnown(p.unit())) {
          continue;
        }
        long kib = MemoryUnits.toKib(p.size(), p.unit());
        if (kib > 4 && p.count() > 0) {
          bySize.merge(kib, p.count(), Long::sum);
        }
      }
    }
    return bySize;
  }

  /** "0-19,40-59". */
  static String ranges(List<Integer> ids) {
    List<Integer> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(sorted.get(i));
      if (j > i) {
        sb.append('-').append(sorted.get(j));
      }
      i = j + 1;
    }
    return sb.toString();
  }

  void json(JsonWriter w) {
    w.name("topology").beginObject();
    w.field("sockets", topology == null ? null : topology.sockets());
    w.field("dies", topology == null ? null : topology.dies());
    w.field("clusters", topology == null ? null : topology.clusters());
    w.field("cores", topology == null ? null : topology.cores());
    w.field("threads", topology == null ? null : topology.threads());
    w.field("physicalSockets", physicalSockets());
    w.field("logicalCpus", logicalCpus());
    w.endObject();
    w.name("numaCells").beginArray();
    for (NumaCell c : cells) {
      w.beginObject().field("id", c.id());
      w.field("memoryKiB", c.memory() == null ? null : kibOrNull(c.memory(), c.memoryUnit()));
      w.field("cpus", ranges(c.cpus().stream().map(NumaCpu::id).filter(i -> i != null).toList()));
      w.field("cpuCount", c.cpus().size());
      w.name("pages").beginArray();
      for (PageCount p : c.pages()) {
        w.beginObject()
            .field("sizeKiB", p.size() == null ? null : kibOrNull(p.size(), p.unit()))
            .field("count", p.count())
            .endObject();
      }
      w.endArray().endObject();
    }
    w.endArray();
  }

  private static Long kibOrNull(long amount, String unit) {
    return MemoryUnits.isKnown(unit)
        ? MemoryUnits.toKib(amount, unit)
        : null;
  }

  private static int one(Integer v) {
    return v == null ? 1 : v;
  }
}
