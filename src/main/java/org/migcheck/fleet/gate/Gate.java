package org.migcheck.fleet.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.migcheck.engine.CpuEngine;
import org.migcheck.fleet.Fleet;
import org.migcheck.fleet.FleetBaselines;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.HostNames;
import org.migcheck.model.DomainDef;
import org.migcheck.model.NaturalOrder;
import org.migcheck.verdict.HostVersions;

/**
 * The CI gate for a fleet rollout: the fleet before, the fleet after (candidates added, or
 * replacing the host with their uuid), and every rule checked on every subject, so that one run
 * reports every violation: guests that lose a host or a migration, the baseline losing features,
 * and the policy's rules on every host.
 */
public final class Gate {
  private final CpuEngine engine;
  private final Policy policy;
  private final CpuEngine baselineEngine;

  public Gate(CpuEngine engine, Policy policy) {
    this(engine, policy, engine);
  }

  /**
   * @param baselineEngine the engine of the baselines: in a mixed fleet the oldest libvirt's, so
   *     that they only name what every host's libvirt knows
   */
  public Gate(CpuEngine engine, Policy policy, CpuEngine baselineEngine) {
    this.engine = engine;
    this.policy = policy;
    this.baselineEngine = baselineEngine;
  }

  /**
   * @param guests guest definitions to keep working; their checks need every host's documents
   *     ({@link FleetHost#host()}), so load the fleet keeping them when there are guests
   */
  public GateResult run(Fleet before, List<FleetHost> candidates, List<DomainDef> guests) {
    Fleet after = before.with(candidates);
    Set<FleetHost> isCandidate = Collections.newSetFromMap(new IdentityHashMap<>());
    isCandidate.addAll(candidates);
    Map<FleetHost, FleetHost> updates = new IdentityHashMap<>();
    Map<String, FleetHost> beforeByUuid = new java.util.HashMap<>();
    for (FleetHost h : before.hosts()) {
      if (h.uuid() != null) {
        beforeByUuid.put(h.uuid(), h);
      }
    }
    List<FleetHost> added = new ArrayList<>();
    for (FleetHost c : candidates) {
      FleetHost was = c.uuid() == null ? null : beforeByUuid.get(c.uuid());
      if (was != null) {
        updates.put(c, was);
      } else {
        added.add(c);
      }
    }
    // an update takes the name of the host it replaces: "skylake-b" is the new snapshot
    HostNames names = new HostNames(after.hosts());
    List<FleetHost> hostsAfter = byName(after.hosts(), names);
    List<FleetHost> hostsBefore = byName(before.hosts(), new HostNames(before.hosts()));
    List<FleetHost> candidatesByName = byName(candidates, names);
    List<String> notes = new ArrayList<>();
    List<RuleResult> rules = new ArrayList<>();
    versionNotes(before, candidates, names, notes);
    if (!guests.isEmpty()) {
      HostVersions versions = versions(before, candidates);
      rules.addAll(timed(() -> new GuestRules(engine, names, policy.newHosts(), versions).check(guests, hostsBefore, updates, added, notes)));
    }
    rules.addAll(timed(() -> List.of(new BaselineRule(baselineEngine, policy).check(before, after, candidatesByName, names, notes))));
    rules.addAll(timed(() -> new HostRules(engine, policy, after.registry(), names, isCandidate).check(hostsAfter)));
    return new GateResult(
        before.hosts().size(),
        after.hosts().size(),
        candidatesByName.stream().map(names::of).toList(),
        updates.size(),
        new FleetBaselines(baselineEngine, before).overall(),
        new FleetBaselines(baselineEngine, after).overall(),
        guests.size(),
        rules,
        notes);
  }

  /** Each host's declared libvirt, for the guests' libvirt-version axis (by host, not name). */
  private static HostVersions versions(Fleet before, List<FleetHost> candidates) {
    HostVersions out = HostVersions.none();
    List<FleetHost> all = new ArrayList<>(before.hosts());
    all.addAll(candidates);
    for (FleetHost h : all) {
      if (h.host() != null && h.libvirtIndex() >= 0) {
        out.put(h.host(), new HostVersions.Declared(before.registry().version(h.libvirtIndex()), "gate"));
      }
    }
    return out;
  }

  /** Which libvirt versions the rollout involves; hosts without one get a note, not a guess. */
  private static void versionNotes(
      Fleet before, List<FleetHost> candidates, HostNames names, List<String> notes) {
    java.util.TreeSet<org.migcheck.cpumap.LibvirtVersion> seen = new java.util.TreeSet<>();
    List<String> unknown = new ArrayList<>();
    List<FleetHost> all = new ArrayList<>(before.hosts());
    all.addAll(candidates);
    for (FleetHost h : all) {
      if (h.libvirtIndex() < 0) {
        unknown.add(names.of(h));
      } else {
        seen.add(before.registry().version(h.libvirtIndex()));
      }
    }
    if (seen.isEmpty()) {
      return;
    }
    notes.add("libvirt versions: " + String.join(", ", seen.stream().map(Object::toString).toList())
        + (seen.size() > 1 ? "; the baseline names only what libvirt " + seen.first() + " knows" : ""));
    if (!unknown.isEmpty()) {
      notes.add("libvirt version unknown for " + BaselineRule.list(unknown.stream().distinct().toList())
          + ": guest CPUs are not compared by libvirt version there (give --host-libvirt or a"
          + " snapshot.json)");
    }
  }

  /** Runs rule checks, sharing out their time. */
  private static List<RuleResult> timed(java.util.function.Supplier<List<RuleResult>> checks) {
    long start = System.nanoTime();
    List<RuleResult> out = checks.get();
    double each = (System.nanoTime() - start) / 1e9 / Math.max(1, out.size());
    return out.stream().map(r -> r.timed(each)).toList();
  }

  /** In the order reports list hosts: by the names they show. */
  private static List<FleetHost> byName(List<FleetHost> hosts, HostNames names) {
    List<FleetHost> out = new ArrayList<>(hosts);
    out.sort(java.util.Comparator.comparing(names::of, NaturalOrder.INSTANCE));
    return out;
  }
}
