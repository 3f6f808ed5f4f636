package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.migcheck.InputException;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.UnknownName;
import org.migcheck.engine.BaselineOptions;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuDef;

/**
 * The fleet baseline (libvirt's cpu-baseline over one guest-visible CPU per class: what guests get
 * there, {@link org.migcheck.verdict.GuestVisibleCpu}, in the order the classes'
 * first hosts appear: the same result as over every host, since equal CPUs add nothing and
 * libvirt's order effects only follow the first appearance of each model and vendor), per-vendor
 * baselines when vendors are mixed, and which classes hold the baseline back.
 */
public final class FleetBaselines {
  /**
   * A baseline over some classes.
   *
   * @param vendor the vendor of the classes, or null for the whole fleet
   * @param cpu libvirt's result, null when libvirt fails (then {@code error} says why)
   * @param bits the result's expanded features (x86)
   * @param level its x86-64 level, or null
   */
  public record Baseline(
      String vendor,
      List<FleetClass> classes,
      int hosts,
      CpuDef cpu,
      String error,
      Bits bits,
      X86Level level) {
    public boolean ok() {
      return cpu != null;
    }
  }

  /**
   * What the baseline would gain if some classes left the fleet (or its vendor's part of it): one
   * class, or every class of one CPU generation (vendor, family and model of the signature).
   *
   * @param model for a generation, what it is, e.g. "6/79 (Broadwell, Broadwell-IBRS)"; null for
   *     one class
   * @param without the baseline over the other classes
   * @param gained the features it would gain, in map order (empty when nothing)
   * @param enables the baseline fails now and would not without these classes
   */
  public record HoldBack(
      String model,
      List<FleetClass> classes,
      int hosts,
      Baseline without,
      List<String> gained,
      boolean enables) {
    public boolean gains() {
      return enables || !gained.isEmpty();
    }
  }

  private final CpuEngine engine;
  /** Whether the engine is another libvirt's than the one the hosts were read with. */
  private final boolean otherLibvirt;
  private final Map<FleetClass, Integer> sizes;
  private final Baseline overall;
  private final List<Baseline> perVendor = new ArrayList<>();
  private final List<HoldBack> holdBacks = new ArrayList<>();
  private final List<HoldBack> modelHoldBacks = new ArrayList<>();

  /**
   * @param engine the registry's, or (gate in a mixed fleet) the oldest libvirt's: then the
   *     baseline only names what that libvirt knows
   */
  public FleetBaselines(CpuEngine engine, Fleet fleet) {
    this.engine = engine;
    this.otherLibvirt = engine.maps() != fleet.registry().engine().maps();
    this.sizes = new LinkedHashMap<>();
    fleet.members().forEach((c, hosts) -> sizes.put(c, hosts.size()));
    List<FleetClass> all = List.copyOf(sizes.keySet());
    overall = baseline(null, all);
    Map<String, List<FleetClass>> byVendor = new LinkedHashMap<>();
    for (FleetClass c : all) {
      byVendor.computeIfAbsent(Objects.toString(c.vendor(), "unknown"), k -> new ArrayList<>()).add(c);
    }
    if (byVendor.size() > 1) {
      byVendor.forEach((v, classes) -> perVendor.add(baseline(v, classes)));
      perVendor.sort(Comparator.comparing(Baseline::hosts).reversed().thenComparing(Baseline::vendor));
      for (Baseline b : perVendor) {
        holdBacks(b);
      }
    } else {
      holdBacks(overall);
    }
    holdBacks.sort(RANKING);
    modelHoldBacks.sort(RANKING);
  }

  private static final Comparator<HoldBack> RANKING =
      Comparator.comparing((HoldBack h) -> !h.enables())
          .thenComparing(h -> -h.gained().size())
          .thenComparing(HoldBack::hosts)
          .thenComparing(h -> h.classes().get(0), ClassOrder.INSTANCE);

  /** The baseline of the whole fleet. */
  public Baseline overall() {
    return overall;
  }

