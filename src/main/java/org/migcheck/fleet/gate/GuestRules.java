package org.migcheck.fleet.gate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.migcheck.engine.CpuEngine;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.HostNames;
import org.migcheck.model.DomainDef;
import org.migcheck.verdict.Finding;
import org.migcheck.verdict.HostVersions;
import org.migcheck.verdict.MigrationChecker;
import org.migcheck.verdict.ModeVerdict;
import org.migcheck.verdict.Safety;

/**
 * Guests must keep every host they could start on and every live migration they could make,
 * in their own CPU mode, as the verdict package judges them ({@link MigrationChecker}). Only
 * hosts that changed can change a verdict, so only pairs with an updated host are checked again:
 * the cost grows with candidates x hosts x guests, not hosts squared.
 */
final class GuestRules {
  static final String START = "guest-start";
  static final String MIGRATION = "guest-migration";
  static final String NEW_HOST = "guest-new-host";
  private static final int NOTES_PER_GUEST = 10;

  private final MigrationChecker checker;
  private final HostNames names;
  private final Policy.NewHosts scope;

  GuestRules(CpuEngine engine, HostNames names) {
    this(engine, names, Policy.NewHosts.SAME_VENDOR, HostVersions.none());
  }

  /**
   * @param scope the fleet hosts each new host must exchange guests with (OFF: no such rule)
   * @param versions each host's declared libvirt (the libvirt-version axis), where known
   */
  GuestRules(CpuEngine engine, HostNames names, Policy.NewHosts scope, HostVersions versions) {
    this.checker = new MigrationChecker(engine, versions);
    this.names = names;
    this.scope = scope;
  }

  /** A way guests can no longer go: to (or from) an updated host, from (or to) other hosts. */
  private record Lost(FleetHost updated, boolean toUpdated, List<FleetHost> others, List<Finding> why) {}

  /**
   * @param before the hosts before the rollout, in report order
   * @param updates each updated host after the rollout, with its snapshot before
   * @param added the new hosts
   */
  List<RuleResult> check(
      List<DomainDef> guests,
      List<FleetHost> before,
      Map<FleetHost, FleetHost> updates,
      List<FleetHost> added,
      List<String> notes) {
    List<Violation> startViolations = new ArrayList<>();
    List<Violation> moveViolations = new ArrayList<>();
    List<String> startPassed = new ArrayList<>();
    List<String> movePassed = new ArrayList<>();
    List<Violation> newHostViolations = new ArrayList<>();
    List<String> newHostPassed = new ArrayList<>();
    Map<FleetHost, FleetHost> afterOf = new IdentityHashMap<>();
    updates.forEach((now, was) -> afterOf.put(was, now));
    List<FleetHost> addedByName = new ArrayList<>(added);
    addedByName.sort(java.util.Comparator.comparing(names::of, org.migcheck.model.NaturalOrder.INSTANCE));
    for (DomainDef g : guests) {
      String guest = name(g);
      Map<FleetHost, Boolean> startable = startable(g, before);
      List<String> lostStarts = new ArrayList<>();
      List<Detail> startDetails = new ArrayList<>();
      List<Lost> lostMoves = new ArrayList<>();
      List<FleetHost> updatedBefore = before.stream().filter(afterOf::containsKey).toList();
      for (FleetHost was : updatedBefore) {
        FleetHost now = afterOf.get(was);
        if (!startable.get(was)) {
          continue;
        }
        List<Finding> why = unsafe(checker.startFindings(g, now.host()));
        if (!why.isEmpty()) {
          lostStarts.add(names.of(now));
          startDetails.add(Detail.start(names.of(now), why));
          continue;
        }
        lostMoves.addAll(lostMoves(g, was, now, before, startable, afterOf, updatedBefore));
      }
      if (lostStarts.isEmpty()) {
        startPassed.add(guest);
      } else {
        startViolations.add(new Violation(guest, false,
            "can no longer start on " + count(lostStarts.size()) + " it could start on before: "
                + BaselineRule.list(lostStarts), startDetails));
      }
      if (lostMoves.isEmpty()) {
        movePassed.add(guest);
      } else {
        moveViolations.add(moveViolation(guest, lostMoves));
      }
      newHostNotes(g, guest, added, notes);
      if (scope != Policy.NewHosts.OFF) {
        List<FleetHost> runs = new ArrayList<>();
        for (FleetHost was : before) {
          FleetHost now = afterOf.get(was);
          if (now == null ? startable.get(was) : checker.canStart(g, now.host())) {
            runs.add(now == null ? was : now);
          }
        }
        List<Lost> lost = runs.isEmpty() ? List.of() : newHostMoves(g, runs, addedByName);
        if (runs.isEmpty() && !added.isEmpty()) {
          notes.add("guest " + guest + " starts on no fleet host: new hosts are not checked for it");
        }
        if (lost.isEmpty()) {
          newHostPassed.add(guest);
        } else {
          newHostViolations.add(moveViolation(guest, lost,
              "cannot live-migrate %d %s between the fleet and a new host: "));
        }
      }
    }
    List<RuleResult> out = new ArrayList<>(List.of(
        new RuleResult(START, "guests can still start on every updated host they could start on",
            startViolations, startPassed),
        new RuleResult(MIGRATION, "guests can still live-migrate wherever they could",
            moveViolations, movePassed)));
    if (scope != Policy.NewHosts.OFF) {
      out.add(new RuleResult(NEW_HOST, "guests can live-migrate onto every new host and back"
          + (scope == Policy.NewHosts.SAME_VENDOR ? " (from the fleet hosts of its vendor)" : ""),
          newHostViolations, newHostPassed));
    }
    return out;
  }

