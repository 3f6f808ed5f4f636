package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.migcheck.InputException;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.BaselineOptions;
import org.migcheck.engine.CompareResult;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.CpuError;
import org.migcheck.engine.UnknownName;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.ModelUsability;
import org.migcheck.model.TscCounter;

/**
 * Makes a custom CPU that every given host can run, and proves it: the CPU is compared with each
 * host's guest-visible CPU ({@link GuestVisibleCpu}: the domcapabilities host-model with its
 * disabled features, else libvirt's derivation through KVM's masks, marked approximate) and
 * checked against domcapabilities' usable/blockers before it is handed out.
 */
public final class Suggester {
  private final CpuAxis checks;
  private final CpuEngine engine;
  private final CpuMap map;

  public Suggester(CpuEngine engine) {
    this.checks = new CpuAxis(engine);
    this.engine = engine;
    this.map = checks.map();
  }

  /**
   * The suggestion for these hosts.
   *
   * @throws InputException for a host without a CPU model, or an unknown --model or --without
   *     name (bad input); hosts that share no CPU give a suggestion with problems instead
   */
  public Suggestion suggest(List<Host> hosts, SuggestOptions options) {
    if (hosts.isEmpty()) {
      throw new InputException("no hosts given");
    }
    List<CpuDef> targets = new ArrayList<>();
    for (Host h : hosts) {
      CpuDef t = target(h);
      if (t == null) {
        throw new InputException(h.source(), "the host reports no CPU model");
      }
      if (t.arch() != null && Arch.forLibvirtArch(t.arch()).orElse(null) != Arch.X86) {
        throw new InputException(h.source(), "a " + t.arch() + " host: suggestions are made for"
            + " x86 hosts only (libvirt tells other CPUs apart by model name alone)");
      }
      engine.features(t); // unknown models or features are bad input, not a result
      targets.add(t);
    }
    for (String f : options.without()) {
      feature(f);
    }
    List<String> notes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Bits common = null;
    for (CpuDef t : targets) {
      Bits b = engine.features(t);
      common = common == null ? b : common.and(b);
    }
    CpuDef cpu;
    String method;
    if (options.model() != null) {
      CpuModel m = model(options.model());
      method = "model " + m.name();
      cpu = withModel(m, common);
    } else if (options.named()) {
      method = "named";
      CpuModel m = newestNamed(hosts, targets, common, problems);
      cpu = m == null ? null : withModel(m, common);
    } else {
      method = "baseline";
      cpu = baseline(targets, problems);
    }
    List<String> qemuDisabled = new ArrayList<>();
    if (cpu != null) {
      if (options.model() == null) {
        // a pinned --model stays as asked: the verification names what a host lacks
        cpu = fit(cpu, common, qemuOff(targets), qemuDisabled, notes);
      }
      cpu = keepQemuDisabled(cpu, hosts, qemuDisabled, notes);
      cpu = without(cpu, options.without(), qemuDisabled, notes);
    }
    List<String> approximate = new ArrayList<>();
    for (Host h : hosts) {
      if (h.hostModelCpu() == null) {
        approximate.add(h.name());
      }
    }
    if (!approximate.isEmpty()) {
      notes.add(GuestVisibleCpu.APPROXIMATE + " for " + String.join(", ", approximate)
          + ": their guest CPU is derived from the capabilities host CPU as libvirt does, without"
          + " the features KVM never gives guests");
    }
    Integer bits = physBits(hosts, notes);
    List<Suggestion.HostFit> fits = new ArrayList<>();
    for (Host h : hosts) {
      Suggestion.HostFit fit = verify(h, cpu);
      fits.add(fit);
      if (cpu != null && !fit.fits()) {
        problems.add(h.name() + " cannot run it: " + fit.reason());
      }
    }
    X86Level level = cpu == null ? null : X86Level.of(map, engine.features(cpu));
    if (cpu != null && options.requireLevel() != null
        && (level == null || level.compareTo(options.requireLevel()) < 0)) {
      problems.add("the suggestion is " + (level == null ? "below x86-64 v1" : level.title())
          + ", below the required " + options.requireLevel().title() + " (it lacks "
          + String.join(", ", options.requireLevel().missingUpTo(map, engine.features(cpu)))
          + ")");
    }
    List<String> unused = cpu == null ? List.of()
        : checks.names(common.andNot(engine.features(cpu)));
    return new Suggestion(cpu, bits, level, method, fits, unused, tscAdvice(hosts), notes,
        problems);
  }

