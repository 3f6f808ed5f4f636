package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.NaturalOrder;

/**
 * Everything {@code migcheck fleet} reports about a fleet: its compatibility classes (labelled C1,
 * C2... by what they are, so labels do not depend on input order), the migration graph for
 * host-model guests, which classes are the same CPU for host-passthrough guests, the baselines and
 * what holds them back, the suggested custom CPU, and the fleet-wide facts.
 */
public final class FleetAnalysis {
  private final Fleet fleet;
  private final List<FleetClass> classes;
  private final Map<FleetClass, String> labels;
  private final Map<FleetClass, List<FleetHost>> members;
  private final List<FleetHost> byName;
  private final MigrationGraph graph;
  private final FleetBaselines baselines;
  private final FleetFacts facts;
  private final FleetSuggestions suggestions;

  public FleetAnalysis(CpuEngine engine, Fleet fleet) {
    this(engine, fleet, fleet.members().keySet());
  }

  public FleetAnalysis(CpuEngine engine, Fleet fleet, Collection<FleetClass> labelled) {
    this(engine, fleet, labelled, engine);
  }

  /**
   * @param labelled the classes to number (a superset of the fleet's), so that two fleets sharing a
   *     registry (before and after a rollout) use the same labels
   * @param suggestEngine the engine of the suggestions: in a mixed fleet the oldest libvirt's,
   *     so that every host's libvirt knows the names and definitions suggested
   */
  public FleetAnalysis(
      CpuEngine engine, Fleet fleet, Collection<FleetClass> labelled, CpuEngine suggestEngine) {
    this.fleet = fleet;
    this.members = new HashMap<>();
    fleet.members().forEach((c, hosts) -> members.put(c, sortedByName(hosts)));
    this.byName = sortedByName(fleet.hosts());
    this.labels = labels(labelled);
    List<FleetClass> sorted = new ArrayList<>(members.keySet());
    sorted.sort(ClassOrder.INSTANCE);
    this.classes = List.copyOf(sorted);
    this.graph = MigrationGraph.of(engine, classes, this::label);
    this.baselines = new FleetBaselines(engine, fleet);
    this.facts = new FleetFacts(fleet.registry(), byName);
    this.suggestions =
        new FleetSuggestions(
            suggestEngine,
            fleet.registry().representatives(fleet.hosts(), this::label, suggestEngine),
            baselines.perVendor().stream().map(FleetBaselines.Baseline::vendor).toList());
  }

  static List<FleetHost> sortedByName(List<FleetHost> hosts) {
    List<FleetHost> out = new ArrayList<>(hosts);
    out.sort(Comparator.comparing(FleetHost::name, NaturalOrder.INSTANCE));
    return List.copyOf(out);
  }

  /** C1, C2... in {@link ClassOrder}. */
  static Map<FleetClass, String> labels(Collection<FleetClass> classes) {
    List<FleetClass> sorted = new ArrayList<>(classes);
    sorted.sort(ClassOrder.INSTANCE);
    Map<FleetClass, String> out = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      out.put(sorted.get(i), "C" + (i + 1));
    }
    return out;
  }

  public Fleet fleet() {
    return fleet;
  }

  /** The classes that have hosts, in label order. */
  public List<FleetClass> classes() {
    return classes;
  }

  /** The order of labels (C1 before C2). */
  public Comparator<FleetClass> classOrder() {
    return ClassOrder.INSTANCE;
  }

  public String label(FleetClass c) {
    return labels.get(c);
  }

  /** The hosts of a class, by name (so reports do not depend on input order). */
  public List<FleetHost> hosts(FleetClass c) {
    return members.getOrDefault(c, List.of());
  }

  /** Every host, by name. */
  public List<FleetHost> hostsByName() {
    return byName;
  }

  /** The graph for host-model guests, indexed like {@link #classes()}. */
  public MigrationGraph graph() {
    return graph;
  }

  public FleetBaselines baselines() {
    return baselines;
  }

  public FleetFacts facts() {
    return facts;
  }

  /** What {@code migcheck suggest} gives for the whole fleet, and per vendor when mixed. */
  public FleetSuggestions suggestions() {
    return suggestions;
  }

  /**
   * Groups of two or more classes that are the same CPU for host-passthrough guests (same vendor,
   * signature and expanded features; they differ in their host-model or the model name libvirt
   * wrote), in label order.
   */
  public List<List<FleetClass>> passthroughGroups() {
    Map<CpuIdentity, List<FleetClass>> byCpu = new LinkedHashMap<>();
    for (FleetClass c : classes) {
      byCpu.computeIfAbsent(c.cpu().identity(), k -> new ArrayList<>()).add(c);
    }
    return byCpu.values().stream().filter(g -> g.size() > 1).toList();
  }

  /** How many hosts run one libvirt version. */
  public record VersionShare(org.migcheck.cpumap.LibvirtVersion version, int hosts) {}

  /**
   * The libvirt versions the hosts declared, oldest first, with their host counts; empty when no
   * host declared one (then reports name only the libvirt migcheck emulated).
   */
  public List<VersionShare> libvirtVersions() {
    Map<org.migcheck.cpumap.LibvirtVersion, Integer> counts = new java.util.TreeMap<>();
    for (FleetHost h : byName) {
      if (h.libvirtIndex() >= 0) {
        counts.merge(fleet.registry().version(h.libvirtIndex()), 1, Integer::sum);
      }
    }
    List<VersionShare> out = new ArrayList<>();
    counts.forEach((v, n) -> out.add(new VersionShare(v, n)));
    return out;
  }

  /**
   * The hosts without a known libvirt version when others have one, by name: their migrations
   * get a note, never a guessed version.
   */
  public List<FleetHost> unknownVersion() {
    if (libvirtVersions().isEmpty()) {
      return List.of();
    }
    return byName.stream().filter(h -> h.libvirtIndex() < 0).toList();
  }

  /** The number of distinct host CPUs: host-passthrough guests never leave theirs. */
  public int passthroughCpus() {
    return (int) classes.stream().map(c -> c.cpu().identity()).distinct().count();
  }
}
