package org.migcheck.verdict;

import java.util.List;
import org.migcheck.model.CpuDef;
import org.migcheck.model.DomainDef;

/**
 * What {@link MigrationChecker#check} is asked.
 *
 * @param modes the guest CPU modes to judge; empty means the guest's own mode when a guest is
 *     given, else all three
 * @param guest a domain to judge (its CPU, clock, machine type, labels, memory, devices); null
 *     judges each mode's default guest
 * @param customCpu the custom CPU to judge in custom mode when the guest does not bring one; null
 *     uses {@link Suggester}'s suggestion for the two hosts
 * @param bothWays also judge the way back (each mode gets both directions)
 */
public record CheckOptions(
    List<GuestMode> modes, DomainDef guest, CpuDef customCpu, boolean bothWays) {

  public CheckOptions {
    modes = List.copyOf(modes);
  }

  /** Every mode, default guests, one way. */
  public static CheckOptions defaults() {
    return new CheckOptions(List.of(), null, null, false);
  }

  /** Only this guest, in its own CPU mode, one way. */
  public static CheckOptions forGuest(DomainDef guest) {
    return new CheckOptions(List.of(), guest, null, false);
  }

  /** The modes to judge, in report order. */
  public List<GuestMode> effectiveModes() {
    if (!modes.isEmpty()) {
      return List.of(GuestMode.values()).stream().filter(modes::contains).toList();
    }
    if (guest != null) {
      return List.of(GuestMode.of(guest.cpu() == null ? null : guest.cpu().mode()));
    }
    return List.of(GuestMode.values());
  }
}