  private Feature feature(String name) {
    return map.feature(name).orElseThrow(() -> new CpuError("--without", "Unknown CPU feature " + name
        + " (not in the " + map.source().describe() + ")"));
  }

  private CpuModel model(String name) {
    return map.model(name).orElseThrow(() -> new CpuError("--model", "Unknown CPU model " + name
        + " (not in the " + map.source().describe() + ")"));
  }

  /** libvirt's choice: cpu-baseline of the hosts, without non-migratable features. */
  private CpuDef baseline(List<CpuDef> targets, List<String> problems) {
    try {
      CpuDef b = engine.baseline(targets, new BaselineOptions(false, true));
      return finish(b.model(), b.vendor(), b.features());
    } catch (CpuError e) {
      problems.add("libvirt finds no common CPU (" + e.getMessage() + ")");
      return null;
    }
  }

  /** A named model plus the hosts' common features beyond it; removed features disabled. */
  private CpuDef withModel(CpuModel m, Bits common) {
    List<CpuFeature> features = new ArrayList<>();
    Bits extra = common.andNot(m.bits()).andNot(map.nonMigratableBits());
    for (Feature f : map.takeFeatures(extra)) {
      features.add(new CpuFeature(f.name(), FeaturePolicy.REQUIRE));
    }
    return engine.update(finish(m.name(), null, features), null);
  }

  private static CpuDef finish(String model, String vendor, List<CpuFeature> features) {
    return new CpuDef(CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT, CpuCheck.PARTIAL, null,
        model, Fallback.FORBID, null, vendor, features, "suggestion");
  }

  /**
   * The newest model (map order, guest decode allowed) of the hosts' vendor whose features every
   * host has, and which QEMU on every host with domcapabilities offers as usable.
   */
  private CpuModel newestNamed(List<Host> hosts, List<CpuDef> targets, Bits common,
      List<String> problems) {
    String vendor = targets.get(0).vendor();
    for (CpuDef t : targets) {
      if (!Objects.equals(vendor, t.vendor())) {
        problems.add("the hosts' CPUs come from different vendors (" + vendor + ", "
            + t.vendor() + "): no named model fits them all");
        return null;
      }
    }
    Bits usable = common.andNot(map.nonMigratableBits());
    List<CpuModel> models = map.models();
    for (int i = models.size() - 1; i >= 0; i--) {
      CpuModel m = models.get(i);
      if (!m.decodeGuest() || m.bits().isEmpty() || !usable.containsAll(m.bits())) {
        continue;
      }
      if (m.vendor() != null && !m.vendor().name().equals(vendor)) {
        continue;
      }
      if (offeredEverywhere(hosts, m.name())) {
        return m;
      }
    }
    problems.add("no named model runs on every host without disabled features");
    return null;
  }

  private static boolean offeredEverywhere(List<Host> hosts, String model) {
    for (Host h : hosts) {
      if (h.domcaps() == null) {
        continue;
      }
      DomainCapabilities.CustomMode cm = h.domcaps().cpu().custom();
      DomainCapabilities.CustomModel m = cm == null ? null : cm.model(model);
      if (m == null || m.usable() != ModelUsability.YES) {
        return false;
      }
    }
    return true;
  }

  /** The features some host's guest-visible CPU disables: QEMU/KVM does not give them there. */
  private Bits qemuOff(List<CpuDef> targets) {
    Bits.Builder b = new Bits.Builder();
    for (CpuDef t : targets) {
      b.or(engine.features(t, FeaturePolicy.DISABLE));
    }
    return b.build();
  }

  /**
   * Takes out what some host's guest-visible CPU disables although the CPU has it: libvirt's
   * baseline drops a host-model's disabled features, and a named model brings them back. Listed
   * features go, the model's own are disabled. Other gaps stay for the verification to report.
   */
  private CpuDef fit(
      CpuDef cpu, Bits common, Bits qemuOff, List<String> disabledOut, List<String> notes) {
    Bits extra = engine.features(cpu).andNot(common).and(qemuOff);
    if (extra.isEmpty()) {
      return cpu;
    }
    List<String> names = map.presentFeatures(extra).stream().map(Feature::name).toList();
    List<CpuFeature> out = new ArrayList<>();
    for (CpuFeature f : cpu.features()) {
      if (!names.contains(f.name())) {
        out.add(f);
      }
    }
    Bits modelBits = model(cpu.model()).bits();
    for (String n : names) {
      if (modelBits.containsAll(feature(n).bits())) {
        out.add(new CpuFeature(n, FeaturePolicy.DISABLE));
        disabledOut.add(n);
      }
    }
    if (!disabledOut.isEmpty()) {
      notes.add(cpu.model() + " has " + String.join(", ", disabledOut) + ", which QEMU/KVM does"
          + " not give guests on every host: disabled");
    }
    return cpu.withFeatures(ordered(out));
  }

