package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities.Machine;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.NaturalOrder;

/**
 * The platform axis: architecture, OS type, domain (virt) type and machine type, what QEMU on a
 * host can run. Its fleet summary is {@link #fleet}: the machine types every host offers and the
 * ones some hosts lack.
 */
public final class PlatformAxis implements AxisRule {
  /** With a guest, its platform on the destination; without, the source's machine types. */
  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    if (g.domain() != null) {
      guestOn(g.domain(), src, dst, out);
    } else {
      hostMachines(src, dst, out);
    }
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    guestOn(g.domain(), src, host, out);
  }

  static final String DEFAULT_OS_TYPE = "hvm";
  static final String DEFAULT_VIRT_TYPE = "kvm";

  /** The machines a host offers for one OS type, arch and virt type; null when it offers none. */
  record Offer(HostCapabilities.Guest guest, HostCapabilities.GuestDomain domain,
      List<Machine> machines) {

    /** Every name, versioned or alias. */
    List<String> names() {
      return machines.stream().map(Machine::name).toList();
    }

    /** alias name → canonical versioned type (pc → pc-i440fx-7.2), in document order. */
    Map<String, String> aliases() {
      Map<String, String> out = new LinkedHashMap<>();
      for (Machine m : machines) {
        if (m.canonical() != null && !m.canonical().equals(m.name())) {
          out.put(m.name(), m.canonical());
        }
      }
      return out;
    }

    /** The versioned types (what a running guest uses). */
    List<String> versioned() {
      return machines.stream().filter(m -> m.canonical() == null).map(Machine::name).toList();
    }

    /** A machine name with aliases resolved to the canonical type. */
    String canonical(String name) {
      return aliases().getOrDefault(name, name);
    }
  }

  static HostCapabilities.Guest guest(Host h, String osType, String arch) {
    for (HostCapabilities.Guest g : h.caps().guests()) {
      if (osType.equals(g.osType()) && g.arch() != null && arch.equals(g.arch().name())) {
        return g;
      }
    }
    return null;
  }

  /** What the host offers, or null after adding the ARCH / DOMAIN_TYPE finding to {@code out}. */
  static Offer offer(Host h, String osType, String arch, String virtType, Outcome out) {
    HostCapabilities.Guest g = guest(h, osType, arch);
    if (g == null) {
      out.add(Axis.ARCH, Safety.UNSAFE,
          h.name() + " cannot run " + osType + " guests of arch " + arch);
      return null;
    }
    HostCapabilities.GuestDomain dom = null;
    List<String> types = new ArrayList<>();
    for (HostCapabilities.GuestDomain d : g.arch().domains()) {
      types.add(d.type());
      if (virtType.equals(d.type())) {
        dom = d;
      }
    }
    if (dom == null) {
      out.add(Axis.DOMAIN_TYPE, Safety.UNSAFE, h.name() + " offers no " + virtType + " domains for "
          + arch + (types.isEmpty() ? "" : " (only " + String.join(", ", types) + ")"));
      return null;
    }
    // a <domain> may list its own machines (another emulator); else the arch's apply
    List<Machine> machines = dom.machines().isEmpty() ? g.arch().machines() : dom.machines();
    return new Offer(g, dom, machines);
  }

  static String osType(DomainDef d) {
    return d.os() != null && d.os().type() != null ? d.os().type() : DEFAULT_OS_TYPE;
  }

  static String arch(DomainDef d, Host src) {
    return d.os() != null && d.os().arch() != null ? d.os().arch() : src.arch();
  }

  static String virtType(DomainDef d) {
    return d.type() != null ? d.type() : DEFAULT_VIRT_TYPE;
  }

  /** Can host h run this guest's arch, virt type and machine type (named as on {@code src})? */
  static void guestOn(DomainDef d, Host src, Host h, Outcome out) {
    Offer offer = offer(h, osType(d), arch(d, src), virtType(d), out);
    if (offer == null) {
      return;
    }
    String machine = d.os() == null ? null : d.os().machine();
    if (machine == null) {
      out.note("the guest names no machine type: each host would pick its own default");
      return;
    }
    Offer srcOffer = src == h ? offer : offer(src, osType(d), arch(d, src), virtType(d),
        new Outcome());
    String canonical = srcOffer == null ? machine : srcOffer.canonical(machine);
    if (offer.names().contains(canonical)) {
      return;
    }
    String hint = "";
    if (srcOffer != null) {
      for (Map.Entry<String, String> a : srcOffer.aliases().entrySet()) {
        String there = offer.aliases().get(a.getKey());
        if (a.getValue().equals(canonical) && there != null) {
          hint = " (its newest " + a.getKey() + " is " + there + ")";
        }
      }
    }
    out.add(Axis.MACHINE_TYPE, Safety.UNSAFE, h.name() + " lacks machine type " + canonical
        + (canonical.equals(machine) ? "" : " (the guest's " + machine + ")") + hint);
  }

  /**
   * Without a guest: the machine types guests on {@code src} may use, for the host's arch and KVM.
   * The types new guests get (the aliases' canonical types) missing on {@code dst} are UNSAFE, other
   * missing ones RISKY (only guests defined with them are stuck).
   */
  static void hostMachines(Host src, Host dst, Outcome out) {
    String arch = src.arch();
    Offer from = offer(src, DEFAULT_OS_TYPE, arch, DEFAULT_VIRT_TYPE, new Outcome());
    if (from == null) {
      out.note(src.name() + " offers no " + DEFAULT_VIRT_TYPE + " machines for " + arch);
      return;
    }
    Offer to = offer(dst, DEFAULT_OS_TYPE, arch, DEFAULT_VIRT_TYPE, out);
    if (to == null) {
      return;
    }
    List<String> there = to.names();
    List<String> defaults = new ArrayList<>();
    List<String> missingDefaults = new ArrayList<>();
    for (Map.Entry<String, String> a : from.aliases().entrySet()) {
      if (!defaults.contains(a.getValue())) {
        defaults.add(a.getValue());
        if (!there.contains(a.getValue())) {
          String alt = to.aliases().get(a.getKey());
          missingDefaults.add(a.getValue() + " (" + a.getKey()
              + (alt == null ? "" : "; " + dst.name() + " has " + alt) + ")");
        }
      }
    }
    if (!missingDefaults.isEmpty()) {
      out.add(Axis.MACHINE_TYPE, Safety.UNSAFE, dst.name() + " lacks the machine types new guests"
          + " get on " + src.name() + ": " + String.join(", ", missingDefaults));
    }
    TreeSet<String> others = new TreeSet<>();
    for (String m : from.versioned()) {
      if (!there.contains(m) && !defaults.contains(m)) {
        others.add(m);
      }
    }
    if (!others.isEmpty()) {
      out.add(Axis.MACHINE_TYPE, Safety.RISKY, dst.name() + " lacks "
          + CpuAxis.count(others.size(), "more machine type") + " of " + src.name()
          + " (guests defined with them cannot move): " + String.join(", ", others));
    }
  }

  // ---- fleet summary

  /** A machine type some hosts of a fleet lack. */
  public record MissingMachine<H>(String machine, List<H> missingOn) {}

  /**
   * Machine types over a fleet.
   *
   * @param common the types every host offers, oldest first
   * @param missing the types some hosts lack, with those hosts, in machine type order
   */
  public record FleetMachines<H>(List<String> common, List<MissingMachine<H>> missing) {
    /** The newest common versioned type of each family (pc-i440fx, pc-q35...), by family. */
    public List<String> newestCommon() {
      Map<String, String> newest = new TreeMap<>();
      for (String m : common) {
        if (NaturalOrder.family(m).equals(m)) {
          continue; // unversioned: microvm, isapc...
        }
        newest.merge(NaturalOrder.family(m), m,
            (a, b) -> NaturalOrder.INSTANCE.compare(a, b) >= 0 ? a : b);
      }
      return List.copyOf(newest.values());
    }
  }

  /**
   * The fleet summary over hosts (lists keep their order). Hosts share machine type lists, so each
   * host gives the id of its list and {@code set} the list of an id: the work grows with the
   * distinct lists, not the hosts.
   */
  public static <H> FleetMachines<H> fleet(
      List<H> all, ToIntFunction<H> setId, IntFunction<List<String>> set) {
    Map<Integer, Integer> setCounts = new LinkedHashMap<>();
    for (H h : all) {
      setCounts.merge(setId.applyAsInt(h), 1, Integer::sum);
    }
    TreeSet<String> union = new TreeSet<>(NaturalOrder.INSTANCE);
    TreeSet<String> common = null;
    for (int id : setCounts.keySet()) {
      List<String> machines = set.apply(id);
      union.addAll(machines);
      if (common == null) {
        common = new TreeSet<>(NaturalOrder.INSTANCE);
        common.addAll(machines);
      } else {
        common.retainAll(machines);
      }
    }
    List<String> commonList = common == null ? List.of() : List.copyOf(common);
    union.removeAll(commonList);
    Map<String, List<H>> missing = new LinkedHashMap<>();
    for (String m : union) {
      missing.put(m, new ArrayList<>());
    }
    Map<Integer, List<String>> lacksBySet = new HashMap<>();
    for (H h : all) {
      List<String> lacks =
          lacksBySet.computeIfAbsent(
              setId.applyAsInt(h),
              id -> {
                List<String> machines = set.apply(id);
                return union.stream().filter(n -> !machines.contains(n)).toList();
              });
      for (String m : lacks) {
        missing.get(m).add(h);
      }
    }
    List<MissingMachine<H>> out = new ArrayList<>();
    missing.forEach((m, hosts) -> out.add(new MissingMachine<>(m, hosts)));
    return new FleetMachines<>(commonList, out);
  }
}
