package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fleet-wide facts beyond the CPU that decide whether guests can move: machine types, TSC rates,
 * physical address bits, security drivers, live migration support, vendors, duplicate uuids.
 * One pass over the hosts; lists of hosts are complete (reports abbreviate).
 */
public final class FleetFacts {
  /** KubeVirt's tolerance: TSC rates closer than this need no scaling for invtsc guests. */
  public static final long TSC_TOLERANCE_PPM = 250;

  /** A machine type some hosts lack. */
  public record MissingMachine(String machine, List<FleetHost> missingOn) {}

  /** A group of hosts sharing a value (a security model mix, a vendor). */
  public record Share(String value, List<FleetHost> hosts) {}

  /**
   * TSC rates. Spread is max - min; ppm is relative to the slowest host, the rate KubeVirt gives
   * invtsc guests.
   */
  public record Tsc(
      Long minHz,
      Long maxHz,
      int distinctRates,
      List<FleetHost> beyondTolerance,
      List<FleetHost> noScaling,
      List<FleetHost> unreported) {
    public Long spreadHz() {
      return minHz == null ? null : maxHz - minHz;
    }

    public Double spreadPpm() {
      return minHz == null || minHz == 0 ? null : (maxHz - minHz) * 1e6 / minHz;
    }
  }

  /** Physical address bits guests can rely on (domcapabilities limit, else capabilities bits). */
  public record PhysBits(Integer min, Integer max, List<FleetHost> atMin, List<FleetHost> unreported) {}

  private final int hosts;
  private final List<String> commonMachines;
  private final List<MissingMachine> missingMachines;
  private final Tsc tsc;
  private final PhysBits physBits;
  private final List<Share> secModels;
  private final List<Share> vendors;
  private final List<FleetHost> noLiveMigration;
  private final Map<String, List<FleetHost>> duplicateUuids;

  /** Facts over hosts in the order their lists should have. */
  public FleetFacts(FleetRegistry r, List<FleetHost> all) {
    this.hosts = all.size();
    Map<Integer, Integer> setCounts = new LinkedHashMap<>();
    for (FleetHost h : all) {
      setCounts.merge(h.machineSet(), 1, Integer::sum);
    }
    TreeSet<String> union = new TreeSet<>(NaturalOrder.INSTANCE);
    TreeSet<String> common = null;
    for (int id : setCounts.keySet()) {
      List<String> set = r.machineSet(id);
      union.addAll(set);
      if (common == null) {
        common = new TreeSet<>(NaturalOrder.INSTANCE);
        common.addAll(set);
      } else {
        common.retainAll(set);
      }
    }
    this.commonMachines = common == null ? List.of() : List.copyOf(common);
    union.removeAll(commonMachines);
    this.missingMachines = missing(all, r, union);
    this.tsc = tsc(all);
    this.physBits = physBits(all);
    this.secModels = shares(all, h -> String.join(", ", r.secModelSet(h.secModels())));
    this.vendors = shares(all, h -> Objects.toString(h.fleetClass().vendor(), "unknown"));
    this.noLiveMigration = all.stream().filter(h -> !h.liveMigration()).toList();
    this.duplicateUuids = duplicates(all);
  }

  public int hosts() {
    return hosts;
  }

  /** Machine types every host offers, oldest first. */
  public List<String> commonMachines() {
    return commonMachines;
  }

  /** Machine types some hosts lack, with those hosts, in machine type order. */
  public List<MissingMachine> missingMachines() {
    return missingMachines;
  }

  public Tsc tsc() {
    return tsc;
  }

  public PhysBits physBits() {
    return physBits;
  }

  /** The security model mixes, most hosts first. */
  public List<Share> secModels() {
    return secModels;
  }

  /** The vendors, most hosts first. */
  public List<Share> vendors() {
    return vendors;
  }

  /** Hosts whose capabilities do not list live migration support. */
  public List<FleetHost> noLiveMigration() {
    return noLiveMigration;
  }

  /** Uuids several hosts report (cloned firmware), sorted. */
  public Map<String, List<FleetHost>> duplicateUuids() {
    return duplicateUuids;
  }

