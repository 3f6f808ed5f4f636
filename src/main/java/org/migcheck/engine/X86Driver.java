package org.migcheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.cpumap.Feature;
import org.migcheck.cpumap.Vendor;
import org.migcheck.engine.CompareResult.Reason;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;

/** libvirt's x86 CPU driver (src/cpu/cpu_x86.c) over one cpu_map. */
public final class X86Driver implements CpuDriver {
  private final CpuMap map;
  private final X86Decoder decoder;

  public X86Driver(CpuMap map) {
    if (map.arch() != Arch.X86) {
      throw new IllegalArgumentException("not an x86 map");
    }
    this.map = map;
    this.decoder = new X86Decoder(map);
  }

  @Override
  public Arch arch() {
    return Arch.X86;
  }

  @Override
  public CpuMap map() {
    return map;
  }

  public X86Decoder decoder() {
    return decoder;
  }

  // ---- feature sets

  /** The CPU's effective feature bits: model + required/forced − disabled/forbidden. */
  public Bits effectiveBits(CpuDef cpu) {
    return modelFromCpu(cpu, X86Policy.ALL);
  }

  /** The bits of the features with one policy (host CPUs only have require). */
  public Bits policyBits(CpuDef cpu, FeaturePolicy policy) {
    return modelFromCpu(cpu, X86Policy.valueOf(policy.name()));
  }

  /** The CPUID leaf 0 bits of a vendor, or empty when the map does not know it. */
  public Bits vendorBits(String vendorName) {
    return map.vendor(vendorName).map(Vendor::bits).orElse(Bits.EMPTY);
  }

  /** x86ModelFromCPU. */
  Bits modelFromCpu(CpuDef cpu, X86Policy p) {
    if (cpu.isHost() && p != X86Policy.REQUIRE && p != X86Policy.ALL) {
      return Bits.EMPTY;
    }
    Bits.Builder b = new Bits.Builder();
    if (cpu.model() != null && (p == X86Policy.REQUIRE || p == X86Policy.ALL)) {
      b.or(model(cpu.model(), cpu.source()).bits());
    }
    for (CpuFeature f : cpu.features()) {
      FeaturePolicy fp = f.effectivePolicy();
      if ((p == X86Policy.ALL && fp == FeaturePolicy.OPTIONAL)
          || (p != X86Policy.ALL && fp != p.policy)) {
        continue;
      }
      Feature feature = feature(f.name(), cpu.source());
      if (p == X86Policy.ALL && (fp == FeaturePolicy.DISABLE || fp == FeaturePolicy.FORBID)) {
        b.andNot(feature.bits());
      } else {
        b.or(feature.bits());
      }
    }
    return b.build();
  }

  CpuModel model(String name, String source) {
    CpuModel m = map.model(name).orElse(null);
    if (m == null) {
      throw new CpuError(
          source, "Unknown CPU model " + name + " (" + UnknownName.hint(Arch.X86, name, map) + ")");
    }
    return m;
  }

  Feature feature(String name, String source) {
    Feature f = map.feature(name).orElse(null);
    if (f != null) {
      return f;
    }
    Feature aliased = map.featureByAlias(name).orElse(null);
    String hint =
        aliased != null
            ? " (" + name + " is an alias of " + aliased.name() + "; libvirt does not accept aliases)"
            : " (" + UnknownName.hint(Arch.X86, name, map) + ")";
    throw new CpuError(source, "Unknown CPU feature " + name + hint);
  }

  List<String> names(Bits bits) {
    return map.presentFeatures(bits).stream().map(Feature::name).toList();
  }

  // ---- compare

  @Override
  public CompareResult compare(CpuDef host, CpuDef cpu) {
    CompareResult early = CompareResult.preliminary(host, cpu, Arch.X86);
    if (early != null) {
      return early;
    }
    Bits hostAll = modelFromCpu(host, X86Policy.ALL);
    Bits force = modelFromCpu(cpu, X86Policy.FORCE);
    Bits require = modelFromCpu(cpu, X86Policy.REQUIRE);
    Bits optional = modelFromCpu(cpu, X86Policy.OPTIONAL);
    Bits disable = modelFromCpu(cpu, X86Policy.DISABLE);
    Bits forbid = modelFromCpu(cpu, X86Policy.FORBID);

    Bits forbidden = forbid.and(hostAll);
    if (!forbidden.isEmpty()) {
      List<String> names = names(forbidden);
      return CompareResult.incompatible(
          Reason.FORBIDDEN_FEATURES,
          "Host CPU provides forbidden features: " + String.join(", ", names),
          names);
    }
    require = require.andNot(force).andNot(optional).andNot(disable);
    if (!hostAll.containsAll(require)) {
      List<String> names = names(require.andNot(hostAll));
      return CompareResult.incompatible(
          Reason.MISSING_FEATURES,
          "Host CPU does not provide required features: " + String.join(", ", names),
          names);
    }
    Bits diff = hostAll.andNot(optional).andNot(require).andNot(disable).andNot(force);
    if (diff.isEmpty()) {
      return new CompareResult(Verdict.IDENTICAL, null, null, List.of(), List.of());
    }
    List<String> extras = names(diff);
    if (cpu.type() == CpuType.GUEST && cpu.match() == CpuMatch.STRICT) {
      return CompareResult.incompatible(
          Reason.STRICT_EXTRA_FEATURES,
          "Host CPU does not strictly match guest CPU: Extra features: "
              + String.join(", ", extras),
          extras);
    }
    return new CompareResult(Verdict.SUPERSET, null, null, List.of(), extras);
  }

