package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCpu;
import org.migcheck.verdict.CpuAxis;
import org.migcheck.verdict.Host;

/**
 * Interns what hosts share: CPUs, host-models, classes, machine type sets and security model sets.
 * The CPU work (expansion, decode, level) happens once per distinct CPU, never per host. A fleet
 * and its candidates share one registry, so their classes can be compared. Not thread-safe.
 */
public final class FleetRegistry {
  private final CpuEngine engine;
  private final Map<String, HostCpuPart> cpuByText = new HashMap<>();
  private final Map<List<Object>, HostCpuPart> cpus = new HashMap<>();
  private final Map<String, HostModelPart> hostModelByText = new HashMap<>();
  private final Map<List<Object>, HostModelPart> hostModels = new HashMap<>();
  private final Map<ClassKey, FleetClass> classes = new HashMap<>();
  private final List<FleetClass> classList = new ArrayList<>();
  /** Per CPU key and address width: the document of the part that stands for the CPU. */
  private final Map<List<Object>, Map.Entry<HostCpuPart, HostCapabilities>> capsSamples =
      new HashMap<>();
  private final Map<HostCpuPart, String> textOf = new java.util.IdentityHashMap<>();
  private final Map<HostModelPart, DomainCapabilities> domcapsSamples = new HashMap<>();
  private final Interner<List<String>> machineSets = new Interner<>();
  /** Machine lists as hosts list them, to their sorted set: most hosts repeat a list. */
  private final Map<List<String>, Integer> machineLists = new HashMap<>();
  private final Interner<List<String>> secModelSets = new Interner<>();
  private final HostCompactor compactor = new HostCompactor();

