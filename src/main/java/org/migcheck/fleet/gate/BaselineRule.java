package org.migcheck.fleet.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CpuEngine;
import org.migcheck.fleet.Fleet;
import org.migcheck.fleet.FleetBaselines;
import org.migcheck.fleet.FleetBaselines.Baseline;
import org.migcheck.fleet.FleetClass;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.HostNames;
import org.migcheck.model.FeaturePolicy;

/**
 * The fleet baseline must not lose features in a rollout (except those the policy allows): a
 * guest defined with the old baseline would no longer start everywhere. Each candidate host is
 * a subject, failing when it lacks a lost feature; with mixed vendors each vendor's baseline is
 * held to this.
 */
final class BaselineRule {
  static final String KEY = "baseline";

  private final CpuEngine engine;
  private final Policy policy;

  BaselineRule(CpuEngine engine, Policy policy) {
    this.engine = engine;
    this.policy = policy;
  }

  /** The before and after baselines of one scope (the fleet, or one vendor's hosts). */
  private record Scope(String vendor, Baseline before, Baseline after) {}

  RuleResult check(Fleet before, Fleet after, List<FleetHost> candidates, HostNames names, List<String> notes) {
    FleetBaselines b0 = new FleetBaselines(engine, before);
    FleetBaselines b1 = new FleetBaselines(engine, after);
    List<Scope> scopes = new ArrayList<>();
    if (b0.overall().ok()) {
      scopes.add(new Scope(null, b0.overall(), b1.overall()));
    } else if (!b0.perVendor().isEmpty()) {
      for (Baseline v : b0.perVendor()) {
        Baseline now = b1.perVendor().stream().filter(x -> x.vendor().equals(v.vendor())).findFirst()
            .orElse(b1.overall());
        if (v.ok()) {
          scopes.add(new Scope(v.vendor(), v, now));
        }
      }
    } else {
      notes.add("the fleet had no baseline before the rollout (" + b0.overall().error()
          + "): nothing to lose");
    }
    List<Violation> violations = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    for (FleetHost c : candidates) {
      Violation v = null;
      for (Scope s : scopes) {
        if (s.vendor() == null || s.vendor().equals(vendor(c))) {
          v = v != null ? v : check(s, c, names, before.registry().engine().featureMap("gate"));
        }
      }
      if (v == null) {
        passed.add(names.of(c));
      } else {
        violations.add(v);
      }
    }
    if (candidates.isEmpty()) {
      passed.add("fleet");
    }
    String allowed =
        policy.anyLossAllowed()
            ? " (any loss allowed)"
            : policy.allowedLosses().isEmpty() ? "" : " (allowed to lose: " + String.join(", ", policy.allowedLosses()) + ")";
    return new RuleResult(KEY, "the fleet baseline keeps its features" + allowed, violations, passed);
  }

  private static String vendor(FleetHost h) {
    return Objects.toString(h.fleetClass().vendor(), "unknown");
  }

  /** @param hostMap the map the hosts were read with (the baselines' may be an older libvirt's) */
  private Violation check(Scope s, FleetHost c, HostNames names, CpuMap hostMap) {
    if (policy.anyLossAllowed()) {
      return null;
    }
    String scope = s.vendor() == null ? "the fleet baseline" : "the " + s.vendor() + " baseline";
    Baseline was = s.before();
    Baseline now = s.after();
    if (!now.ok()) {
      boolean cause =
          c.fleetClass().cpu().cpu().model() == null
              || (was.cpu().vendor() != null && !was.cpu().vendor().equals(c.fleetClass().vendor()));
      if (!cause) {
        return null;
      }
      return new Violation(names.of(c), true,
          "leaves no " + scope.replace("the ", "") + ": libvirt says " + now.error(),
          List.of(Detail.baseline(describe(was), null),
              Detail.hostCpu(c.fleetClass().vendor(), c.fleetClass().cpu().decodedModel())));
    }
    if (!c.fleetClass().cpu().isX86()) {
      return null;
    }
    CpuMap map = engine.featureMap("gate");
    Bits lost = was.bits().andNot(now.bits());
    if (lost.isEmpty()) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    List<Detail> details = new ArrayList<>();
    // by name: each libvirt's map numbers its features its own way; what the class's guests get
    // (its guest-visible CPU) is no loss for them
    java.util.Set<String> has = new java.util.HashSet<>();
    FleetClass fc = c.fleetClass();
    hostMap.presentFeatures(fc.visible() == null ? fc.cpu().bits() : fc.visibleBits())
        .forEach(f -> has.add(f.name()));
    for (Feature f : map.presentFeatures(lost)) {
      if (!has.contains(f.name()) && !policy.allowedLosses().contains(f.name())) {
        missing.add(f.name());
        details.add(Detail.feature(f.name(), f.location()));
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    details.add(0, Detail.baseline(describe(was), describe(now)));
    return new Violation(names.of(c), true,
        "removes " + list(missing) + " from " + scope,
        details);
  }

  /** "Skylake-Server-IBRS (v4, +15 features, -2 disabled)", as fleet reports say it. */
  static String describe(Baseline b) {
    long required = b.cpu().features().stream().filter(f -> f.effectivePolicy() == FeaturePolicy.REQUIRE).count();
    long disabled = b.cpu().features().size() - required;
    return b.cpu().model() + " (" + (b.level() == null ? "<v1" : b.level().shortName()) + ", +"
        + required + " features" + (disabled > 0 ? ", -" + disabled + " disabled" : "") + ")";
  }

  static String list(List<String> names) {
    if (names.size() <= 6) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
  }
}
