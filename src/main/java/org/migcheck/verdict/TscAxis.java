package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.migcheck.model.TscCounter;

/**
 * The TSC axis. QEMU blocks migration of a guest with invtsc unless its TSC frequency is pinned
 * ({@code <timer name='tsc' frequency>}); a pinned frequency must then be what the destination runs
 * at, within QEMU's tolerance, or the destination must scale the guest's TSC. Its fleet summary
 * is {@link #fleet}: the rates, and the hosts too far above the slowest.
 */
public final class TscAxis implements AxisRule {
  private final CpuAxis cpu;

  TscAxis(CpuAxis cpu) {
    this.cpu = cpu;
  }

  /** Reads whether the guest sees invtsc from the CPU axis's outcome. */
  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    migrate(g, cpu.sees(out.guestBits, "invtsc"), src, dst, out);
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    if (g.tscHz() != null) {
      Finding f = rateOn(host, g.tscHz());
      if (f != null) {
        out.findings.add(f);
      }
    }
  }

  /**
   * QEMU and KVM accept a TSC within this many parts per million of the requested rate (KubeVirt
   * uses the same tolerance for invtsc guests).
   */
  public static final long TOLERANCE_PPM = 250;

  /** Parts per million between a host rate and the wanted (or reference) one. */
  public static double ppm(long hostHz, long wantedHz) {
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

  /**
   * TSC rates over a fleet. Spread is max - min; ppm is relative to the slowest host, the rate
   * KubeVirt gives invtsc guests.
   */
  public record FleetTsc<H>(
      Long minHz,
      Long maxHz,
      int distinctRates,
      List<H> beyondTolerance,
      List<H> noScaling,
      List<H> unreported) {
    public Long spreadHz() {
      return minHz == null ? null : maxHz - minHz;
    }

    public Double spreadPpm() {
      return minHz == null || minHz == 0 ? null : ppm(maxHz, minHz);
    }
  }

  /** The fleet summary over hosts (lists keep their order), given each host's rate and scaling. */
  public static <H> FleetTsc<H> fleet(
      List<H> all, Function<H, Long> rate, Function<H, Boolean> scaling) {
    Long min = null;
    Long max = null;
    Set<Long> rates = new HashSet<>();
    List<H> noScaling = new ArrayList<>();
    List<H> unreported = new ArrayList<>();
    for (H h : all) {
      Long hz = rate.apply(h);
      if (hz == null) {
        unreported.add(h);
        continue;
      }
      rates.add(hz);
      min = min == null ? hz : Math.min(min, hz);
      max = max == null ? hz : Math.max(max, hz);
      if (Boolean.FALSE.equals(scaling.apply(h))) {
        noScaling.add(h);
      }
    }
    List<H> beyond = new ArrayList<>();
    if (min != null) {
      for (H h : all) {
        Long hz = rate.apply(h);
        if (hz != null && ppm(hz, min) > TOLERANCE_PPM) {
          beyond.add(h);
        }
      }
    }
    return new FleetTsc<>(min, max, rates.size(), beyond, noScaling, unreported);
  }
}