  /**
   * The moves between each new host and the fleet hosts the guest runs on (of the new host's
   * vendor unless the scope is all) that are UNSAFE, both ways; the way back is only looked at
   * when the guest can start on the new host at all (else the way there says why).
   */
  private List<Lost> newHostMoves(DomainDef g, List<FleetHost> runs, List<FleetHost> added) {
    List<Lost> out = new ArrayList<>();
    for (FleetHost n : added) {
      List<FleetHost> peers = runs.stream()
          .filter(h -> scope == Policy.NewHosts.ALL
              || Objects.equals(h.fleetClass().vendor(), n.fleetClass().vendor()))
          .toList();
      if (peers.isEmpty()) {
        continue;
      }
      boolean startsThere = checker.canStart(g, n.host());
      for (boolean toNew : new boolean[] {true, false}) {
        if (!toNew && !startsThere) {
          continue;
        }
        List<Map.Entry<FleetHost, List<Finding>>> lost = peers.parallelStream()
            .map(h -> {
              ModeVerdict v = toNew ? checker.migrate(g, h.host(), n.host())
                  : checker.migrate(g, n.host(), h.host());
              return v.safety() == Safety.UNSAFE ? Map.entry(h, unsafe(v.findings())) : null;
            })
            .filter(Objects::nonNull)
            .toList();
        if (!lost.isEmpty()) {
          out.add(new Lost(n, toNew, lost.stream().map(Map.Entry::getKey).toList(),
              lost.get(0).getValue()));
        }
      }
    }
    return out;
  }

  private static String name(DomainDef g) {
    return g.name() != null ? g.name() : HostNames.shortName(g.source());
  }

  private Map<FleetHost, Boolean> startable(DomainDef g, List<FleetHost> hosts) {
    Map<FleetHost, Boolean> out = new IdentityHashMap<>();
    List<Boolean> verdicts = hosts.parallelStream().map(h -> checker.canStart(g, h.host())).toList();
    for (int i = 0; i < hosts.size(); i++) {
      out.put(hosts.get(i), verdicts.get(i));
    }
    return out;
  }

