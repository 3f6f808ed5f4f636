package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.migcheck.model.MaxPhysAddr;

/**
 * The physical address bits a guest sees must not exceed what the destination has: a guest that
 * placed memory or BARs above the destination's limit breaks after the move.
 */
public final class PhysBitsAxis implements AxisRule {
  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    migrate(g, src, dst, out);
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    Finding f = on(guestBits(g, host), host);
    if (f != null) {
      out.findings.add(f);
    }
  }

  /** QEMU's phys-bits for named CPU models when the domain does not set them. */
  static final int QEMU_DEFAULT_BITS = 40;

  /**
   * The guest's address width on the source.
   *
   * @param implicit QEMU's default for named models: it only warns when a host has fewer bits
   * @param how the words reports use for where the number comes from
   */
  record GuestBits(int bits, boolean implicit, String how) {}

  /** Null when unknown (passthrough of a source that does not report its width). */
  static GuestBits guestBits(GuestProfile g, Host src) {
    MaxPhysAddr m = g.maxPhysAddr();
    Integer srcBits = src.physBits();
    if (m != null && "emulate".equals(m.mode()) && m.bits() != null) {
      return new GuestBits(m.bits(), false, "set by <maxphysaddr mode='emulate' bits='"
          + m.bits() + "'/>");
    }
    if (m != null && "passthrough".equals(m.mode())) {
      if (srcBits == null) {
        return null;
      }
      int bits = m.limit() != null ? Math.min(srcBits, m.limit()) : srcBits;
      return new GuestBits(bits, false, "passed through from " + src.name());
    }
    if (g.mode() == GuestMode.HOST_PASSTHROUGH) {
      return srcBits == null ? null
          : new GuestBits(srcBits, false, "passed through from " + src.name());
    }
    if (g.domain() != null) {
      return new GuestBits(QEMU_DEFAULT_BITS, true, "QEMU's default for named CPU models");
    }
    return srcBits == null ? null
        : new GuestBits(srcBits, false, src.name() + "'s, no guest given");
  }

  /** The finding for running a guest of that width on host h, or null. */
  static Finding on(GuestBits gb, Host h) {
    Integer bits = h.physBits();
    if (gb == null || bits == null || gb.bits() <= bits) {
      return null;
    }
    String msg = "the guest uses " + gb.bits() + " physical address bits (" + gb.how() + "); "
        + h.name() + " has " + bits;
    return gb.implicit()
        ? new Finding(Axis.PHYS_BITS, Safety.RISKY, msg + ": QEMU only warns, and the guest breaks"
            + " if it uses memory above that limit")
        : new Finding(Axis.PHYS_BITS, Safety.UNSAFE, msg);
  }

  static void migrate(GuestProfile g, Host src, Host dst, Outcome out) {
    GuestBits gb = guestBits(g, src);
    if (gb == null || dst.physBits() == null) {
      out.note("physical address bits not compared: "
          + (gb == null ? src.name() : dst.name()) + " does not report them");
      return;
    }
    Finding f = on(gb, dst);
    if (f != null) {
      out.findings.add(f);
    }
  }

  /**
   * The width guests can rely on in fleet reports and gate rules: the domcapabilities host-model
   * limit when known, else the capabilities bits; null when neither says.
   */
  public static Integer fleetHostBits(Integer capsBits, Integer domcapsLimit) {
    return domcapsLimit != null ? domcapsLimit : capsBits;
  }

  /** Address widths over a fleet: the range, the hosts at the lowest, and those that do not say. */
  public record FleetBits<H>(Integer min, Integer max, List<H> atMin, List<H> unreported) {}

  /** The fleet summary over hosts (lists keep their order), given each host's width. */
  public static <H> FleetBits<H> fleet(List<H> all, Function<H, Integer> width) {
    Integer min = null;
    Integer max = null;
    List<H> unreported = new ArrayList<>();
    for (H h : all) {
      Integer b = width.apply(h);
      if (b == null) {
        unreported.add(h);
        continue;
      }
      min = min == null ? b : Math.min(min, b);
      max = max == null ? b : Math.max(max, b);
    }
    Integer lowest = min;
    List<H> atMin =
        lowest == null ? List.of() : all.stream().filter(h -> lowest.equals(width.apply(h))).toList();
    return new FleetBits<>(min, max, atMin, unreported);
  }
}