  /**
   * Disables what QEMU on some host cannot give for the chosen model although libvirt's cpu_map
   * does not list it in the model (QEMU's EPYC-Rome has xsaves, libvirt's does not): the
   * domcapabilities {@code <blockers>} of the model and, for a host-model of the same model, its
   * {@code policy='disable'} lines. Without them QEMU refuses the CPU on that host.
   */
  private CpuDef keepQemuDisabled(
      CpuDef cpu, List<Host> hosts, List<String> disabledOut, List<String> notes) {
    Bits has = engine.features(cpu);
    List<String> add = new ArrayList<>();
    for (Host h : hosts) {
      List<String> names = new ArrayList<>();
      CpuDef hm = h.hostModelCpu();
      if (hm != null && cpu.model().equals(hm.model())) {
        hm.features().stream()
            .filter(f -> f.effectivePolicy() == FeaturePolicy.DISABLE)
            .forEach(f -> names.add(f.name()));
      }
      DomainCapabilities.CustomMode cm = h.domcaps() == null ? null : h.domcaps().cpu().custom();
      DomainCapabilities.CustomModel m = cm == null ? null : cm.model(cpu.model());
      if (m != null && m.usable() == ModelUsability.NO) {
        names.addAll(!m.blockers().isEmpty()
            ? m.blockers() : cm.blockers().getOrDefault(cpu.model(), List.of()));
      }
      for (String n : names) {
        Feature f = map.feature(n).orElse(null);
        if (f != null && !has.containsAll(f.bits()) && !add.contains(n)
            && cpu.features().stream().noneMatch(c -> c.name().equals(n))) {
          add.add(n);
        }
      }
    }
    if (add.isEmpty()) {
      return cpu;
    }
    List<CpuFeature> out = new ArrayList<>(cpu.features());
    for (String n : add) {
      out.add(new CpuFeature(n, FeaturePolicy.DISABLE));
    }
    disabledOut.addAll(add);
    notes.add("QEMU's " + cpu.model() + " has " + String.join(", ", add) + ", which QEMU/KVM"
        + " does not give guests on every host (domcapabilities): disabled");
    return cpu.withFeatures(ordered(out));
  }

  private static List<CpuFeature> ordered(List<CpuFeature> kept) {
    List<CpuFeature> ordered = new ArrayList<>();
    kept.stream().filter(f -> f.policy() != FeaturePolicy.DISABLE).forEach(ordered::add);
    kept.stream().filter(f -> f.policy() == FeaturePolicy.DISABLE).forEach(ordered::add);
    return ordered;
  }