  /** Parts are canonical instances, so a class is keyed by their identity. */
  private record ClassKey(HostCpuPart cpu, HostModelPart hostModel) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ClassKey k && k.cpu == cpu && k.hostModel == hostModel;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(cpu) + System.identityHashCode(hostModel);
    }
  }

  public FleetRegistry(CpuEngine engine) {
    this.engine = engine;
  }

  public CpuEngine engine() {
    return engine;
  }

  /** Every class seen so far, in the order first seen. */
  public Collection<FleetClass> classes() {
    return List.copyOf(classList);
  }

  /** One compactor per registry, so a fleet and its candidates share their parts too. */
  HostCompactor compactor() {
    return compactor;
  }

  public List<String> machineSet(int id) {
    return machineSets.value(id);
  }

  public List<String> secModelSet(int id) {
    return secModelSets.value(id);
  }

  /** The id of the set of these machine types (any order, repeats allowed). */
  int machineSetId(List<String> machines) {
    Integer id = machineLists.get(machines);
    if (id == null) {
      id = machineSets.id(List.copyOf(new java.util.TreeSet<>(machines)));
      machineLists.put(machines, id);
    }
    return id;
  }

  int secModelSetId(List<String> models) {
    return secModelSets.id(models);
  }

  /** Keeps the first document of each host CPU and address width, for {@link #representatives}. */
  void offerRepresentative(HostCpuPart cpu, Integer physBits, HostCapabilities caps) {
    capsSamples.merge(Arrays.asList(keyOf(cpu), physBits), Map.entry(cpu, caps),
        (a, b) -> least(a.getKey(), b.getKey()) == a.getKey() ? a : b);
  }

  void offerRepresentative(HostModelPart hostModel, DomainCapabilities domcaps) {
    domcapsSamples.putIfAbsent(hostModel, domcaps);
  }

  /**
   * One host per class and address width among the given hosts, named by {@code label} (and the
   * width when a class has several): enough for whole-fleet CPU work such as the suggester, whose
   * result depends only on the hosts' CPUs and widths.
   */
  public List<Host> representatives(List<FleetHost> hosts, Function<FleetClass, String> label) {
    Map<FleetClass, Set<Integer>> widths = new LinkedHashMap<>();
    for (FleetHost h : hosts) {
      widths.computeIfAbsent(h.fleetClass(), k -> new LinkedHashSet<>()).add(h.physBits());
    }
    List<Host> out = new ArrayList<>();
    widths.forEach(
        (c, bits) -> {
          for (Integer b : bits) {
            HostCapabilities caps = capsSamples.get(Arrays.asList(keyOf(c.cpu()), b)).getValue();
            DomainCapabilities dc = c.hostModel() == null ? null : domcapsSamples.get(c.hostModel());
            String name = label.apply(c) + (bits.size() > 1 ? " (" + b + " bits)" : "");
            out.add(new Host(name, caps, dc));
          }
        });
    return out;
  }

  FleetClass fleetClass(HostCpuPart written, HostModelPart hostModel) {
    HostCpuPart cpu = cpus.get(keyOf(written));
    return classes.computeIfAbsent(
        new ClassKey(cpu, hostModel),
        k -> {
          FleetClass c = new FleetClass(cpu, hostModel, classList.size());
          classList.add(c);
          return c;
        });
  }

  /** The part of a host CPU; {@code text} is its written form, so repeats cost a lookup. */
  HostCpuPart hostCpu(String text, HostCpu cpu, String source) {
    HostCpuPart known = cpuByText.get(text);
    if (known != null) {
      return known;
    }
    HostCpuPart part = newHostCpu(cpu, source);
    cpuByText.put(text, part);
    textOf.put(part, text);
    cpus.merge(keyOf(part), part, this::least);
    return part;
  }

  /**
   * What makes two host CPUs one: on x86 the identity, which holds the expanded features, so
   * Skylake-Server + spec-ctrl and Skylake-Server-IBRS are one CPU (as diff says) whatever the
   * spelling; other arches do not expand, so their model name stays part of the key.
   */
  private static List<Object> keyOf(HostCpuPart part) {
    return isX86(part.cpu().arch())
        ? List.of(part.identity())
        : List.of(part.identity(), Objects.toString(part.cpu().model()));
  }

  /**
   * Of two spellings of one CPU, the one that stands for both: the least model name, then written
   * form, so the fleet's classes and reports do not depend on the order hosts are read in.
   */
  private HostCpuPart least(HostCpuPart a, HostCpuPart b) {
    int c = Objects.toString(a.cpu().model()).compareTo(Objects.toString(b.cpu().model()));
    if (c == 0) {
      c = textOf.get(a).compareTo(textOf.get(b));
    }
    return c <= 0 ? a : b;
  }

  private HostCpuPart newHostCpu(HostCpu cpu, String source) {
    CpuDef def =
        cpu == null ? CpuDef.host(null, null, null, List.of(), source) : cpu.toCpuDef();
    CpuSignature sig = cpu == null ? null : cpu.signature();
    Integer family = sig == null ? null : sig.family();
    Integer model = sig == null ? null : sig.model();
    Integer stepping = sig == null ? null : sig.stepping();
    if (!isX86(def.arch())) {
      List<String> names = def.features().stream().map(CpuFeature::name).sorted().toList();
      CpuIdentity id =
          new CpuIdentity(def.arch(), def.vendor(), family, model, stepping, Bits.EMPTY, names);
      return new HostCpuPart(id, def, Bits.EMPTY, def.model(), null);
    }
    CpuMap map = engine.featureMap(source);
    Bits bits = engine.features(def);
    CpuIdentity id =
        new CpuIdentity(def.arch(), def.vendor(), family, model, stepping, bits, List.of());
    return new HostCpuPart(
        id, def, bits, engine.hostModelName(def, bits, sig), X86Level.of(map, bits));
  }

  /** The part of a domcapabilities host-model (validated by libvirt's {@code <cpu>} rules). */
  HostModelPart hostModel(String text, String arch, GuestCpu cpu) {
    HostModelPart known = hostModelByText.get(text);
    if (known != null) {
      return known;
    }
    CpuDef def = cpu.toCpuDef();
    CpuDef migratable = def;
    Bits bits = Bits.EMPTY;
    List<Object> key;
    if (isX86(arch) && def.model() != null) {
      CpuMap map = engine.featureMap(def.source());
      bits = engine.features(def);
      migratable = def.withFeatures(CpuAxis.migratableFeatures(map, def.features()));
      key = List.of(arch, Objects.toString(def.model()), Objects.toString(def.vendor()), bits);
    } else {
      List<String> names =
          def.features().stream().map(f -> f.name() + "=" + f.effectivePolicy()).sorted().toList();
      key = List.of(Objects.toString(arch), Objects.toString(def.model()), Objects.toString(def.vendor()), names);
    }
    HostModelPart part = new HostModelPart(def, migratable, bits);
    HostModelPart canonical = hostModels.computeIfAbsent(key, k -> part);
    hostModelByText.put(text, canonical);
    return canonical;
  }

  static boolean isX86(String arch) {
    return Arch.forLibvirtArch(arch).orElse(null) == Arch.X86;
  }
}