  /** The newest common versioned machine type of each family (pc-i440fx, pc-q35...), by family. */
  public List<String> newestCommonMachines() {
    Map<String, String> newest = new TreeMap<>();
    for (String m : commonMachines) {
      if (NaturalOrder.family(m).equals(m)) {
        continue; // unversioned: microvm, isapc...
      }
      newest.merge(NaturalOrder.family(m), m, (a, b) -> NaturalOrder.INSTANCE.compare(a, b) >= 0 ? a : b);
    }
    return List.copyOf(newest.values());
  }

  private static List<MissingMachine> missing(List<FleetHost> all, FleetRegistry r, TreeSet<String> names) {
    Map<String, List<FleetHost>> missing = new LinkedHashMap<>();
    for (String m : names) {
      missing.put(m, new ArrayList<>());
    }
    Map<Integer, List<String>> lacksBySet = new HashMap<>();
    for (FleetHost h : all) {
      List<String> lacks =
          lacksBySet.computeIfAbsent(
              h.machineSet(),
              id -> {
                List<String> set = r.machineSet(id);
                return names.stream().filter(n -> !set.contains(n)).toList();
              });
      for (String m : lacks) {
        missing.get(m).add(h);
      }
    }
    List<MissingMachine> out = new ArrayList<>();
    missing.forEach((m, hosts) -> out.add(new MissingMachine(m, hosts)));
    return out;
  }

  private static Tsc tsc(List<FleetHost> all) {
    Long min = null;
    Long max = null;
    java.util.Set<Long> rates = new java.util.HashSet<>();
    List<FleetHost> noScaling = new ArrayList<>();
    List<FleetHost> unreported = new ArrayList<>();
    for (FleetHost h : all) {
      if (h.tscHz() == null) {
        unreported.add(h);
        continue;
      }
      rates.add(h.tscHz());
      min = min == null ? h.tscHz() : Math.min(min, h.tscHz());
      max = max == null ? h.tscHz() : Math.max(max, h.tscHz());
      if (Boolean.FALSE.equals(h.tscScaling())) {
        noScaling.add(h);
      }
    }
    List<FleetHost> beyond = new ArrayList<>();
    if (min != null) {
      for (FleetHost h : all) {
        if (h.tscHz() != null && (h.tscHz() - min) * 1e6 / min > TSC_TOLERANCE_PPM) {
          beyond.add(h);
        }
      }
    }
    return new Tsc(min, max, rates.size(), beyond, noScaling, unreported);
  }

  private static PhysBits physBits(List<FleetHost> all) {
    Integer min = null;
    Integer max = null;
    List<FleetHost> unreported = new ArrayList<>();
    for (FleetHost h : all) {
      Integer b = h.guestPhysBits();
      if (b == null) {
        unreported.add(h);
        continue;
      }
      min = min == null ? b : Math.min(min, b);
      max = max == null ? b : Math.max(max, b);
    }
    Integer lowest = min;
    List<FleetHost> atMin =
        lowest == null ? List.of() : all.stream().filter(h -> lowest.equals(h.guestPhysBits())).toList();
    return new PhysBits(min, max, atMin, unreported);
  }

  private static List<Share> shares(List<FleetHost> all, java.util.function.Function<FleetHost, String> key) {
    Map<String, List<FleetHost>> groups = new TreeMap<>();
    for (FleetHost h : all) {
      groups.computeIfAbsent(key.apply(h), k -> new ArrayList<>()).add(h);
    }
    List<Share> out = new ArrayList<>();
    groups.forEach((v, hosts) -> out.add(new Share(v, hosts)));
    out.sort(Comparator.comparing((Share s) -> -s.hosts().size()).thenComparing(Share::value));
    return out;
  }

  private static Map<String, List<FleetHost>> duplicates(List<FleetHost> all) {
    Map<String, List<FleetHost>> byUuid = new TreeMap<>();
    for (FleetHost h : all) {
      if (h.uuid() != null) {
        byUuid.computeIfAbsent(h.uuid(), k -> new ArrayList<>(1)).add(h);
      }
    }
    byUuid.values().removeIf(l -> l.size() < 2);
    return byUuid;
  }
}
