package org.migcheck.fleet.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CompareResult;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.X86Level;
import org.migcheck.fleet.FleetClass;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.FleetRegistry;
import org.migcheck.fleet.HostNames;
import org.migcheck.model.CpuDef;
import org.migcheck.verdict.CpuAxis;
import org.migcheck.verdict.TscAxis;

/**
 * The policy's rules that every host of the fleet after the rollout must keep, one subject per
 * host. CPU rules look at what guests get on a host: its domcapabilities host-model, else its
 * capabilities CPU; they are worked out once per class.
 */
final class HostRules {
  private final CpuEngine engine;
  private final Policy policy;
  private final FleetRegistry registry;
  private final HostNames names;
  private final Set<FleetHost> candidates;

  HostRules(CpuEngine engine, Policy policy, FleetRegistry registry, HostNames names, Set<FleetHost> candidates) {
    this.engine = engine;
    this.policy = policy;
    this.registry = registry;
    this.names = names;
    this.candidates = candidates;
  }

  /** The results of every rule the policy sets, over the hosts (in report order). */
  List<RuleResult> check(List<FleetHost> hosts) {
    List<RuleResult> out = new ArrayList<>();
    if (policy.minLevel() != null) {
      X86Level min = policy.minLevel();
      out.add(perClass(hosts, "min-level", "every host reaches " + min.title(), c -> level(c, min)));
    }
    for (String model : policy.requiredModels()) {
      out.add(perClass(hosts, "require-model " + model, "every host runs " + model, c -> model(c, model)));
    }
    if (!policy.requiredFeatures().isEmpty()) {
      out.add(perClass(hosts, "require-features",
          "every host has " + String.join(", ", policy.requiredFeatures()), this::features));
    }
    if (policy.minPhysBits() != null) {
      int min = policy.minPhysBits();
      out.add(perHost(hosts, "min-phys-bits", "every host offers guests " + min + " address bits",
          h -> h.guestPhysBits() == null
              ? "does not report its physical address bits"
              : h.guestPhysBits() < min ? "offers " + h.guestPhysBits() + " address bits" : null));
    }
    if (!policy.requiredMachines().isEmpty()) {
      out.add(perHost(hosts, "require-machines",
          "every host offers " + String.join(", ", policy.requiredMachines()), this::machines));
    }
    if (policy.maxTscSpread() != null) {
      out.add(tscSpread(hosts, policy.maxTscSpread()));
    }
    if (policy.singleVendor()) {
      out.add(singleVendor(hosts));
    }
    return out;
  }

  private RuleResult perClass(
      List<FleetHost> hosts, String rule, String description, Function<FleetClass, Problem> check) {
    Map<FleetClass, Problem> memo = new HashMap<>();
    return evaluate(hosts, rule, description, h -> memo.computeIfAbsent(h.fleetClass(), check));
  }

  private RuleResult perHost(
      List<FleetHost> hosts, String rule, String description, Function<FleetHost, String> check) {
    return evaluate(hosts, rule, description, h -> {
      String m = check.apply(h);
      return m == null ? Problem.NONE : new Problem(m, List.of());
    });
  }

  /** Why a host breaks a rule (with details), or NONE. */
  private record Problem(String message, List<Detail> details) {
    static final Problem NONE = new Problem(null, List.of());
  }

  private RuleResult evaluate(
      List<FleetHost> hosts, String rule, String description, Function<FleetHost, Problem> check) {
    List<Violation> violations = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    for (FleetHost h : hosts) {
      Problem p = check.apply(h);
      if (p.message() == null) {
        passed.add(names.of(h));
      } else {
        violations.add(new Violation(names.of(h), candidates.contains(h), p.message(), p.details()));
      }
    }
    return new RuleResult(rule, description, violations, passed);
  }

  // ---- CPU rules, per class

  /** What guests get on hosts of the class. */
  private static CpuDef target(FleetClass c) {
    return CpuAxis.offered(c.hostModel() == null ? null : c.hostModel().cpu(), c.arch(), c.cpu().cpu());
  }

  private static Bits targetBits(FleetClass c) {
    return c.hostModel() != null ? c.hostModel().bits() : c.cpu().bits();
  }