  // ---- baseline

  @Override
  public CpuDef baseline(List<CpuDef> cpus, boolean migratable) {
    return baseline(cpus, migratable, null, null);
  }

  /** How many distinct CPUs a baseline remembers having had a turn. */
  private static final int MAX_SEEN = 16;

  /**
   * virCPUx86Baseline. {@code hypervisorModels} and {@code featureFilter} are what
   * hypervisor-cpu-baseline adds (null for plain cpu-baseline).
   */
  public CpuDef baseline(
      List<CpuDef> cpus,
      boolean migratable,
      Map<String, HypervisorModel> hypervisorModels,
      Set<String> featureFilter) {
    CpuDef first = cpus.get(0);
    // a fleet repeats a few CPUs: each has one turn (the last few remembered)
    List<CpuDef> seen = new ArrayList<>();
    Bits.Builder base = new Bits.Builder(modelFromCpu(first, X86Policy.ALL));
    boolean outputVendor = first.vendor() != null;
    Vendor vendor = null;
    if (first.vendor() != null) {
      vendor = knownVendor(first.vendor(), first);
    }
    Set<String> names = new LinkedHashSet<>();
    if (first.model() != null) {
      names.add(first.model());
    }
    for (int i = 1; i < cpus.size(); i++) {
      CpuDef cpu = cpus.get(i);
      if (seenBefore(seen, cpu)) {
        // a CPU that had a whole turn of its own before: this turn would do what that one did.
        // Not the first CPU, whose own turn (above) skips the vendor checks, so it is not in
        // seen. Runs once, interpreted: a thousand full turns cost a cold JVM some 4 ms.
        continue;
      }
      if (cpu.model() != null) {
        names.add(cpu.model());
      }
      Bits bits = modelFromCpu(cpu, X86Policy.ALL);
      if (seen.size() == MAX_SEEN) {
        seen.remove(0);
      }
      seen.add(cpu);
      CpuModel model = cpu.model() == null ? null : map.model(cpu.model()).orElse(null);
      Vendor modelVendor = model == null ? null : model.vendor();
      if (cpu.vendor() != null && modelVendor != null && !cpu.vendor().equals(modelVendor.name())) {
        throw new CpuError(
            cpu.source(),
            "CPU vendor "
                + modelVendor.name()
                + " of model "
                + model.name()
                + " differs from vendor "
                + cpu.vendor());
      }
      String vn;
      if (cpu.vendor() != null) {
        vn = cpu.vendor();
      } else {
        outputVendor = false;
        vn = modelVendor == null ? null : modelVendor.name();
      }
      if (vn != null) {
        if (vendor == null) {
          vendor = knownVendor(vn, cpu);
        } else if (!vendor.name().equals(vn)) {
          throw new CpuError(cpu.source(), "CPU vendors do not match");
        }
      }
      base.and(bits);
    }
    if (featureFilter != null) {
      Bits.Builder known = new Bits.Builder();
      for (String f : featureFilter) {
        map.feature(f).ifPresent(ft -> known.or(ft.bits()));
      }
      base.and(known.build());
    }
    Bits data = base.build();
    if (data.isEmpty()) {
      throw new CpuError(first.source(), "CPUs are incompatible");
    }
    if (vendor != null) {
      data = data.or(vendor.bits());
    }
    // before 8.4.0 (7.0.0's virCPUx86Baseline) only a model shared by every input CPU is
    // preferred; later releases prefer every input model
    List<String> preferred =
        LibvirtRules.shortestFeatureList(map) && names.size() > 1 ? List.of() : List.copyOf(names);
    X86Decoder.Request req =
        new X86Decoder.Request(
            data, CpuType.GUEST, preferred, hypervisorModels, migratable, 0, 0, 0, Fallback.ALLOW);
    CpuDef result = decoder.decode(req, first.source()).cpu();
    if (preferred.size() == 1 && result.model().equals(preferred.get(0))) {
      result = result.withModel(result.model(), Fallback.FORBID);
    }
    if (!outputVendor) {
      result = result.withVendor(null);
    }
    return result;
  }

