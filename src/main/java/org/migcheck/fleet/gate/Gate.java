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

/**
 * The CI gate for a fleet rollout: the fleet before, the fleet after (candidates added, or
 * replacing the host with their uuid), and every rule checked on every subject, so that one run
 * reports every violation: guests that lose a host or a migration, the baseline losing features,
 * and the policy's rules on every host.
 */
public final class Gate {
  private final CpuEngine engine;
  private final Policy policy;

  public Gate(CpuEngine engine, Policy policy) {
    this.engine = engine;
    this.policy = policy;
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
    if (!guests.isEmpty()) {
      rules.addAll(timed(() -> new GuestRules(engine, names, policy.newHosts()).check(guests, hostsBefore, updates, added, notes)));
    }
    rules.addAll(timed(() -> List.of(new BaselineRule(engine, policy).check(before, after, candidatesByName, names, notes))));
    rules.addAll(timed(() -> new HostRules(engine, policy, after.registry(), names, isCandidate).check(hostsAfter)));
    return new GateResult(
        before.hosts().size(),
        after.hosts().size(),
        candidatesByName.stream().map(names::of).toList(),
        updates.size(),
        new FleetBaselines(engine, before).overall(),
        new FleetBaselines(engine, after).overall(),
        guests.size(),
        rules,
        notes);
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
