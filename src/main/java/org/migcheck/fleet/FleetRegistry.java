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
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.LibvirtVersion;
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
import org.migcheck.verdict.GuestVisibleCpu;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.HostVersions;
import org.migcheck.verdict.OwnMaps;

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
  private boolean ownMaps;
  private final OwnMaps ownMapsReader;
  private final Map<List<Object>, HostCpuPart> translatedCpus = new HashMap<>();
  private final Map<List<Object>, HostModelPart> translatedHostModels = new HashMap<>();
  private final Map<HostModelPart, String> hostModelArch = new HashMap<>();
  /** A host-model read with a host's own libvirt, to the part as this map read it first. */
  private final Map<Object, Object> originalOf = new HashMap<>();
  /** A host CPU read with a host's own libvirt, to its definition as that libvirt wrote it. */
  private final Map<HostCpuPart, CpuDef> writtenOf = new java.util.IdentityHashMap<>();
  /** Which originals were checked against which libvirt's map (once each). */
  private final java.util.Set<List<Object>> checked = new java.util.HashSet<>();

  /**
   * Parts are canonical instances, so a class is keyed by their identity; the libvirt is a small
   * index into {@link #emulations} (-1: unknown): versions read with one bundled map under one
   * set of rules judge every migration alike, so they share classes.
   */
  private record ClassKey(HostCpuPart cpu, HostModelPart hostModel, int libvirt) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ClassKey k && k.cpu == cpu && k.hostModel == hostModel && k.libvirt == libvirt;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * System.identityHashCode(cpu) + System.identityHashCode(hostModel)) + libvirt;
    }
  }

  /** The distinct libvirt versions hosts declared, indexed by {@link FleetHost#libvirtIndex}. */
  private final List<LibvirtVersion> versions = new ArrayList<>();
  /** How those versions are emulated, indexed by {@link ClassKey#libvirt}. */
  private final List<String> emulations = new ArrayList<>();

  public FleetRegistry(CpuEngine engine) {
    this.engine = engine;
    this.ownMapsReader = new OwnMaps(engine);
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
    return representatives(hosts, label, null);
  }

  /**
   * The same, each host's CPU and host-model read with its own libvirt's map and written in
   * {@code readInto}'s (the suggestions' map, in a mixed fleet the oldest libvirt's), as {@code
   * suggest} reads them; as written when {@code readInto} is null or one map was chosen for all.
   */
  public List<Host> representatives(
      List<FleetHost> hosts, Function<FleetClass, String> label, CpuEngine readInto) {
    Map<FleetClass, Set<Integer>> widths = new LinkedHashMap<>();
    Map<FleetClass, LibvirtVersion> versionOf = new HashMap<>();
    for (FleetHost h : hosts) {
      widths.computeIfAbsent(h.fleetClass(), k -> new LinkedHashSet<>()).add(h.physBits());
      if (h.libvirtIndex() >= 0) {
        versionOf.putIfAbsent(h.fleetClass(), version(h.libvirtIndex()));
      }
    }
    OwnMaps reader = ownMaps && readInto != null ? new OwnMaps(readInto) : null;
    List<Host> out = new ArrayList<>();
    widths.forEach(
        (c, bits) -> {
          for (Integer b : bits) {
            // a CPU read with a host's own libvirt is a part of its own, with its own samples
            HostCapabilities caps = capsSamples.get(Arrays.asList(keyOf(c.cpu()), b)).getValue();
            DomainCapabilities dc = c.hostModel() == null ? null
                : domcapsSamples.getOrDefault(c.hostModel(), domcapsSamples.get(originalOf.get(c.hostModel())));
            String name = label.apply(c) + (bits.size() > 1 ? " (" + b + " bits)" : "");
            Host h = new Host(name, caps, dc);
            LibvirtVersion v = versionOf.get(c);
            out.add(reader == null || v == null
                ? h : reader.read(h, new HostVersions.Declared(v, "fleet")));
          }
        });
    return out;
  }

  /**
   * The class of a host of this CPU (as {@link #hostCpu} gave it, any spelling) and host-model on
   * libvirt {@code v} (null: unknown). The host-model is checked against that libvirt's map (a
   * name it does not know is bad input, named in {@code domcaps}) and read with it.
   */
  FleetClass fleetClass(
      HostCpuPart part, HostModelPart hostModel, HostVersions.Declared v, String caps, String domcaps) {
    HostCpuPart cpu = cpus.get(keyOf(part));
    String emulation = v == null ? null : emulation(v.version());
    int index = emulation == null ? -1 : emulations.indexOf(emulation);
    if (emulation != null && index < 0) {
      index = emulations.size();
      emulations.add(emulation);
    }
    if (v != null && hostModel != null && checked.add(List.of(hostModel, v.version()))) {
      HostVersions.requireKnown(hostModel.cpu(), cpu.identity().arch(), v,
          HostNames.shortName(caps), domcaps);
    }
    HostModelPart ownHostModel = v == null || hostModel == null ? hostModel : asReadBy(hostModel, v.version());
    CpuDef writtenCpu = writtenOf.getOrDefault(cpu, cpu.cpu());
    FleetClass fc = classes.computeIfAbsent(
        new ClassKey(cpu, ownHostModel, index),
        k -> {
          GuestVisibleCpu gv =
              GuestVisibleCpu.of(ownHostModel == null ? null : ownHostModel.cpu(),
                  cpu.identity().arch(), cpu.cpu(), engine);
          Bits vb = gv != null && cpu.isX86() ? engine.features(gv.cpu()) : Bits.EMPTY;
          FleetClass c = new FleetClass(cpu, ownHostModel, emulation,
              writtenCpu, hostModel == null ? null : hostModel.cpu(), classList.size(), gv, vb);
          classList.add(c);
          return c;
        });
    if (v != null) {
      fc.addVersion(v.version());
    }
    return fc;
  }

  /** The small index of a declared version (a host keeps it), -1 for null. */
  int versionIndex(HostVersions.Declared v) {
    if (v == null) {
      return -1;
    }
    int i = versions.indexOf(v.version());
    if (i < 0) {
      i = versions.size();
      versions.add(v.version());
    }
    return i;
  }

  /** The version of a {@link FleetHost#libvirtIndex}, null for -1. */
  public LibvirtVersion version(int index) {
    return index < 0 ? null : versions.get(index);
  }

  /**
   * Versions alike for every verdict: the same bundled map (the nearest older one) under the same
   * model-choice rules (before or from 8.4.0).
   */
  private static String emulation(LibvirtVersion v) {
    String map = CpuMapLoader.nearestBundled(v);
    boolean scored = !v.isOlderThan(LibvirtVersion.SCORED_MODEL_CHOICE);
    return (map == null ? v.toString() : map) + (scored ? "" : " (before 8.4.0)");
  }

  /** The libvirt versions hosts declared so far, oldest first (empty when none did). */
  public List<LibvirtVersion> versions() {
    return versions.stream().sorted().toList();
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
   * The part of a host CPU on libvirt {@code v} (null: unknown): checked against that libvirt's
   * map (a name it does not know is bad input, named in {@code source}) and read with it. Parts
   * are made while documents are read, before any class, so the spelling that stands for a CPU
   * does not depend on input order.
   */
  HostCpuPart hostCpu(String text, HostCpu cpu, String source, HostVersions.Declared v) {
    HostCpuPart written = hostCpu(text, cpu, source);
    if (v == null) {
      return written;
    }
    if (checked.add(List.of(written, v.version()))) {
      HostVersions.requireKnown(written.cpu(), written.identity().arch(), v,
          HostNames.shortName(source), source);
    }
    return asReadBy(written, v.version());
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
    return newHostCpu(def, cpu == null ? null : cpu.signature());
  }

  private HostCpuPart newHostCpu(CpuDef def, CpuSignature sig) {
    String source = def.source();
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
    HostModelPart canonical = canonicalHostModel(arch, cpu.toCpuDef());
    hostModelByText.put(text, canonical);
    hostModelArch.put(canonical, Objects.toString(arch, ""));
    return canonical;
  }

  private HostModelPart canonicalHostModel(String arch, CpuDef def) {
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
    return hostModels.computeIfAbsent(key, k -> part);
  }

  // ---- each host read with its own libvirt's map

  /**
   * Read each host's CPUs with its declared libvirt's map, where that differs from this
   * registry's (the default bundled map; not when --libvirt or --cpu-map chose one).
   */
  public void readHostsWithTheirLibvirt(boolean yes) {
    this.ownMaps = yes;
  }

  /**
   * A part as libvirt {@code v} means it, in this registry's map: a model's definition can
   * differ between maps (11.3.0 removed mpx from the Skylake models), so the features the host's
   * own map gives the model and this map does not are written out. Features only this map's
   * model has are left alone for host CPUs (libvirt's host CPUs cannot disable one) and disabled
   * for host-models. The same part when the maps agree.
   */
  private HostCpuPart asReadBy(HostCpuPart part, LibvirtVersion v) {
    LibvirtVersion own = own(v);
    if (own == null || !part.isX86() || part.cpu().model() == null) {
      return part;
    }
    return translatedCpus.computeIfAbsent(List.of(part, v), k -> {
      CpuDef def = ownMapsReader.translated(part.cpu(), own, false);
      if (def == part.cpu()) {
        return part;
      }
      CpuIdentity id = part.identity();
      HostCpuPart t = newHostCpu(def, new CpuSignature(id.family(), id.model(), id.stepping()));
      textOf.put(t, textOf.get(part) + "\n" + v);
      writtenOf.put(t, part.cpu());
      cpus.merge(keyOf(t), t, this::least);
      return t;
    });
  }

  private HostModelPart asReadBy(HostModelPart part, LibvirtVersion v) {
    LibvirtVersion own = own(v);
    String arch = hostModelArch.get(part);
    if (own == null || part == null || !isX86(arch) || part.cpu().model() == null) {
      return part;
    }
    return translatedHostModels.computeIfAbsent(List.of(part, v), k -> {
      CpuDef def = ownMapsReader.translated(part.cpu(), own, true);
      if (def == part.cpu()) {
        return part;
      }
      HostModelPart t = canonicalHostModel(arch, def);
      hostModelArch.put(t, arch);
      originalOf.putIfAbsent(t, part);
      return t;
    });
  }

  /**
   * A host's documents (kept for gate's guest rules) with its CPU and host-model read by its own
   * libvirt's map, as its classes are.
   */
  Host asReadBy(Host h, HostVersions.Declared v) {
    return ownMaps ? ownMapsReader.read(h, v) : h;
  }

  /** libvirt {@code v}'s bundled map when each host is read with its own, else null. */
  private LibvirtVersion own(LibvirtVersion v) {
    return ownMaps && ownMapsReader.engineOf(v) != null ? v : null;
  }

  static boolean isX86(String arch) {
    return Arch.forLibvirtArch(arch).orElse(null) == Arch.X86;
  }
}
