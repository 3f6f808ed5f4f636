package org.migcheck.verdict;

import java.util.Objects;
import org.migcheck.model.DomainDef;

/**
 * The devices axis: the devices the domain reader marks as blocking migration. They do not stop a
 * start. Judged only for a given guest.
 */
public final class DevicesAxis implements AxisRule {
  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    if (g.domain() != null) {
      devices(g.domain(), out);
    }
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    // a device that cannot migrate still starts
  }

  static void devices(DomainDef d, Outcome out) {
    for (String b : d.migrationBlockers()) {
      out.add(Axis.DEVICES, Safety.UNSAFE, Objects.requireNonNull(b) + " cannot migrate");
    }
  }
}
