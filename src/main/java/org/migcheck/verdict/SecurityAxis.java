package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;

/**
 * The security axis: the guest's labels need their drivers on the host; without labels, differing
 * drivers make a move RISKY. Its fleet summary is the hosts grouped by their driver mix (the fleet
 * keeps them as registry ids, {@code fleet/FleetFacts}).
 */
public final class SecurityAxis implements AxisRule {
  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    security(g.domain(), src, dst, out);
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    labelsOn(g.domain(), host, out);
  }

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
}
