package org.migcheck.migration;

import java.util.List;
import java.util.Locale;
import org.migcheck.model.TscCounter;

/**
 * The TSC axis. QEMU blocks migration of a guest with invtsc unless its TSC frequency is pinned
 * ({@code <timer name='tsc' frequency>}); a pinned frequency must then be what the destination runs
 * at, within QEMU's tolerance, or the destination must scale the guest's TSC.
 */
final class TscCheck {
  private TscCheck() {}

  /** QEMU and KVM accept a TSC within this many parts per million of the requested rate. */
  static final long TOLERANCE_PPM = 250;

  /** Parts per million between a host rate and the wanted one. */
  static double ppm(long hostHz, long wantedHz) {
    return Math.abs((double) hostHz - wantedHz) * 1_000_000d / wantedHz;
  }

  static String mhz(long hz) {
    return String.format(Locale.ROOT, "%.3f MHz", hz / 1e6);
  }

  /** Can host h give the guest its pinned TSC rate? Null when yes. */
  static Finding rateOn(Host h, long wantedHz) {
    TscCounter c = h.tsc();
    if (c == null) {
      return new Finding(Axis.TSC, Safety.RISKY, h.name() + " does not report its TSC rate: cannot"
          + " confirm it can run the guest's pinned " + mhz(wantedHz));
    }
    double off = ppm(c.frequency(), wantedHz);
    if (off <= TOLERANCE_PPM || Boolean.TRUE.equals(c.scaling())) {
      return null;
    }
    return new Finding(Axis.TSC, Safety.UNSAFE, "the guest's TSC is pinned to " + mhz(wantedHz)
        + "; " + h.name() + " runs at " + mhz(c.frequency()) + " ("
        + Math.round(off) + " ppm off, more than " + TOLERANCE_PPM + ") and cannot scale it");
  }

  /** The TSC findings of moving a guest (with invtsc or not) from src to dst. */
  static void migrate(GuestProfile g, boolean invtsc, Host src, Host dst, Outcome out) {
    Long pinned = g.tscHz();
    if (invtsc && pinned == null) {
      TscCounter c = src.tsc();
      out.add(Axis.TSC, Safety.UNSAFE, "the guest has invtsc without a pinned TSC frequency:"
          + " QEMU refuses to migrate it (pin <timer name='tsc' frequency='"
          + (c == null ? "HZ" : Long.toString(c.frequency())) + "'/>)", List.of("invtsc"));
      return;
    }
    if (pinned != null) {
      Finding f = rateOn(dst, pinned);
      if (f != null) {
        out.findings.add(f);
      } else if (dst.tsc() != null && ppm(dst.tsc().frequency(), pinned) > TOLERANCE_PPM) {
        out.note(dst.name() + " scales the guest's TSC to " + mhz(pinned) + " (it runs at "
            + mhz(dst.tsc().frequency()) + ")");
      }
      return;
    }
    TscCounter a = src.tsc();
    TscCounter b = dst.tsc();
    if (a != null && b != null && ppm(b.frequency(), a.frequency()) > TOLERANCE_PPM
        && !Boolean.TRUE.equals(b.scaling())) {
      out.note("guests that pin " + src.name() + "'s TSC rate (" + mhz(a.frequency())
          + ", needed for invtsc) cannot move to " + dst.name() + ": it runs at "
          + mhz(b.frequency()) + " and cannot scale");
    }
  }
}
