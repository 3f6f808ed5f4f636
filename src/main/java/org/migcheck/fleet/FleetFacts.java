package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.migcheck.verdict.PhysBitsAxis;
import org.migcheck.verdict.PlatformAxis;
import org.migcheck.verdict.TransportAxis;
import org.migcheck.verdict.TscAxis;

/**
 * Fleet-wide facts beyond the CPU that decide whether guests can move: machine types, TSC rates,
 * physical address bits, security drivers, live migration support (each its axis's fleet summary,
 * in the verdict package), vendors, duplicate uuids. Lists of hosts are complete (reports
 * abbreviate).
 */
public final class FleetFacts {
  /** A group of hosts sharing a value (a security model mix, a vendor). */
  public record Share(String value, List<FleetHost> hosts) {}

  private final int hosts;
  private final PlatformAxis.FleetMachines<FleetHost> machines;
  private final TscAxis.FleetTsc<FleetHost> tsc;
  private final PhysBitsAxis.FleetBits<FleetHost> physBits;
  private final List<Share> secModels;
  private final List<Share> vendors;
  private final List<FleetHost> noLiveMigration;
  private final Map<String, List<FleetHost>> duplicateUuids;

  /** Facts over hosts in the order their lists should have. */
  public FleetFacts(FleetRegistry r, List<FleetHost> all) {
    this.hosts = all.size();
    this.machines = PlatformAxis.fleet(all, FleetHost::machineSet, r::machineSet);
    this.tsc = TscAxis.fleet(all, FleetHost::tscHz, FleetHost::tscScaling);
    this.physBits = PhysBitsAxis.fleet(all, FleetHost::guestPhysBits);
    this.secModels = shares(all, h -> String.join(", ", r.secModelSet(h.secModels())));
    this.vendors = shares(all, h -> Objects.toString(h.fleetClass().vendor(), "unknown"));
    this.noLiveMigration = TransportAxis.fleet(all, FleetHost::liveMigration);
    this.duplicateUuids = duplicates(all);
  }

  public int hosts() {
    return hosts;
  }

  /** Machine types every host offers, oldest first. */
  public List<String> commonMachines() {
    return machines.common();
  }

  /** Machine types some hosts lack, with those hosts, in machine type order. */
  public List<PlatformAxis.MissingMachine<FleetHost>> missingMachines() {
    return machines.missing();
  }

  public TscAxis.FleetTsc<FleetHost> tsc() {
    return tsc;
  }

  /** Physical address bits guests can rely on ({@link PhysBitsAxis#usableBits}). */
  public PhysBitsAxis.FleetBits<FleetHost> physBits() {
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
    return machines.newestCommon();
  }

  private static List<Share> shares(List<FleetHost> all, Function<FleetHost, String> key) {
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
    // hashed first: only the few duplicates are sorted (a tree of 100,000 uuids showed in profiles)
    Map<String, List<FleetHost>> byUuid = new HashMap<>();
    for (FleetHost h : all) {
      if (h.uuid() != null) {
        byUuid.computeIfAbsent(h.uuid(), k -> new ArrayList<>(1)).add(h);
      }
    }
    Map<String, List<FleetHost>> out = new TreeMap<>();
    byUuid.forEach((uuid, hosts) -> {
      if (hosts.size() > 1) {
        out.put(uuid, hosts);
      }
    });
    return out;
  }
}
