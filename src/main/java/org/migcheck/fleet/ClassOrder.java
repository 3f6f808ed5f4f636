package org.migcheck.fleet;

import java.util.Comparator;
import java.util.Objects;
import org.migcheck.cpumap.Bits;
import org.migcheck.model.CpuXml;

/**
 * Orders classes by what they are, never by input order, so labels (C1, C2...) do not change
 * when the hosts are given in another order: arch and vendor, then the x86-64 level and the number
 * of features (weakest first), then every other property as a tie-break.
 */
final class ClassOrder implements Comparator<FleetClass> {
  static final ClassOrder INSTANCE = new ClassOrder();

  private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());
  private static final Comparator<Integer> NUMBER = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<org.migcheck.cpumap.LibvirtVersion> VERSION =
      Comparator.nullsFirst(Comparator.naturalOrder());

  @Override
  public int compare(FleetClass a, FleetClass b) {
    if (a == b) {
      return 0;
    }
    CpuIdentity x = a.cpu().identity();
    CpuIdentity y = b.cpu().identity();
    int c = TEXT.compare(x.arch(), y.arch());
    c = c != 0 ? c : TEXT.compare(x.vendor(), y.vendor());
    c = c != 0 ? c : Integer.compare(level(a), level(b));
    c = c != 0 ? c : Integer.compare(x.bits().cardinality(), y.bits().cardinality());
    c = c != 0 ? c : TEXT.compare(a.cpu().decodedModel(), b.cpu().decodedModel());
    c = c != 0 ? c : NUMBER.compare(x.family(), y.family());
    c = c != 0 ? c : NUMBER.compare(x.model(), y.model());
    c = c != 0 ? c : NUMBER.compare(x.stepping(), y.stepping());
    c = c != 0 ? c : compareBits(x.bits(), y.bits());
    c = c != 0 ? c : x.otherFeatures().toString().compareTo(y.otherFeatures().toString());
    c = c != 0 ? c : TEXT.compare(a.cpu().cpu().model(), b.cpu().cpu().model());
    c = c != 0 ? c : compareHostModels(a.hostModel(), b.hostModel());
    c = c != 0 ? c : VERSION.compare(a.libvirt(), b.libvirt());
    return c != 0 ? c : Integer.compare(a.order(), b.order());
  }

  private static int level(FleetClass c) {
    return c.cpu().level() == null ? -1 : c.cpu().level().ordinal();
  }

  private static int compareHostModels(HostModelPart a, HostModelPart b) {
    if (a == b) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    int c = Integer.compare(a.bits().cardinality(), b.bits().cardinality());
    c = c != 0 ? c : TEXT.compare(a.cpu().model(), b.cpu().model());
    c = c != 0 ? c : compareBits(a.bits(), b.bits());
    return c != 0 ? c : CpuXml.format(a.cpu()).compareTo(CpuXml.format(b.cpu()));
  }

  /** By the lowest position in which they differ: deterministic, and cheap. */
  private static int compareBits(Bits a, Bits b) {
    if (Objects.equals(a, b)) {
      return 0;
    }
    Bits onlyA = a.andNot(b);
    Bits onlyB = b.andNot(a);
    int firstA = onlyA.positions().findFirst().orElse(Integer.MAX_VALUE);
    int firstB = onlyB.positions().findFirst().orElse(Integer.MAX_VALUE);
    return Integer.compare(firstB, firstA);
  }
}
