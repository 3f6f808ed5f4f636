package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.MemoryUnits;

/**
 * The memory/NUMA axis: the NUMA nodes a guest's numatune names and the huge pages backing it must
 * exist on the host (and be reserved in number). Judged only for a given guest.
 */
public final class MemoryAxis implements AxisRule {
  /** libvirt's default huge page size on x86 when {@code <hugepages/>} names none. */
  static final long DEFAULT_HUGEPAGE_KIB = 2048;

  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    if (g.domain() != null) {
      memoryOn(g.domain(), dst, out);
    }
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    memoryOn(g.domain(), host, out);
  }

  /** Huge pages of the sizes the guest uses, and the NUMA nodes its numatune names, on h. */
  static void memoryOn(DomainDef d, Host h, Outcome out) {
    TreeSet<Integer> wanted = numaNodes(d);
    TreeSet<Integer> cells = new TreeSet<>();
    for (HostCapabilities.NumaCell c : h.caps().numaCells()) {
      if (c.id() != null) {
        cells.add(c.id());
      }
    }
    TreeSet<Integer> absent = new TreeSet<>(wanted);
    absent.removeAll(cells);
    if (!absent.isEmpty() && !cells.isEmpty()) {
      out.add(Axis.MEMORY, Safety.UNSAFE, h.name() + " has no NUMA node " + NodeSet.format(absent)
          + " (the guest's numatune names " + NodeSet.format(wanted) + "; " + h.name() + " has "
          + NodeSet.format(cells) + ")");
    }
    if (!d.hugePagesRequested()) {
      return;
    }
    List<Long> sizes = pageSizes(d);
    List<Long> supported = h.pageSizesKib();
    for (long size : sizes) {
      if (!supported.contains(size)) {
        out.add(Axis.MEMORY, Safety.UNSAFE, h.name() + " has no " + pageName(size)
            + " pages (the guest is backed by them)");
        return;
      }
    }
    if (sizes.size() == 1 && d.memory() != null) {
      long size = sizes.get(0);
      long needed = (d.memory().kib() + size - 1) / size;
      long reserved = 0;
      for (HostCapabilities.NumaCell c : h.caps().numaCells()) {
        if (wanted.isEmpty() || wanted.contains(c.id())) {
          for (HostCapabilities.PageCount p : c.pages()) {
            if (p.size() != null && p.count() != null && MemoryUnits.isKnown(p.unit())
                && MemoryUnits.toKib(p.size(), p.unit()) == size) {
              reserved += p.count();
            }
          }
        }
      }
      if (reserved < needed) {
        out.add(Axis.MEMORY, Safety.UNSAFE, h.name() + " reserves " + reserved + " "
            + pageName(size) + " page" + (reserved == 1 ? "" : "s")
            + (wanted.isEmpty() ? "" : " on node " + NodeSet.format(wanted))
            + "; the guest needs " + needed);
      }
    }
  }

  private static TreeSet<Integer> numaNodes(DomainDef d) {
    TreeSet<Integer> out = new TreeSet<>();
    if (d.numaTune() == null) {
      return out;
    }
    if (d.numaTune().memory() != null && d.numaTune().memory().nodeset() != null) {
      out.addAll(NodeSet.parse(d.numaTune().memory().nodeset(), d.source()));
    }
    for (DomainDef.MemNode m : d.numaTune().memNodes()) {
      if (m.nodeset() != null) {
        out.addAll(NodeSet.parse(m.nodeset(), d.source()));
      }
    }
    return out;
  }

  private static List<Long> pageSizes(DomainDef d) {
    List<Long> out = new ArrayList<>();
    for (DomainDef.HugePage p : d.hugePages()) {
      long kib = p.size() == null || !MemoryUnits.isKnown(p.unit())
          ? DEFAULT_HUGEPAGE_KIB
          : MemoryUnits.toKib(p.size(), p.unit());
      if (!out.contains(kib)) {
        out.add(kib);
      }
    }
    if (out.isEmpty()) {
      out.add(DEFAULT_HUGEPAGE_KIB);
    }
    return out;
  }

  static String pageName(long kib) {
    if (kib % (1024 * 1024) == 0) {
      return kib / (1024 * 1024) + " GiB";
    }
    if (kib % 1024 == 0) {
      return kib / 1024 + " MiB";
    }
    return kib + " KiB";
  }
}
