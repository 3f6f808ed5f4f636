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

  /**
   * QEMU's phys-bits for named CPU models when the domain does not set them: x86_cpu_realizefn
   * (target/i386/cpu.c) falls back to TCG_PHYS_ADDR_BITS (40) when phys-bits is 0, and only
   * {@code -cpu host}/{@code max} turn host-phys-bits on (host_cpu_max_instance_init,
   * target/i386/host-cpu.c); upstream pc/q35 machine types set neither. libvirt gives host-model
   * and custom guests a named model, so they get 40 unless {@code <maxphysaddr>} says otherwise.
   */
  static final int QEMU_DEFAULT_BITS = 40;

  /**
   * The guest's address width on the source.
   *
   * @param implicit QEMU's default for named models: it only warns when a host has fewer bits
   * @param how the words reports use for where the number comes from
   */
  record GuestBits(int bits, boolean implicit, String how) {}

  /**
   * The width QEMU gives the guest in its mode on the source: {@code <maxphysaddr>} wins
   * (emulate: its bits; passthrough: the source's usable bits capped by its limit);
   * host-passthrough guests get the source's usable bits (host-phys-bits, capped by the
   * domcapabilities limit); host-model and custom guests QEMU's default. Null when unknown
   * (passthrough of a source that does not report its width).
   */
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
    return new GuestBits(QEMU_DEFAULT_BITS, true, "QEMU's default for named CPU models");
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
    Integer srcBits = src.physBits();
    if (gb.implicit() && srcBits != null && srcBits <= dst.physBits()) {
      // QEMU's default width on a source that has fewer bits: the guest can only have used what
      // the source has, and the destination has as much
      return;
    }
    Finding f = on(gb, dst);
    if (f != null) {
      out.findings.add(f);
    }
  }

  /**
   * The one reading of a host's usable width, for checks, fleet reports and gate rules: QEMU caps
   * what it passes through at the host-model's {@code limit} (host-phys-bits-limit), and never
   * gives more than the host has, so the smaller of the two; whichever is known, else null.
   */
  public static Integer usableBits(Integer capsBits, Integer domcapsLimit) {
    if (capsBits == null) {
      return domcapsLimit;
    }
    return domcapsLimit == null ? capsBits : Math.min(capsBits, domcapsLimit);
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