  private Problem level(FleetClass c, X86Level min) {
    if (!c.cpu().isX86()) {
      return new Problem("is not an x86 host", List.of());
    }
    CpuMap map = engine.featureMap("gate");
    List<String> missing = min.missingUpTo(map, targetBits(c));
    if (missing.isEmpty()) {
      return Problem.NONE;
    }
    X86Level has = X86Level.of(map, targetBits(c));
    return new Problem(
        "reaches " + (has == null ? "below x86-64-v1" : has.title()) + ", lacking "
            + BaselineRule.list(missing),
        locations(map, missing));
  }

  private Problem model(FleetClass c, String model) {
    CpuDef host = target(c);
    if (host.model() == null) {
      return new Problem("reports no CPU model", List.of());
    }
    if (!c.cpu().isX86()) {
      return new Problem("is not an x86 host", List.of());
    }
    CompareResult r = engine.compare(host, CpuDef.guest(model, null, List.of(), "policy"));
    if (r.verdict().compatible()) {
      return Problem.NONE;
    }
    return new Problem("cannot run " + model + ": " + r.message(),
        locations(engine.featureMap("gate"), r.features()));
  }

  private Problem features(FleetClass c) {
    if (!c.cpu().isX86()) {
      return new Problem("is not an x86 host", List.of());
    }
    CpuMap map = engine.featureMap("gate");
    Bits has = targetBits(c);
    List<String> missing = new ArrayList<>();
    for (String f : policy.requiredFeatures()) {
      Feature feature = map.feature(f).orElseThrow();
      if (!has.containsAll(feature.bits())) {
        missing.add(f);
      }
    }
    return missing.isEmpty() ? Problem.NONE
        : new Problem("lacks " + String.join(", ", missing), locations(map, missing));
  }

  private static List<Detail> locations(CpuMap map, List<String> features) {
    List<Detail> out = new ArrayList<>();
    for (String f : features) {
      out.add(Detail.feature(f, map.feature(f).map(x -> x.location()).orElse(null)));
    }
    return out;
  }

  // ---- other rules

  /** An alias such as q35 is resolved per host: each host's own {@code <machine canonical>}. */
  private String machines(FleetHost h) {
    List<String> offered = registry.machineSet(h.machineSet());
    List<String> aliases = registry.machineSet(h.machineAliases());
    List<String> missing = policy.requiredMachines().stream()
        .filter(m -> !offered.contains(m) && aliases.stream().noneMatch(a -> a.startsWith(m + "=")))
        .toList();
    return missing.isEmpty() ? null : "lacks machine type " + String.join(", ", missing);
  }

  private RuleResult tscSpread(List<FleetHost> hosts, Policy.TscSpread limit) {
    Long min = TscAxis.fleet(hosts, FleetHost::tscHz, FleetHost::tscScaling).minHz();
    return perHost(hosts, "max-tsc-spread",
        "every host's TSC runs within " + limit + " of the slowest host",
        h -> {
          if (h.tscHz() == null) {
            return "does not report its TSC rate";
          }
          if (limit.allows(min, h.tscHz())) {
            return null;
          }
          return String.format(java.util.Locale.ROOT, "runs its TSC at %.3f MHz, %d Hz (%.0f ppm) above the slowest host's %.3f MHz",
              h.tscHz() / 1e6, h.tscHz() - min, TscAxis.ppm(h.tscHz(), min), min / 1e6);
        });
  }

  private RuleResult singleVendor(List<FleetHost> hosts) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (FleetHost h : hosts) {
      counts.merge(vendor(h), 1, Integer::sum);
    }
    String main =
        counts.entrySet().stream()
            .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
            .map(Map.Entry::getKey)
            .orElse(null);
    return perHost(hosts, "single-vendor", "every host has one CPU vendor",
        h -> Objects.equals(vendor(h), main) ? null
            : "is " + vendor(h) + " in a fleet of " + counts.get(main) + " " + main + " hosts");
  }

  private static String vendor(FleetHost h) {
    return Objects.toString(h.fleetClass().vendor(), "unknown");
  }
}
