package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.migcheck.model.HostCapabilities;

/**
 * The migration transport axis: both hosts support live migration and share a URI transport.
 * Nothing to say about a start. Its fleet summary is {@link #fleet}: the hosts without live
 * migration.
 */
public final class TransportAxis implements AxisRule {
  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    migrationSupport(src, dst, out);
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    // starting needs no migration support
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

  /** The fleet summary: the hosts (in order) whose capabilities do not list live migration. */
  public static <H> List<H> fleet(List<H> all, Predicate<H> liveMigration) {
    return all.stream().filter(liveMigration.negate()).toList();
  }
}
