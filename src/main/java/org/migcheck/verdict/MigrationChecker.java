package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuMode;
import org.migcheck.model.DomainDef;
import org.migcheck.model.MaxPhysAddr;

/**
 * Judges live migrations between two hosts per guest CPU mode, and whether a guest can start on a
 * host. Pure: reads nothing, prints nothing; results are immutable records. Hosts must have their
 * capabilities ({@link Host#caps()} not null).
 */
public final class MigrationChecker {
  private final Axes axes;
  private final Suggester suggester;

  public MigrationChecker(CpuEngine engine) {
    this(engine, HostVersions.none());
  }

  /** @param versions the libvirt each host runs, where known (the libvirt-version axis) */
  public MigrationChecker(CpuEngine engine, HostVersions versions) {
    this.axes = new Axes(engine, versions);
    this.suggester = new Suggester(engine);
  }

  /**
   * The verdicts for {@code src → dst} (and back, with {@link CheckOptions#bothWays()}), mode by
   * mode: for each mode the way there, then the way back.
   */
  public List<ModeVerdict> check(Host src, Host dst, CheckOptions options) {
    requireCaps(src);
    requireCaps(dst);
    List<ModeVerdict> out = new ArrayList<>();
    List<GuestMode> modes = options.effectiveModes();
    // a custom CPU made up for the pair is a suggestion, the slowest step of a short check: it is
    // worked out on a second thread while the other modes are judged
    FutureTask<GuestProfile> custom = null;
    if (modes.size() > 1 && modes.contains(GuestMode.CUSTOM)) {
      custom = new FutureTask<>(() -> profile(GuestMode.CUSTOM, options, src, dst));
      Thread t = new Thread(custom, "migcheck-custom-cpu");
      t.setDaemon(true);
      t.start();
    }
    for (GuestMode mode : modes) {
      GuestProfile g = mode == GuestMode.CUSTOM && custom != null
          ? result(custom) : profile(mode, options, src, dst);
      ModeVerdict there = verdict(g, src, dst);
      ModeVerdict back = verdict(g, dst, src);
      if (options.bothWays()) {
        out.add(there);
        out.add(back);
      } else {
        out.add(oneWay(there, back));
      }
    }
    return out;
  }

