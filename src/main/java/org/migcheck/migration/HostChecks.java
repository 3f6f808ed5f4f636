package org.migcheck.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.MemoryUnits;

/** Security drivers, migration support, memory backing, NUMA placement and host devices. */
final class HostChecks {
  private HostChecks() {}

  /** libvirt's default huge page size on x86 when {@code <hugepages/>} names none. */
  static final long DEFAULT_HUGEPAGE_KIB = 2048;

  static List<String> secModels(Host h) {
    return h.caps().secModels().stream().map(HostCapabilities.SecModel::model).toList();
  }

  /** The models of the guest's seclabels that need a driver (type='none' needs none). */
  static List<String> labelModels(DomainDef d) {
    List<String> out = new ArrayList<>();
    if (d == null) {
      return out;
    }
    for (DomainDef.SecLabel l : d.secLabels()) {
      if (l.model() != null && !"none".equals(l.type()) && !out.contains(l.model())) {
        out.add(l.model());
      }
    }
    return out;
  }

  /** The guest's named security drivers must exist on h. */
  static void labelsOn(DomainDef d, Host h, Outcome out) {
    List<String> there = secModels(h);
    for (String m : labelModels(d)) {
      if (!there.contains(m)) {
        out.add(Axis.SECURITY, Safety.UNSAFE, "the guest has " + article(m) + " label; "
            + h.name() + "'s security drivers are " + String.join(" and ", there));
      }
    }
  }

  private static String article(String model) {
    return ("aeiou".indexOf(model.charAt(0)) >= 0 ? "an " : "a ") + model;
  }

  static void security(DomainDef d, Host src, Host dst, Outcome out) {
    if (!labelModels(d).isEmpty()) {
      labelsOn(d, dst, out);
    } else {
      Set<String> a = new LinkedHashSet<>(secModels(src));
      Set<String> b = new LinkedHashSet<>(secModels(dst));
      if (!a.equals(b)) {
        out.add(Axis.SECURITY, Safety.RISKY, "the security drivers differ (" + String.join(" and ", a)
            + " on " + src.name() + "; " + String.join(" and ", b) + " on " + dst.name()
            + "): dynamic labels are made anew, static labels and shared-storage labels may not"
            + " fit");
      }
    }
    String la = dacLabel(src);
    String lb = dacLabel(dst);
    if (la != null && lb != null && !la.equals(lb)) {
      out.note("QEMU runs as " + la + " on " + src.name() + " and as " + lb + " on " + dst.name()
          + ": shared disk images must be accessible to both");
    }
  }

  private static String dacLabel(Host h) {
    for (HostCapabilities.SecModel s : h.caps().secModels()) {
      if ("dac".equals(s.model())) {
        for (HostCapabilities.BaseLabel l : s.baseLabels()) {
          if ("kvm".equals(l.type())) {
            return l.label();
          }
        }
      }
    }
    return null;
  }

  static void migrationSupport(Host src, Host dst, Outcome out) {
    HostCapabilities.MigrationFeatures a = src.caps().migrationFeatures();
    HostCapabilities.MigrationFeatures b = dst.caps().migrationFeatures();
    for (Host h : List.of(src, dst)) {
      HostCapabilities.MigrationFeatures m = h.caps().migrationFeatures();
      if (m == null) {
        out.add(Axis.MIGRATION, Safety.RISKY, h.name() + " does not report migration features");
      } else if (!m.live()) {
        out.add(Axis.MIGRATION, Safety.UNSAFE, h.name() + " does not support live migration");
      }
    }
    if (a != null && b != null && a.live() && b.live()) {
      List<String> common = new ArrayList<>(a.uriTransports());
      common.retainAll(b.uriTransports());
      if (common.isEmpty() && !a.uriTransports().isEmpty() && !b.uriTransports().isEmpty()) {
        out.add(Axis.MIGRATION, Safety.UNSAFE, "no common migration transport ("
            + String.join(", ", a.uriTransports()) + " on " + src.name() + ", "
            + String.join(", ", b.uriTransports()) + " on " + dst.name() + ")");
      }
    }
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

  static void devices(DomainDef d, Outcome out) {
    for (String b : d.migrationBlockers()) {
      out.add(Axis.DEVICES, Safety.UNSAFE, Objects.requireNonNull(b) + " cannot migrate");
    }
  }
}
