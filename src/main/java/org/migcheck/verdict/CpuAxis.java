package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.cpumap.Feature;
import org.migcheck.cpumap.Vendor;
import org.migcheck.engine.CompareResult;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.ModelUsability;

/**
 * The CPU axis of a verdict, per guest mode, with libvirt's compare and update semantics. Its fleet
 * summary is host-model reach ({@link #hostModelReaches}), which the fleet's migration graph asks
 * class by class.
 */
public final class CpuAxis implements AxisRule {
  private final CpuEngine engine;
  private final CpuMap map;
  private final CustomStart start;

  CpuAxis(CpuEngine engine) {
    this.engine = engine;
    this.map = engine.featureMap("migration check");
    this.start = new CustomStart(engine, map);
  }

  CpuMap map() {
    return map;
  }

  List<String> names(Bits bits) {
    return map.presentFeatures(bits).stream().map(Feature::name).toList();
  }

  /** What the host gives guests ({@link GuestVisibleCpu}); null when it names no CPU model. */
  GuestVisibleCpu visible(Host h) {
    return GuestVisibleCpu.of(h, engine);
  }

  /** The guest-visible CPU itself, or null. */
  CpuDef target(Host h) {
    GuestVisibleCpu v = visible(h);
    return v == null ? null : v.cpu();
  }

  /**
   * The guest-visible CPU for comparing two hosts: when either one lacks domcapabilities, both
   * are approximated from their capabilities (a host known only by domcapabilities keeps them),
   * so that differences between QEMU's answer and the approximation (umip, vmx-* MSR features...)
   * are not taken for differences between the hosts.
   */
  GuestVisibleCpu view(Host h, Host other) {
    GuestVisibleCpu v = visible(h);
    GuestVisibleCpu o = visible(other);
    if (v == null || v.approximate() || !approximate(o) || h.hostCpu() == null) {
      return v;
    }
    GuestVisibleCpu a = GuestVisibleCpu.of(null, h.arch(), h.hostCpu(), engine);
    return a == null ? v : a;
  }

  /** Whether the host's guest-visible CPU is an approximation (no domcapabilities). */
  static boolean approximate(GuestVisibleCpu v) {
    return v != null && v.approximate();
  }

  /**
   * The "migratable" host-model CPU of a host, which libvirt starts host-model guests with and
   * updates custom ones against (spec §7.2): the guest-visible CPU without its non-migratable
   * features (without domcapabilities, libvirt's own derivation through KVM's masks). Null when
   * the host names no CPU model.
   */
  CpuDef migratableHostModel(Host h, Host other) {
    GuestVisibleCpu v = view(h, other);
    CpuDef base = v == null ? null : v.cpu();
    if (base == null) {
      return null;
    }
    return base.withFeatures(migratableFeatures(map, base.features()));
  }

