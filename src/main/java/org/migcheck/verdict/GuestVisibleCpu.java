package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;

/**
 * The CPU a guest really gets on a host, which every CPU verdict compares with: the
 * domcapabilities host-model (QEMU's own answer, with its {@code policy='disable'} lines) when
 * the host has one; else an approximation made from the capabilities host CPU the way libvirt and
 * KVM would: the host's features minus what KVM never gives guests, plus what KVM always emulates.
 * The domcapabilities' {@code usable}/{@code <blockers>} for custom models stay with the host
 * ({@link CpuAxis#usability}).
 *
 * @param cpu a guest-type CPU with the host's arch (null when the host names no CPU model)
 * @param approximate true when no domcapabilities stood behind it
 */
public record GuestVisibleCpu(CpuDef cpu, boolean approximate) {
  /** How reports mark verdicts and suggestions built on an approximation. */
  public static final String APPROXIMATE = "approximate: no domcapabilities";

  /*
   * Host CPUID features a guest does not get by default under QEMU/KVM:
   * - Linux arch/x86/kvm/cpuid.c, kvm_set_cpu_caps(): CPUID.1 ECX masks out DTES64, MONITOR,
   *   DS-CPL, SMX, EST, TM2, CNXT-ID (cid), xTPR, DCA, OSXSAVE; CPUID.1 EDX masks out PSN (pn),
   *   DS, ACPI, HTT (ht), TM, PBE; CPUID.7 masks out INTEL_PT and OSPKE; CPUID.0x80000001 ECX
   *   keeps neither ExtApicSpace (extapic), IBS, SKINIT, WDT, LWP nor TCE, NodeId, PerfCtrNb;
   *   leaf 0xF (cmt, mbm_total, mbm_local) is not passed at all (__do_cpuid_func zeroes it); SVM
   *   leaf 0x8000000A is hidden except what svm.c emulates for a nested guest (so no svm-lock,
   *   flushbyasid, decodeassists, avic; kernels after 6.1 emulate flushbyasid, which the
   *   approximation does not assume).
   * - Conditional in Linux, off by default in QEMU: PDCM, DS and DTES64 only come with a
   *   virtual PMU (vmx.c sets them with PEBS support; QEMU named models default to pmu=off),
   *   MONITOR only with -overcommit cpu-pm=on (QEMU target/i386/kvm/kvm.c,
   *   kvm_arch_get_supported_cpuid), INTEL_PT only with kvm_intel pt_mode=1, SGX only with an
   *   SGX-enabled host and an EPC section for the guest: not assumed without domcapabilities.
   * - libvirt's virQEMUCapsCPUFilterFeatures (src/qemu/qemu_capabilities.c) never passes cmt,
   *   mbm_total, mbm_local, osxsave, ospke to QEMU either.
   * - topoext: KVM supports it, but QEMU's host-model leaves it out (libvirt's QEMU 8.2
   *   domcapabilities of an EPYC-Rome host).
   * Real domcapabilities agree: none of these appear in libvirt's QEMU 6.2-11.1 x86 host-models
   * except ds/pdcm on a PMU-enabled Granite Rapids (tests/domaincapsdata, +inteltdx); a test
   * checks that.
   */
  static final List<String> KVM_HIDDEN =
      List.of(
          "ds", "acpi", "ht", "tm", "pbe", "pn", "dtes64", "monitor", "ds_cpl", "smx", "est",
          "tm2", "cid", "xtpr", "pdcm", "dca", "osxsave", "ospke", "intel-pt", "cmt",
          "mbm_total", "mbm_local", "extapic", "ibs", "skinit", "wdt", "lwp", "tce", "nodeid_msr",
          "perfctr_nb", "svm-lock", "flushbyasid", "decodeassists", "avic", "topoext", "sgx",
          "sgxlc", "sgx1", "sgx2");

  /*
   * Without TSX on the host, KVM's IA32_ARCH_CAPABILITIES for guests leaves out the TSX bits
   * (Linux arch/x86/kvm/x86.c, kvm_get_arch_capabilities).
   */
  static final List<String> TSX_ONLY = List.of("tsx-ctrl", "taa-no");

  /*
   * What KVM/QEMU give every guest whatever the host CPUID says: QEMU sets HYPERVISOR and asks
   * KVM for TSC-deadline (target/i386/kvm/kvm.c kvm_arch_get_supported_cpuid); Linux
   * kvm_set_cpu_caps() emulates X2APIC, TSC_ADJUST and ARCH_CAPABILITIES in software and
   * __do_cpuid_func() always allows ARAT in leaf 6; kvm_get_arch_capabilities() (x86.c) always
   * sets PSCHANGE_MC_NO, and SKIP_VMENTRY_L1DFLUSH unless the L1TF mitigation is "never".
   */
  static final List<String> KVM_EMULATED =
      List.of("hypervisor", "x2apic", "tsc-deadline", "arat", "tsc_adjust", "arch-capabilities",
          "pschange-mc-no", "skip-l1dfl-vmentry");