  /**
   * Drops the features, and disables those the model itself has; a feature already disabled
   * because some host's QEMU does not give it ({@code qemuDisabled}) is said to be so.
   */
  private CpuDef without(
      CpuDef cpu, List<String> names, List<String> qemuDisabled, List<String> notes) {
    if (names.isEmpty()) {
      return cpu;
    }
    Bits modelBits = model(cpu.model()).bits();
    List<CpuFeature> kept = new ArrayList<>();
    for (CpuFeature f : cpu.features()) {
      if (!names.contains(f.name())) {
        kept.add(f);
      }
    }
    List<String> disabled = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String n : names) {
      Feature f = feature(n);
      if (qemuDisabled.contains(n)) {
        kept.add(new CpuFeature(n, FeaturePolicy.DISABLE));
        already.add(n);
      } else if (modelBits.containsAll(f.bits())) {
        kept.add(new CpuFeature(n, FeaturePolicy.DISABLE));
        disabled.add(n);
      } else if (cpu.features().stream().noneMatch(c -> c.name().equals(n))) {
        absent.add(n);
      }
    }
    List<CpuFeature> ordered = ordered(kept);
    if (!already.isEmpty()) {
      notes.add(String.join(", ", already) + ": already disabled, QEMU/KVM does not give it on"
          + " every host (--without)");
    }
    if (!disabled.isEmpty()) {
      notes.add(cpu.model() + " has " + String.join(", ", disabled) + ": disabled (--without)");
    }
    if (!absent.isEmpty()) {
      notes.add(String.join(", ", absent) + ": not in the suggestion anyway (--without)");
    }
    return cpu.withFeatures(ordered);
  }

  private static Integer physBits(List<Host> hosts, List<String> notes) {
    Integer min = null;
    for (Host h : hosts) {
      Integer b = h.physBits();
      if (b == null) {
        notes.add(h.name() + " does not report its physical address bits: no <maxphysaddr>");
        return null;
      }
      min = min == null ? b : Math.min(min, b);
    }
    return min;
  }

  /**
   * A host's guest-visible CPU as this map's libvirt can name it: in a mixed fleet the suggestion
   * is made with the oldest libvirt's map, and features only a newer libvirt knows cannot be part
   * of it, so they are left out. Names no bundled libvirt knows stay (bad input, as always).
   */
  private CpuDef target(Host h) {
    CpuDef t = checks.target(h);
    if (t == null || (t.arch() != null && Arch.forLibvirtArch(t.arch()).orElse(null) != Arch.X86)) {
      return t;
    }
    return UnknownName.withoutNewer(t, map);
  }

  private Suggestion.HostFit verify(Host h, CpuDef cpu) {
    CpuDef target = target(h);
    GuestVisibleCpu v = checks.visible(h);
    String basis = v.basis();
    boolean approximate = v.approximate();
    X86Level level = X86Level.of(map, engine.features(target));
    if (cpu == null) {
      return new Suggestion.HostFit(h.name(), basis, approximate, level, null, null, List.of(),
          List.of());
    }
    CompareResult r = engine.compare(target, cpu);
    String reason = r.verdict().compatible() ? null : r.message();
    if (reason == null) {
      Finding u = checks.usability(h, cpu, new ArrayList<>());
      if (u != null) {
        reason = u.message()
            + (u.features().isEmpty() ? "" : ": " + String.join(", ", u.features()));
      }
    }
    return new Suggestion.HostFit(h.name(), basis, approximate, level, r.verdict(), reason,
        r.features(), r.extras());
  }

  /** Advice when TSC rates differ and some host cannot scale: which rate to pin, if any. */
  static List<String> tscAdvice(List<Host> hosts) {
    List<Host> known = hosts.stream().filter(h -> h.tsc() != null).toList();
    if (known.size() < 2) {
      return List.of();
    }
    long first = known.get(0).tsc().frequency();
    boolean differ = known.stream()
        .anyMatch(h -> TscAxis.ppm(h.tsc().frequency(), first) > TscAxis.TOLERANCE_PPM);
    List<Host> fixed = known.stream().filter(h -> !Boolean.TRUE.equals(h.tsc().scaling())).toList();
    if (!differ || fixed.isEmpty()) {
      return List.of();
    }
    long rate = fixed.get(0).tsc().frequency();
    List<String> names = fixed.stream().map(Host::name).toList();
    boolean agree = fixed.stream()
        .allMatch(h -> TscAxis.ppm(h.tsc().frequency(), rate) <= TscAxis.TOLERANCE_PPM);
    if (agree) {
      List<String> off = new ArrayList<>();
      for (Host h : known) {
        TscCounter c = h.tsc();
        if (!Boolean.TRUE.equals(c.scaling())
            || TscAxis.ppm(c.frequency(), rate) <= TscAxis.TOLERANCE_PPM) {
          continue;
        }
        off.add(h.name());
      }
      return List.of("TSC rates differ and " + String.join(", ", names)
          + " cannot scale: guests that need invtsc"
          + " should pin <timer name='tsc' frequency='" + rate + "'/> (" + TscAxis.mhz(rate)
          + ")" + (off.isEmpty() ? "" : "; " + String.join(", ", off) + " scale to it"));
    }
    List<String> rates = new ArrayList<>();
    for (Host h : fixed) {
      rates.add(h.name() + " " + TscAxis.mhz(h.tsc().frequency()));
    }
    return List.of("no TSC frequency suits every host: " + String.join(", ", rates)
        + " cannot scale; guests that need invtsc can only move between hosts at their own rate");
  }
}