  /**
   * The features a host-model guest starts with, from its host's: libvirt leaves out the required
   * ones that block migration (invtsc, xsaves). {@code map} is the x86 cpu_map; null (other
   * arches, whose maps have no such flag) keeps every feature.
   */
  public static List<CpuFeature> migratableFeatures(CpuMap map, List<CpuFeature> features) {
    List<CpuFeature> kept = new ArrayList<>(features.size());
    for (CpuFeature f : features) {
      boolean blocker = map != null && f.effectivePolicy() == FeaturePolicy.REQUIRE
          && !map.feature(f.name()).map(Feature::migratable).orElse(true);
      if (!blocker) {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * What a host gives guest CPUs, the CPU every rule compares with: its domcapabilities host-model
   * (what KVM offers) with the arch set, else its capabilities host CPU (raw CPUID); null when
   * neither is known. gate's host rules take it from here; verdicts use {@link GuestVisibleCpu}.
   */
  public static CpuDef offered(CpuDef hostModel, String arch, CpuDef hostCpu) {
    return hostModel != null ? hostModel.withArch(arch) : hostCpu;
  }

  /**
   * Host-model reach, the CPU axis's fleet summary: whether a host-model guest running
   * {@code running} (the CPU it started with, of arch {@code runningArch}) can move to a host that
   * offers {@code target} (its host-model, else its capabilities CPU, of arch {@code targetArch}):
   * one arch, both CPUs named, and libvirt's compare finds it IDENTICAL or SUPERSET.
   */
  public static boolean hostModelReaches(
      CpuEngine engine, CpuDef running, String runningArch, CpuDef target, String targetArch) {
    Arch ga = Arch.forLibvirtArch(runningArch).orElse(null);
    Arch ha = Arch.forLibvirtArch(targetArch).orElse(null);
    if (ga == null || !Objects.equals(ga, ha)) {
      return false;
    }
    if (running.model() == null || target.model() == null) {
      return false;
    }
    CpuDef t = target.arch() == null ? target.withArch(targetArch) : target;
    return engine.compare(t, running).verdict().compatible();
  }

  private Bits policies(CpuDef cpu, FeaturePolicy a, FeaturePolicy b) {
    return engine.features(cpu, a).or(engine.features(cpu, b));
  }

  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    switch (g.mode()) {
      case HOST_PASSTHROUGH -> passthrough(g, src, dst, out);
      case HOST_MODEL -> hostModel(g, src, dst, out);
      case CUSTOM -> custom(g, src, dst, out);
    }
  }

  /**
   * A custom CPU must start as libvirt and QEMU start it ({@link CustomStart}); a host-passthrough guest
   * needs the features it requires by name; a host-model guest starts anywhere.
   */
  @Override
  public void start(GuestProfile g, Host src, Host h, Outcome out) {
    if (g.unchecked()) {
      // no check before start, and QEMU without enforce drops what it cannot give: it starts,
      // if QEMU there has the model at all
      Finding offer = offered(h, g.cpu());
      if (offer != null) {
        out.findings.add(offer);
      }
      List<String> gone = dropped(g.cpu(), h);
      if (!gone.isEmpty() && !g.isQemuDefault()) {
        out.add(Axis.CPU, Safety.RISKY, dropsSilently(h, gone), gone);
      }
    } else if (g.mode() == GuestMode.CUSTOM) {
      if (g.cpu() == null) {
        out.add(Axis.CPU, Safety.UNSAFE, "no custom CPU: " + g.problem());
      } else if (target(h) != null) {
        out.findings.addAll(start.findings(g.cpu(), h));
      }
    } else if (g.mode() == GuestMode.HOST_PASSTHROUGH && target(h) != null) {
      CpuDef view = target(h);
      Bits required = engine.features(g.cpu(), FeaturePolicy.REQUIRE);
      Bits missing = required.andNot(engine.features(view));
      if (!missing.isEmpty()) {
        out.add(Axis.CPU, Safety.UNSAFE, h.name() + " lacks features the guest requires",
            names(missing));
      }
    }
  }

  /** Whether the CPU features a guest sees include the named one (false when unknown). */
  boolean sees(Bits guestBits, String feature) {
    Feature f = map.feature(feature).orElse(null);
    return f != null && guestBits != null && guestBits.containsAll(f.bits());
  }

  /** Whether a custom guest CPU can start on the host as libvirt and QEMU decide ({@link CustomStart}). */
  boolean canStart(CpuDef guestCpu, Host host) {
    return target(host) != null && start.findings(guestCpu, host).stream()
        .noneMatch(f -> f.severity() == Safety.UNSAFE);
  }

  // ---- host-passthrough

  /** What a host-passthrough guest sees on a host whose CPU is {@code host}. */
  Bits passthroughBits(GuestProfile g, CpuDef host) {
    Bits bits = engine.features(host);
    Bits required = policies(g.cpu(), FeaturePolicy.REQUIRE, FeaturePolicy.FORCE);
    if (g.migratable()) {
      // QEMU's migratable=on drops the blockers unless the guest asks for them by name
      bits = bits.andNot(map.nonMigratableBits().andNot(required));
    }
    return bits.andNot(policies(g.cpu(), FeaturePolicy.DISABLE, FeaturePolicy.FORBID));
  }

  void passthrough(GuestProfile g, Host src, Host dst, Outcome out) {
    GuestVisibleCpu sv = view(src, dst);
    GuestVisibleCpu dv = view(dst, src);
    CpuDef s = sv == null ? null : sv.cpu();
    CpuDef d = dv == null ? null : dv.cpu();
    if (s == null || d == null) {
      out.add(Axis.CPU, Safety.UNSAFE,
          (s == null ? src.name() : dst.name()) + " reports no host CPU model: cannot compare");
      return;
    }
    approximationNote(out, sv, src);
    approximationNote(out, dv, dst);
    if (!g.migratable()) {
      out.note("migratable='off': the guest also sees features libvirt marks non-migratable"
          + " (invtsc, xsaves)");
    }
    Bits sb = passthroughBits(g, s);
    Bits db = passthroughBits(g, d);
    out.guestBits = sb;
    Bits required = policies(g.cpu(), FeaturePolicy.REQUIRE, FeaturePolicy.FORCE);
    Bits missingOnSrc = required.andNot(engine.features(s));
    if (!missingOnSrc.isEmpty()) {
      out.note("the guest cannot start on " + src.name() + " either: it lacks "
          + String.join(", ", names(missingOnSrc)));
    }
    boolean sameVendor = Objects.equals(s.vendor(), d.vendor());
    if (!sameVendor) {
      out.add(Axis.CPU, Safety.UNSAFE, "the guest would see another CPU vendor: " + s.vendor()
          + " on " + src.name() + ", " + d.vendor() + " on " + dst.name());
    }
    Bits lost = sb.andNot(db);
    if (!lost.isEmpty()) {
      List<String> n = names(lost);
      out.add(Axis.CPU, Safety.UNSAFE, dst.name() + " lacks " + count(n.size(), "feature")
          + " the guest sees on " + src.name(), n);
    } else {
      Bits gained = db.andNot(sb);
      if (!gained.isEmpty()) {
        List<String> n = names(gained);
        out.add(Axis.CPU, Safety.RISKY, dst.name() + " has " + count(n.size(), "feature")
            + " more than " + src.name() + ": the guest's CPUID changes under it (works in"
            + " practice, not supported)", n);
      }
    }
    if (sameVendor) {
      signature(src, dst, out);
    }
  }

  private static void signature(Host src, Host dst, Outcome out) {
    CpuSignature a = src.signature();
    CpuSignature b = dst.signature();
    if (a == null || b == null) {
      out.note("no CPU signature for " + (a == null ? src.name() : dst.name())
          + ": family, model and stepping not compared");
    } else if (!Objects.equals(a.family(), b.family()) || !Objects.equals(a.model(), b.model())) {
      out.add(Axis.CPU, Safety.RISKY, "the CPU signature differs (" + describe(a) + " on "
          + src.name() + ", " + describe(b) + " on " + dst.name()
          + "): the guest sees another CPU model after migration");
    } else if (!Objects.equals(a.stepping(), b.stepping())) {
      out.add(Axis.CPU, Safety.RISKY, "the stepping differs (" + a.stepping() + " on "
          + src.name() + ", " + b.stepping() + " on " + dst.name()
          + "): CPUID changes under a running host-passthrough guest (not supported)");
    }
    Long ma = src.microcode();
    Long mb = dst.microcode();
    if (ma != null && mb != null && !ma.equals(mb)) {
      out.add(Axis.CPU, Safety.RISKY, "the microcode differs (0x" + Long.toHexString(ma) + " on "
          + src.name() + ", 0x" + Long.toHexString(mb) + " on " + dst.name()
          + "): errata and CPUID bits can change under a running host-passthrough guest");
    }
  }

  private static String describe(CpuSignature s) {
    return "family " + s.family() + " model " + s.model() + " stepping " + s.stepping();
  }

  /** The note on a verdict built on a host's approximated guest-visible CPU (once per host). */
  static void approximationNote(Outcome out, GuestVisibleCpu v, Host h) {
    if (!approximate(v)) {
      return;
    }
    String note = GuestVisibleCpu.APPROXIMATE + " for " + h.name() + ": its guest CPU is derived"
        + " from the capabilities host CPU as libvirt does, without the features KVM never gives"
        + " guests";
    out.note(note);
  }

  // ---- host-model

  void hostModel(GuestProfile g, Host src, Host dst, Outcome out) {
    CpuDef ref = migratableHostModel(src, dst);
    if (ref == null) {
      out.add(Axis.CPU, Safety.UNSAFE, src.name() + " reports no host CPU model: no host-model CPU");
      return;
    }
    CpuDef running = engine.update(g.cpu(), ref);
    out.guestCpu = running;
    out.guestBits = engine.features(running);
    approximationNote(out, view(src, dst), src);
    if (src.hostModelCpu() != null && src.hostModelCpu().fallback() == Fallback.ALLOW) {
      out.note(src.name() + "'s host-model has fallback='allow': QEMU could not describe the host"
          + " CPU exactly");
    }
    fits(dst, view(dst, src), running,
        "the host-model CPU fixed when the guest started on " + src.name(), out);
  }

  /** Whether the running CPU fits the destination; adds the CPU finding when it does not. */
  boolean fits(Host dst, GuestVisibleCpu v, CpuDef running, String what, Outcome out) {
    if (v == null) {
      out.add(Axis.CPU, Safety.UNSAFE, dst.name() + " reports no host CPU model: cannot compare");
      return false;
    }
    CompareResult r = engine.compare(v.cpu(), running);
    approximationNote(out, v, dst);
    if (r.verdict().compatible()) {
      return true;
    }
    out.add(Axis.CPU, Safety.UNSAFE, mismatch(r, dst, running, what), r.features());
    return false;
  }

  private static String mismatch(CompareResult r, Host dst, CpuDef running, String what) {
    int n = r.features().size();
    return switch (r.reason()) {
      case VENDOR -> dst.name() + " has " + article(dst.vendor()) + " CPU; " + what + " is "
          + running.vendor();
      case MISSING_FEATURES -> dst.name() + " lacks " + count(n, "feature") + " of " + what;
      case FORBIDDEN_FEATURES -> dst.name() + " has " + count(n, "feature") + " " + what
          + " forbids";
      case STRICT_EXTRA_FEATURES -> dst.name() + " has " + count(n, "feature") + " beyond " + what
          + ", which uses match='strict'";
      default -> dst.name() + ": " + r.message();
    };
  }

  private static String article(String vendor) {
    if (vendor == null) {
      return "an unknown";
    }
    return ("AEIOU".indexOf(vendor.charAt(0)) >= 0 ? "an " : "a ") + vendor;
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // ---- custom

  void custom(GuestProfile g, Host src, Host dst, Outcome out) {
    if (g.unchecked()) {
      unchecked(g, src, dst, out);
      return;
    }
    if (g.cpu() == null) {
      out.add(Axis.CPU, Safety.UNSAFE,
          "no custom CPU runs on both " + src.name() + " and " + dst.name() + ": " + g.problem());
      return;
    }
    CpuDef cpu = g.cpu();
    if (g.cpuOrigin() != null) {
      out.note("custom CPU: " + g.cpuOrigin());
    }
    approximationNote(out, visible(src), src);
    if (target(src) != null) { // the rule a real start follows (CustomStart)
      start.findings(cpu, src).stream().filter(f -> f.severity() == Safety.UNSAFE).findFirst()
          .ifPresent(f -> out.note("the guest cannot start on " + src.name() + " either: "
              + f.message()));
    }
    boolean minimum = cpu.match() == CpuMatch.MINIMUM;
    List<String> optional = new ArrayList<>();
    for (CpuFeature f : cpu.features()) {
      if (f.policy() == FeaturePolicy.OPTIONAL) {
        optional.add(f.name());
      }
    }
    CpuDef ref = migratableHostModel(src, dst);
    CpuDef running = (minimum || !optional.isEmpty()) && ref == null ? cpu : engine.update(cpu, ref);
    out.guestCpu = running;
    out.guestBits = engine.features(running);
    if (minimum && ref != null) {
      out.note("match='minimum': the guest starts with " + src.name() + "'s host-model CPU ("
          + running.model() + " and " + count(running.features().size(), "feature")
          + ") and keeps it; " + dst.name() + " must provide all of it");
    } else if (!optional.isEmpty() && ref != null) {
      List<String> became = new ArrayList<>();
      for (CpuFeature f : running.features()) {
        if (optional.contains(f.name()) && f.policy() == FeaturePolicy.REQUIRE) {
          became.add(f.name());
        }
      }
      out.note("policy='optional' features are fixed when the guest starts on " + src.name()
          + (became.isEmpty()
              ? ": none of them is there, so they stay off"
              : ": " + String.join(", ", became) + " became required and " + dst.name()
                  + " must provide them"));
    }
    vendorChange(running, src, dst, out);
    // check='partial' (the default for KVM custom CPUs, qemu_domain.c qemuDomainDefCPUPostParse)
    // compares before start (qemu_process.c qemuProcessUpdateGuestCPU); 'full' refuses after
    // start what QEMU did not enable (cpu_x86.c virCPUx86UpdateLive): both refuse a missing feature
    fits(dst, running, out);
  }

  /** The custom CPU must fit the destination, and QEMU there must be able to run its model. */
  private void fits(Host dst, CpuDef running, Outcome out) {
    if (fits(dst, visible(dst), running, "the guest CPU", out)) {
      Finding u = usability(dst, running, out.notes);
      if (u != null) {
        out.findings.add(u);
      }
    }
  }

  /**
   * Whether QEMU on the host has the custom model at all, whatever {@code check} says: libvirt
   * translates (fallback='allow') or refuses (forbid) a model QEMU lacks before it starts QEMU
   * (qemu_process.c qemuProcessUpdateGuestCPU, virCPUTranslate). Null when it has, or unknown.
   */
  static Finding offered(Host h, CpuDef cpu) {
    if (h.domcaps() == null || cpu.model() == null) {
      return null;
    }
    DomainCapabilities.CustomMode cm = h.domcaps().cpu().custom();
    if (cm == null || !cm.supported()) {
      return new Finding(Axis.CPU, Safety.UNSAFE,
          "QEMU on " + h.name() + " supports no custom CPU models");
    }
    String name = cpu.model();
    if (cm.model(name) != null) {
      return null;
    }
    return cpu.fallback() == Fallback.FORBID
        ? new Finding(Axis.CPU, Safety.UNSAFE,
            "QEMU on " + h.name() + " does not offer model " + name + " (fallback='forbid')")
        : new Finding(Axis.CPU, Safety.RISKY, "QEMU on " + h.name() + " does not offer model "
            + name + ": libvirt would translate it to another model (fallback='allow')");
  }

  // ---- QEMU's behaviour where libvirt checks nothing (check='none', QEMU's default model)

  /**
   * A guest libvirt starts without a CPU check: on the source QEMU drops what the source cannot
   * give and libvirt records it as disabled, then checks the live CPU fully ('full'), so the
   * destination must give every feature the guest kept, or libvirt refuses the incoming guest.
   */
  private void unchecked(GuestProfile g, Host src, Host dst, Outcome out) {
    CpuDef cpu = g.cpu();
    if (g.cpuOrigin() != null) {
      out.note("custom CPU: " + g.cpuOrigin());
    }
    List<String> gone = dropped(cpu, src);
    CpuDef running = withDisabled(cpu, gone);
    out.guestCpu = running;
    out.guestBits = engine.features(running);
    if (!gone.isEmpty()) {
      if (g.isQemuDefault()) {
        out.note("QEMU on " + src.name() + " leaves out " + String.join(", ", gone)
            + ", which the host does not give guests; libvirt records "
            + (gone.size() == 1 ? "it" : "them") + " as disabled");
      } else {
        out.add(Axis.CPU, Safety.RISKY, dropsSilently(src, gone), gone);
      }
    }
    out.note("check='none': libvirt checks no CPU before this guest starts; once it runs, its CPU"
        + " is checked in full, so " + dst.name() + " must give every feature it kept");
    vendorChange(running, src, dst, out);
    fits(dst, running, out);
  }

  private static String dropsSilently(Host h, List<String> gone) {
    return "check='none': QEMU on " + h.name() + " silently drops " + count(gone.size(), "feature")
        + " of the guest CPU that the host does not give guests";
  }

  /** The features of the guest CPU the host does not offer guests: what QEMU filters there. */
  List<String> dropped(CpuDef cpu, Host h) {
    CpuDef target = target(h);
    if (target == null || cpu.model() == null) {
      return List.of();
    }
    return names(engine.features(cpu).andNot(engine.features(target)));
  }

  /** The CPU with these features disabled, as libvirt records what QEMU filtered. */
  static CpuDef withDisabled(CpuDef cpu, List<String> names) {
    if (names.isEmpty()) {
      return cpu;
    }
    List<CpuFeature> features = new ArrayList<>();
    for (CpuFeature f : cpu.features()) {
      if (!names.contains(f.name())) {
        features.add(f);
      }
    }
    for (String n : names) {
      features.add(new CpuFeature(n, FeaturePolicy.DISABLE));
    }
    return cpu.withFeatures(features);
  }

  /**
   * Under KVM QEMU gives every named model the host's CPU vendor unless its 'vendor' property is
   * set (target/i386/cpu.c x86_cpu_load_model: "Normally we advertise the actual CPU vendor, but
   * you can override this using the 'vendor' property ... when doing cross vendor migration");
   * libvirt sets it only from {@code <model vendor_id>} (qemu_command.c). A model or
   * {@code <vendor>} that names a vendor is refused by libvirt's compare instead. UNSAFE, as the
   * guest breaks: it chose vendor-specific paths at boot, e.g. 32-bit system calls by SYSENTER on
   * Intel, which KVM emulates in compatibility mode only for guests told Intel
   * (arch/x86/kvm/emulate.c em_sysenter), so they fault once the guest is told AMD.
   */
  void vendorChange(CpuDef running, Host src, Host dst, Outcome out) {
    String a = src.vendor();
    String b = dst.vendor();
    if (running.vendorId() != null || a == null || b == null || a.equals(b)
        || running.vendor() != null || modelVendor(running) != null) {
      return;
    }
    out.add(Axis.CPU, Safety.UNSAFE, "the vendor changes under a running guest: " + running.model()
        + " names no vendor, so QEMU gives the guest its host's (" + a + " on " + src.name()
        + ", " + b + " on " + dst.name() + ")");
  }

  private Vendor modelVendor(CpuDef cpu) {
    return cpu.model() == null ? null : map.model(cpu.model()).map(CpuModel::vendor).orElse(null);
  }

  /**
   * What the host's domcapabilities say about the custom model: null when fine or unknown, else a
   * finding. Blockers are the model's own ({@code <blockers>} of newer libvirt); libvirt 9.0 does
   * not print them, so they are then derived as the model's features the host-model lacks.
   */
  Finding usability(Host h, CpuDef cpu, List<String> notes) {
    Finding offer = offered(h, cpu);
    if (offer != null || h.domcaps() == null || cpu.model() == null) {
      return offer;
    }
    DomainCapabilities.CustomMode cm = h.domcaps().cpu().custom();
    String name = cpu.model();
    DomainCapabilities.CustomModel m = cm.model(name);
    if (m.usable() == ModelUsability.UNKNOWN || m.usable() == null) {
      notes.add("QEMU on " + h.name() + " cannot tell whether " + name + " is usable");
      return null;
    }
    if (m.usable() == ModelUsability.YES) {
      return null;
    }
    List<String> blockers = !m.blockers().isEmpty()
        ? m.blockers()
        : cm.blockers().getOrDefault(name, List.of());
    boolean derived = false;
    CpuDef hm = h.hostModelCpu();
    CpuModel model = map.model(name).orElse(null);
    if (blockers.isEmpty() && hm != null && model != null) {
      blockers = names(model.bits().andNot(engine.features(hm)));
      derived = true;
    }
    if (blockers.isEmpty()) {
      return new Finding(Axis.CPU, Safety.RISKY,
          "QEMU on " + h.name() + " marks " + name + " unusable and does not say why");
    }
    Bits disabled = policies(cpu, FeaturePolicy.DISABLE, FeaturePolicy.FORBID);
    List<String> open = new ArrayList<>();
    for (String b : blockers) {
      Feature f = map.feature(b).orElse(null);
      if (f == null || !disabled.containsAll(f.bits())) {
        open.add(b);
      }
    }
    String source = derived ? "; derived from its host-model, as libvirt 9.0 lists none" : "";
    if (open.isEmpty()) {
      notes.add(name + " is not usable on " + h.name() + " as is (blockers: " + String.join(", ",
          blockers) + source + "), but the guest disables all of them");
      return null;
    }
    return new Finding(Axis.CPU, Safety.UNSAFE, "QEMU on " + h.name() + " cannot run " + name
        + ": the guest keeps " + count(open.size(), "blocker")
        + (derived ? " (derived from its host-model, as libvirt 9.0 lists none)" : ""), open);
  }
}