  /**
   * The guest-visible CPU of a host.
   *
   * @param hostModel the domcapabilities host-model, or null
   * @param arch the host arch
   * @param hostCpu the capabilities host CPU, or null
   * @return null when neither names a CPU model
   */
  public static GuestVisibleCpu of(CpuDef hostModel, String arch, CpuDef hostCpu, CpuEngine engine) {
    if (hostModel != null && hostModel.model() != null) {
      return new GuestVisibleCpu(hostModel.withArch(arch), false);
    }
    if (hostCpu == null || hostCpu.model() == null) {
      return null;
    }
    String a = hostCpu.arch() != null ? hostCpu.arch() : arch;
    if (Arch.forLibvirtArch(a).orElse(null) != Arch.X86) {
      // other arches' maps have no CPUID features: the host CPU is all there is to go by
      return new GuestVisibleCpu(hostCpu, true);
    }
    return new GuestVisibleCpu(
        fromCapabilities(hostCpu.withArch(a), engine.featureMap(hostCpu.source()), engine), true);
  }

  /** The guest-visible CPU of a host from its documents. */
  public static GuestVisibleCpu of(Host h, CpuEngine engine) {
    return of(h.hostModelCpu(), h.arch(), h.hostCpu(), engine);
  }

  /**
   * libvirt's host-model from a host CPU when QEMU gives none (virCPUCopyMigratable and the
   * feature filter are applied later, as for a real host-model), through KVM's masks: hidden
   * features are dropped (disabled when the model has them), emulated ones and the mitigation
   * bits KVM mirrors between the Intel and AMD leaves (kvm_set_cpu_caps) are added.
   */
  static CpuDef fromCapabilities(CpuDef host, CpuMap map, CpuEngine engine) {
    Bits has = engine.features(host);
    CpuModel model = map.model(host.model()).orElse(null);
    Bits modelBits = model == null ? Bits.EMPTY : model.bits();
    List<CpuFeature> features = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean tsx = has(map, has, "rtm");
    for (CpuFeature f : host.features()) {
      if (!KVM_HIDDEN.contains(f.name()) && (tsx || !TSX_ONLY.contains(f.name()))) {
        features.add(new CpuFeature(f.name(), FeaturePolicy.REQUIRE));
        names.add(f.name());
      }
    }
    List<String> added = new ArrayList<>(KVM_EMULATED);
    boolean intel = "Intel".equals(host.vendor());
    if (intel) {
      // vmx.c vmx_set_cpu_caps(): UMIP is emulated through descriptor-table exiting
      addIf(added, has(map, has, "vmx"), "umip");
      addIf(added, has(map, has, "spec-ctrl"), "ibpb", "ibrs");
      addIf(added, has(map, has, "stibp"), "amd-stibp");
      addIf(added, has(map, has, "ssbd"), "amd-ssbd");
    } else {
      addIf(added, has(map, has, "ibpb") && has(map, has, "ibrs"), "spec-ctrl");
      addIf(added, has(map, has, "amd-stibp"), "stibp");
      addIf(added, has(map, has, "amd-ssbd"), "ssbd");
      // kvm_get_arch_capabilities(): AMD parts have neither the Meltdown nor the MDS bug
      addIf(added, "AMD".equals(host.vendor()) || "Hygon".equals(host.vendor()), "rdctl-no",
          "mds-no");
    }
    for (String n : added) {
      Feature f = map.feature(n).orElse(null);
      if (f != null && !has.containsAll(f.bits()) && !names.contains(n)) {
        features.add(new CpuFeature(n, FeaturePolicy.REQUIRE));
      }
    }
    for (String n : KVM_HIDDEN) {
      Feature f = map.feature(n).orElse(null);
      if (f != null && modelBits.containsAll(f.bits()) && !f.bits().isEmpty()) {
        features.add(new CpuFeature(n, FeaturePolicy.DISABLE));
      }
    }
    features.sort(
        (x, y) -> Boolean.compare(x.policy() == FeaturePolicy.DISABLE, y.policy() == FeaturePolicy.DISABLE));
    return new CpuDef(CpuType.GUEST, host.arch(), CpuMode.HOST_MODEL, CpuMatch.EXACT,
        CpuCheck.PARTIAL, null, host.model(), Fallback.FORBID, null, host.vendor(), features,
        host.source());
  }

  private static boolean has(CpuMap map, Bits bits, String name) {
    Feature f = map.feature(name).orElse(null);
    return f != null && !f.bits().isEmpty() && bits.containsAll(f.bits());
  }

  private static void addIf(List<String> out, boolean condition, String... names) {
    if (condition) {
      out.addAll(List.of(names));
    }
  }

  /** The basis reports name: which document the guest-visible CPU comes from. */
  public String basis() {
    return approximate ? "capabilities, " + APPROXIMATE : "domcapabilities host-model";
  }
}