  /** The map's vendor of this name, or libvirt's error for {@code cpu}. */
  private Vendor knownVendor(String name, CpuDef cpu) {
    Vendor v = map.vendor(name).orElse(null);
    if (v == null) {
      throw new CpuError(cpu.source(), "Unknown CPU vendor " + name);
    }
    return v;
  }

  /** Whether {@code cpu} is one of {@code seen} in all but its source (the newest looked at first). */
  private static boolean seenBefore(List<CpuDef> seen, CpuDef cpu) {
    for (int k = seen.size() - 1; k >= 0; k--) {
      if (seen.get(k).sameButSource(cpu)) {
        return true;
      }
    }
    return false;
  }

  // ---- expand

  @Override
  public CpuDef expandFeatures(CpuDef cpu) {
    boolean host = cpu.isHost();
    CpuModel model =
        map.model(cpu.model())
            .orElseThrow(() -> new CpuError(cpu.source(), "unknown CPU model " + cpu.model()));
    List<CpuFeature> out = new ArrayList<>();
    for (Feature f : map.takeFeatures(model.bits())) {
      out.add(new CpuFeature(f.name(), host ? null : FeaturePolicy.REQUIRE));
    }
    for (CpuFeature f : cpu.features()) {
      if (!host && f.policy() != FeaturePolicy.REQUIRE && f.policy() != FeaturePolicy.DISABLE) {
        continue;
      }
      updateFeature(out, f.name(), host ? null : f.policy());
    }
    if (!host) {
      X86Decoder.addRemovedFeatures(out, model);
    }
    return cpu.withFeatures(out);
  }

  /** virCPUDefUpdateFeature: change the policy of a listed feature, else append it. */
  static void updateFeature(List<CpuFeature> features, String name, FeaturePolicy policy) {
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).name().equals(name)) {
        features.set(i, new CpuFeature(name, policy));
        return;
      }
    }
    features.add(new CpuFeature(name, policy));
  }

  // ---- update

  @Override
  public CpuDef update(CpuDef guest, CpuDef host) {
    if (guest.mode() == CpuMode.HOST_PASSTHROUGH || guest.mode() == CpuMode.MAXIMUM) {
      return guest;
    }
    boolean relative =
        guest.mode() == CpuMode.HOST_MODEL
            || guest.match() == CpuMatch.MINIMUM
            || guest.features().stream().anyMatch(f -> f.policy() == FeaturePolicy.OPTIONAL);
    CpuDef updated = guest;
    if (relative) {
      if (host == null) {
        throw new CpuError(guest.source(), "unknown host CPU model");
      }
      Bits hostBits = modelFromCpu(host, X86Policy.ALL);
      List<CpuFeature> resolved = new ArrayList<>();
      for (CpuFeature f : guest.features()) {
        if (f.policy() == FeaturePolicy.OPTIONAL) {
          boolean has = hostBits.containsAll(feature(f.name(), guest.source()).bits());
          resolved.add(
              new CpuFeature(f.name(), has ? FeaturePolicy.REQUIRE : FeaturePolicy.DISABLE));
        } else {
          resolved.add(f);
        }
      }
      updated = updated.withFeatures(resolved);
      if (guest.mode() == CpuMode.HOST_MODEL || guest.match() == CpuMatch.MINIMUM) {
        updated = fromHostModel(updated, host);
      }
    }
    if (updated.model() == null) {
      return updated; // a custom CPU without a model: QEMU's default, nothing to update
    }
    CpuModel model = model(updated.model(), updated.source());
    List<CpuFeature> features = new ArrayList<>(updated.features());
    X86Decoder.addRemovedFeatures(features, model);
    return updated.withFeatures(features);
  }

  /** x86UpdateHostModel: the host's model and features, with the guest's features on top. */
  private static CpuDef fromHostModel(CpuDef guest, CpuDef host) {
    List<CpuFeature> features = new ArrayList<>();
    for (CpuFeature f : host.features()) {
      features.add(new CpuFeature(f.name(), f.effectivePolicy()));
    }
    for (CpuFeature f : guest.features()) {
      updateFeature(features, f.name(), f.policy());
    }
    boolean keepGuestVendor = guest.mode() == CpuMode.CUSTOM;
    return new CpuDef(
        CpuType.GUEST,
        guest.arch(),
        CpuMode.CUSTOM,
        CpuMatch.EXACT,
        guest.check(),
        guest.migratable(),
        host.model(),
        guest.fallback(),
        keepGuestVendor || guest.vendorId() != null ? guest.vendorId() : host.vendorId(),
        keepGuestVendor ? guest.vendor() : host.vendor(),
        features,
        guest.source());
  }
}