  /**
   * The moves between an updated host and the hosts the guest could start on that were possible
   * before and are not after; a pair of updated hosts is looked at once, from the first.
   */
  private List<Lost> lostMoves(
      DomainDef g,
      FleetHost was,
      FleetHost now,
      List<FleetHost> before,
      Map<FleetHost, Boolean> startable,
      Map<FleetHost, FleetHost> afterOf,
      List<FleetHost> updatedBefore) {
    int me = updatedBefore.indexOf(was);
    List<FleetHost> others =
        before.stream()
            .filter(h -> h != was && startable.get(h))
            .filter(h -> !afterOf.containsKey(h) || updatedBefore.indexOf(h) > me)
            .toList();
    List<Lost> out = new ArrayList<>();
    for (boolean toUpdated : new boolean[] {true, false}) {
      List<Map.Entry<FleetHost, List<Finding>>> lost =
          others.parallelStream()
              .map(h -> {
                FleetHost hNow = afterOf.getOrDefault(h, h);
                List<Finding> why = toUpdated ? regression(g, h, was, hNow, now) : regression(g, was, h, now, hNow);
                return why == null ? null : Map.entry(h, why);
              })
              .filter(Objects::nonNull)
              .toList();
      if (!lost.isEmpty()) {
        out.add(new Lost(now, toUpdated, lost.stream().map(e -> afterOf.getOrDefault(e.getKey(), e.getKey())).toList(),
            lost.get(0).getValue()));
      }
    }
    return out;
  }

  /** Why src to dst is UNSAFE after the rollout when it was not before; null when it is not lost. */
  private List<Finding> regression(DomainDef g, FleetHost src0, FleetHost dst0, FleetHost src1, FleetHost dst1) {
    ModeVerdict was = checker.migrate(g, src0.host(), dst0.host());
    if (was.safety() == Safety.UNSAFE) {
      return null;
    }
    ModeVerdict now = checker.migrate(g, src1.host(), dst1.host());
    return now.safety() == Safety.UNSAFE ? unsafe(now.findings()) : null;
  }

  private Violation moveViolation(String guest, List<Lost> lost) {
    return moveViolation(guest, lost, "can no longer live-migrate %d %s it could before: ");
  }

  /** @param lead the message's start, with the number of ways and "way"/"ways" to fill in */
  private Violation moveViolation(String guest, List<Lost> lost, String lead) {
    List<String> parts = new ArrayList<>();
    List<Detail> details = new ArrayList<>();
    int pairs = 0;
    for (Lost l : lost) {
      String updated = names.of(l.updated());
      List<String> others = l.others().stream().map(names::of).toList();
      String shown = others.size() <= 3 ? String.join(", ", others) : count(others.size());
      parts.add((l.toUpdated() ? "to " : "from ") + updated + (l.toUpdated() ? " from " : " to ") + shown);
      String line = (l.toUpdated() ? "to " + updated + " from " : "from " + updated + " to ")
          + BaselineRule.list(others);
      details.add(l.toUpdated()
          ? Detail.migration(others, List.of(updated), l.why(), line)
          : Detail.migration(List.of(updated), others, l.why(), line));
      pairs += others.size();
    }
    return new Violation(guest, false,
        String.format(java.util.Locale.ROOT, lead, pairs, pairs == 1 ? "way" : "ways")
            + String.join("; ", parts.subList(0, Math.min(3, parts.size())))
            + (parts.size() > 3 ? " and " + (parts.size() - 3) + " more" : ""),
        details);
  }

  private void newHostNotes(DomainDef g, String guest, List<FleetHost> added, List<String> notes) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (FleetHost h : added) {
      List<Finding> f = unsafe(checker.startFindings(g, h.host()));
      if (!f.isEmpty()) {
        byReason.computeIfAbsent(messages(f).replace(h.host().name(), "the host"), k -> new ArrayList<>())
            .add(names.of(h));
      }
    }
    byReason.entrySet().stream().limit(NOTES_PER_GUEST).forEach(e ->
        notes.add("guest " + guest + " cannot start on new " + (e.getValue().size() == 1 ? "host " : "hosts ")
            + BaselineRule.list(e.getValue()) + ": " + e.getKey()));
  }

  private static List<Finding> unsafe(List<Finding> findings) {
    return findings.stream().filter(f -> f.severity() == Safety.UNSAFE).toList();
  }

  private static String messages(List<Finding> findings) {
    return Detail.messages(findings);
  }

  private static String count(int n) {
    return n + (n == 1 ? " host" : " hosts");
  }
}