  /** One baseline per vendor, largest first; empty when the fleet has one vendor. */
  public List<Baseline> perVendor() {
    return perVendor;
  }

  /** The baseline a class's CPU is measured against: its vendor's when vendors are mixed. */
  public Baseline baselineOf(FleetClass c) {
    for (Baseline b : perVendor) {
      if (b.classes().contains(c)) {
        return b;
      }
    }
    return overall;
  }

  /** Every class (of a vendor with several), by what its leaving would gain, the most first. */
  public List<HoldBack> holdBacks() {
    return holdBacks;
  }

  /**
   * The same for all classes of one CPU generation at once (generations with several classes),
   * since hosts of one generation hold the baseline back together: retiring "the Broadwells".
   */
  public List<HoldBack> modelHoldBacks() {
    return modelHoldBacks;
  }

  /** The features of a class's CPU beyond its baseline, in map order. */
  public List<String> beyondBaseline(FleetClass c) {
    Baseline b = baselineOf(c);
    if (!b.ok() || !c.cpu().isX86()) {
      return List.of();
    }
    return names(c.visibleBits().andNot(b.bits()));
  }

  private void holdBacks(Baseline base) {
    if (base.classes().size() < 2) {
      return;
    }
    Map<String, List<FleetClass>> byGeneration = new LinkedHashMap<>();
    for (FleetClass c : base.classes()) {
      holdBacks.add(without(base, null, List.of(c)));
      CpuIdentity id = c.cpu().identity();
      if (id.family() != null) {
        byGeneration.computeIfAbsent(id.family() + "/" + id.model(), k -> new ArrayList<>()).add(c);
      }
    }
    byGeneration.forEach(
        (signature, classes) -> {
          if (classes.size() > 1 && classes.size() < base.classes().size()) {
            String models =
                classes.stream()
                    .sorted(ClassOrder.INSTANCE)
                    .map(c -> Objects.toString(c.cpu().decodedModel()))
                    .distinct()
                    .collect(java.util.stream.Collectors.joining(", "));
            modelHoldBacks.add(without(base, signature + " (" + models + ")", classes));
          }
        });
  }

  private HoldBack without(Baseline base, String model, List<FleetClass> leaving) {
    List<FleetClass> others = new ArrayList<>(base.classes());
    others.removeAll(leaving);
    Baseline without = baseline(base.vendor(), others);
    int hosts = leaving.stream().mapToInt(sizes::get).sum();
    boolean enables = !base.ok() && without.ok();
    List<String> gained =
        base.ok() && without.ok() && leaving.get(0).cpu().isX86()
            ? names(without.bits().andNot(base.bits()))
            : List.of();
    return new HoldBack(model, List.copyOf(leaving), hosts, without, gained, enables);
  }

  private Baseline baseline(String vendor, List<FleetClass> classes) {
    int hosts = classes.stream().mapToInt(sizes::get).sum();
    List<CpuDef> cpus = classes.stream().map(FleetClass::visibleOrHostCpu).toList();
    if (otherLibvirt && classes.get(0).cpu().isX86()) {
      CpuMap map = engine.featureMap("fleet");
      cpus = cpus.stream().map(c -> UnknownName.withoutNewer(c, map)).toList();
    }
    try {
      CpuDef cpu = engine.baseline(cpus, BaselineOptions.DEFAULT);
      Bits bits = Bits.EMPTY;
      X86Level level = null;
      if (classes.get(0).cpu().isX86()) {
        bits = engine.features(cpu);
        level = X86Level.of(engine.featureMap(cpu.source()), bits);
      }
      return new Baseline(vendor, classes, hosts, cpu, null, bits, level);
    } catch (InputException e) {
      return new Baseline(vendor, classes, hosts, null, e.getMessage(), Bits.EMPTY, null);
    }
  }

  private List<String> names(Bits bits) {
    return engine.featureMap("fleet").presentFeatures(bits).stream().map(Feature::name).toList();
  }
}