  /** What the task computed, or what it threw, as if computed here. */
  private static GuestProfile result(FutureTask<GuestProfile> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while working out a custom CPU", e);
    }
  }

  /** The verdict for a guest in its own CPU mode moving from src to dst (no note on the way back). */
  public ModeVerdict migrate(DomainDef guest, Host src, Host dst) {
    requireCaps(src);
    requireCaps(dst);
    CheckOptions o = CheckOptions.forGuest(guest);
    return verdict(profile(o.effectiveModes().get(0), o, src, dst), src, dst);
  }

  /**
   * Why the guest cannot start on the host (UNSAFE findings) or might not (RISKY); empty when it
   * can. A host-model guest starts anywhere its arch and machine run; a custom one needs its CPU
   * to fit; a host-passthrough one needs the features it requires by name.
   */
  public List<Finding> startFindings(DomainDef guest, Host host) {
    requireCaps(host);
    CheckOptions o = CheckOptions.forGuest(guest);
    GuestProfile g = profile(o.effectiveModes().get(0), o, host, host);
    return axes.start(g, host, host).findings;
  }

  /** Whether the guest can start on the host: no UNSAFE start finding. */
  public boolean canStart(DomainDef guest, Host host) {
    return startFindings(guest, host).stream().noneMatch(f -> f.severity() == Safety.UNSAFE);
  }

  /** Whether a custom guest CPU can start on the host as libvirt and QEMU decide (CustomStart). */
  public boolean canStart(CpuDef guestCpu, Host host) {
    return axes.cpu.canStart(guestCpu, host);
  }

  /** The hosts, in order, on which the guest can start. */
  public List<Host> startableHosts(DomainDef guest, List<Host> hosts) {
    return hosts.stream().filter(h -> canStart(guest, h)).toList();
  }

  private static void requireCaps(Host h) {
    if (h.caps() == null) {
      throw new IllegalArgumentException(h.name() + ": a migration check needs the capabilities");
    }
  }

  /** Adds the note about the way back when it is UNSAFE. */
  private static ModeVerdict oneWay(ModeVerdict there, ModeVerdict back) {
    if (back.safety() != Safety.UNSAFE || there.safety() == Safety.UNSAFE) {
      return there;
    }
    Finding why = back.findings().stream()
        .filter(f -> f.severity() == Safety.UNSAFE)
        .findFirst()
        .orElseThrow();
    String features = why.features().isEmpty() ? "" : ": " + String.join(", ", why.features());
    List<String> notes = new ArrayList<>(there.notes());
    notes.add("one-way: a " + there.mode().xmlName() + " guest that moves to " + there.to()
        + " cannot come back to " + there.from() + " (" + why.message() + features + ")");
    return new ModeVerdict(there.mode(), there.from(), there.to(), there.safety(),
        there.findings(), notes, there.guestCpu());
  }

  /** The guest for one mode: the domain's own CPU, a bare mode, --model, or the suggestion. */
  private GuestProfile profile(GuestMode mode, CheckOptions o, Host a, Host b) {
    DomainDef d = o.guest();
    CpuDef own = d == null ? null : d.cpuDef();
    boolean isOwn = d != null && GuestMode.of(own == null ? null : own.mode()) == mode;
    Long tsc = d == null ? null : d.tscFrequency();
    MaxPhysAddr mpa = isOwn && d.cpu() != null ? d.cpu().maxPhysAddr() : null;
    switch (mode) {
      case HOST_PASSTHROUGH -> {
        CpuDef c = isOwn ? own : GuestProfile.bare(CpuMode.HOST_PASSTHROUGH);
        boolean migratable = c.migratable() == null || c.migratable();
        return new GuestProfile(mode, c, migratable, mpa, tsc, d, null, null);
      }
      case HOST_MODEL -> {
        CpuDef c = isOwn ? own : GuestProfile.bare(CpuMode.HOST_MODEL);
        return new GuestProfile(mode, c, true, mpa, tsc, d, null, null);
      }
      default -> {
        if (isOwn) {
          if (own != null && own.model() != null) {
            String origin = GuestProfile.writtenDefault(d, own)
                ? GuestProfile.DEFAULT_ORIGIN + own.model()
                    + " (as libvirt writes it for a domain without <cpu>)"
                : null;
            return new GuestProfile(mode, own, true, mpa, tsc, d, origin, null);
          }
          // a custom <cpu> without a model runs QEMU's default model too
          CpuDef def = GuestProfile.qemuDefault(d);
          String arch = d.os() == null ? null : d.os().arch();
          return def == null
              ? new GuestProfile(mode, null, true, null, tsc, d, null,
                  "QEMU picks the default CPU of " + arch + " guests, which migcheck does not model")
              : new GuestProfile(mode, def, true, null, tsc, d,
                  GuestProfile.DEFAULT_ORIGIN + def.model()
                      + (own == null ? " (the domain has no <cpu>)" : " (its <cpu> names no model)"),
                  null);
        }
        if (o.customCpu() != null) {
          return new GuestProfile(mode, o.customCpu(), true, null, tsc, d, null, null);
        }
        Suggestion s = suggester.suggest(List.of(a, b), SuggestOptions.DEFAULT);
        if (!s.ok()) {
          return new GuestProfile(mode, null, true, null, tsc, d, null,
              String.join("; ", s.problems()));
        }
        MaxPhysAddr bits = s.physBits() == null ? null
            : new MaxPhysAddr("emulate", s.physBits(), null);
        return new GuestProfile(mode, s.cpu(), true, bits, tsc, d,
            "the suggestion for " + a.name() + " and " + b.name() + " (" + s.cpu().model()
                + (bits == null ? "" : ", " + s.physBits() + " address bits") + ")", null);
      }
    }
  }

  /** Every axis's pair rule, then what keeps the guest from starting on the source at all. */
  private ModeVerdict verdict(GuestProfile g, Host src, Host dst) {
    Outcome out = axes.pair(g, src, dst);
    if (g.domain() != null) {
      for (Finding f : axes.start(g, src, src).findings) {
        if (f.severity() == Safety.UNSAFE && f.axis() != Axis.CPU) {
          out.note("the guest cannot start on " + src.name() + " either: " + f.message());
        }
      }
    }
    List<Finding> sorted = new ArrayList<>(out.findings);
    sorted.sort((x, y) -> x.axis().compareTo(y.axis()));
    return new ModeVerdict(g.mode(), src.name(), dst.name(), Safety.of(sorted), sorted,
        out.notes, out.guestCpu);
  }
}
