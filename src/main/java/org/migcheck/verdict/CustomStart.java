package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CompareResult;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.ModelUsability;

/**
 * Whether libvirt and QEMU/KVM start a custom guest CPU on a host, as a real start decides it
 * (checked against real QEMU by RealQemuOracleTest):
 *
 * <ul>
 *   <li>check='partial' (the default for custom CPUs under KVM): libvirt's
 *       qemuProcessUpdateGuestCPU compares the CPU with the host's "full" CPU, the host CPUID
 *       (capabilities) plus every feature the host-model requires (qemu_capabilities.c
 *       virQEMUCapsInitHostCPUModel), and refuses when it is incompatible. It then starts QEMU
 *       without enforce, so what KVM cannot give (a domcapabilities blocker) is dropped silently
 *       and the update after start (virCPUx86UpdateLive) only records it.
 *   <li>check='full': no compare before start (only forbidden features the host has refuse);
 *       after start virCPUx86UpdateLive refuses any
 *       difference between the definition and the CPU QEMU made: features KVM cannot give
 *       ("missing"), and features QEMU turns on by itself ("extra"): hypervisor for every model
 *       (target/i386/cpu.c x86_cpu_load_model) and x2apic under KVM (kvm_default_props).
 *   <li>check='none': neither.
 * </ul>
 *
 * In all three the model must be one QEMU knows (virCPUTranslate), unless fallback='allow'.
 */
final class CustomStart {
  /** Features QEMU enables on every model (hypervisor) or under KVM when KVM has them (x2apic). */
  private static final List<String> QEMU_ADDS = List.of("hypervisor", "x2apic");

  private final CpuEngine engine;
  private final CpuMap map;

  CustomStart(CpuEngine engine, CpuMap map) {
    this.engine = engine;
    this.map = map;
  }

  /** The UNSAFE (refused) and RISKY (starts, but not as written) findings; empty when fine. */
  List<Finding> findings(CpuDef cpu, Host h) {
    List<Finding> out = new ArrayList<>();
    CpuCheck check = cpu.check() == null || cpu.check() == CpuCheck.DEFAULT
        ? CpuCheck.PARTIAL : cpu.check();
    CpuDef kvm = h.hostModelCpu(); // what QEMU can give here; null without domcapabilities
    if (check == CpuCheck.PARTIAL && h.hostCpu() != null) {
      CompareResult r = engine.compare(fullHostCpu(h), cpu);
      if (!r.verdict().compatible()) {
        out.add(new Finding(Axis.CPU, Safety.UNSAFE, h.name() + ": " + r.message(),
            r.features()));
        return out;
      }
    }
    if (check == CpuCheck.FULL && h.hostCpu() != null) {
      // no compare, but libvirt still refuses a forbidden feature the host has
      // (src/cpu/cpu.c virCPUCheckForbiddenFeatures; not run for check='none')
      List<String> forbidden = names(engine.features(cpu, FeaturePolicy.FORBID)
          .and(engine.features(fullHostCpu(h))));
      if (!forbidden.isEmpty()) {
        out.add(new Finding(Axis.CPU, Safety.UNSAFE, h.name() + ": the host CPU provides"
            + " forbidden " + (forbidden.size() == 1 ? "feature " : "features ")
            + String.join(", ", forbidden), forbidden));
        return out;
      }
    }
    Finding model = CpuAxis.offered(h, cpu); // virCPUTranslate
    if (model != null) {
      out.add(model);
      if (model.severity() == Safety.UNSAFE) {
        return out;
      }
    }
    // what QEMU can give: the host-model, else the approximated guest-visible CPU
    GuestVisibleCpu visible = GuestVisibleCpu.of(h, engine);
    Bits given = visible == null ? null : engine.features(visible.cpu());
    if (given == null) {
      return out;
    }
    Bits wanted = engine.features(cpu);
    List<String> missing = new ArrayList<>(names(wanted.andNot(given)));
    for (String b : listedBlockers(cpu, h)) { // newer libvirt lists QEMU's reasons itself
      Feature f = map.feature(b).orElse(null);
      if (f != null && wanted.containsAll(f.bits()) && !missing.contains(b)) {
        missing.add(b);
      }
    }
    if (check == CpuCheck.FULL) {
      Bits named = wanted.or(engine.features(cpu, FeaturePolicy.DISABLE))
          .or(engine.features(cpu, FeaturePolicy.FORBID));
      List<String> extra = new ArrayList<>();
      for (String f : QEMU_ADDS) {
        Feature feature = map.feature(f).orElse(null);
        if (feature != null && (f.equals("hypervisor") || given.containsAll(feature.bits()))
            && !named.containsAll(feature.bits())) {
          extra.add(f);
        }
      }
      if (!missing.isEmpty() || !extra.isEmpty()) {
        out.add(new Finding(Axis.CPU, Safety.UNSAFE, h.name() + ": check='full' refuses the CPU"
            + " QEMU makes" + (extra.isEmpty() ? "" : "; QEMU adds " + String.join(", ", extra))
            + (missing.isEmpty() ? "" : "; " + (kvm != null ? "KVM" : "the host") + " lacks "
                + String.join(", ", missing)), concat(missing, extra)));
      }
    } else if (!missing.isEmpty()) {
      out.add(new Finding(Axis.CPU, Safety.RISKY, h.name() + ": QEMU starts the guest without "
          + CpuAxis.count(missing.size(), "feature") + " KVM cannot give (check='"
          + check.xmlName() + "' does not refuse)"
          + (kvm == null ? "; " + GuestVisibleCpu.APPROXIMATE : ""), missing));
    }
    return out;
  }

  /**
   * The host CPU libvirt compares with at start under check='partial': the capabilities host
   * CPU plus the features the domcapabilities host-model requires.
   */
  CpuDef fullHostCpu(Host h) {
    CpuDef host = h.hostCpu();
    // without domcapabilities the host-model is approximated ({@link GuestVisibleCpu})
    GuestVisibleCpu v = GuestVisibleCpu.of(h, engine);
    CpuDef kvm = v == null ? null : v.cpu();
    if (kvm == null) {
      return host;
    }
    Bits have = engine.features(host);
    List<CpuFeature> features = new ArrayList<>(host.features());
    for (Feature f : map.presentFeatures(engine.features(kvm))) {
      if (!have.containsAll(f.bits())) {
        features.add(new CpuFeature(f.name(), null));
      }
    }
    return host.withFeatures(features);
  }

  /** The {@code <blockers>} domcapabilities list for an unusable model (libvirt 9.0 lists none). */
  private static List<String> listedBlockers(CpuDef cpu, Host h) {
    if (h.domcaps() == null || cpu.model() == null || h.domcaps().cpu().custom() == null) {
      return List.of();
    }
    DomainCapabilities.CustomMode cm = h.domcaps().cpu().custom();
    DomainCapabilities.CustomModel m = cm.model(cpu.model());
    if (m == null || m.usable() != ModelUsability.NO) {
      return List.of();
    }
    return !m.blockers().isEmpty() ? m.blockers() : cm.blockers().getOrDefault(m.name(), List.of());
  }

  private List<String> names(Bits bits) {
    return map.presentFeatures(bits).stream().map(Feature::name).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
