package org.migcheck.verdict;

import java.util.List;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.DomainDef;
import org.migcheck.model.Fallback;
import org.migcheck.model.MaxPhysAddr;

/**
 * The guest one verdict is about: its CPU in the mode being judged, and the rest of its domain
 * (null for a mode's default guest).
 *
 * @param cpu host-passthrough/host-model: the {@code <cpu>} with any features on top; custom: the
 *     custom CPU; null when no custom CPU could be found ({@code problem} says why)
 * @param migratable host-passthrough's {@code migratable} (on unless the guest says off)
 * @param maxPhysAddr the guest's {@code <maxphysaddr>}, null when it has none
 * @param tscHz the frequency of the guest's {@code <timer name='tsc'>}, null when not pinned
 * @param cpuOrigin where a custom CPU comes from, for notes
 */
record GuestProfile(
    GuestMode mode,
    CpuDef cpu,
    boolean migratable,
    MaxPhysAddr maxPhysAddr,
    Long tscHz,
    DomainDef domain,
    String cpuOrigin,
    String problem) {

  /** QEMU's CPU model for x86_64 KVM guests whose domain has no {@code <cpu>}. */
  static final String QEMU_DEFAULT_MODEL = "qemu64";

  /**
   * QEMU's default CPU model of a guest arch, null where migcheck does not model it. QEMU's PC and
   * Q35 machines take TARGET_DEFAULT_CPU_TYPE (target/i386/cpu.h, later hw/i386: qemu64 for
   * x86_64, qemu32 for i386); libvirt asks QEMU for it per machine type and sets it on x86, s390
   * and ppc64 KVM guests only (src/qemu/qemu_domain.c qemuDomainDefSetDefaultCPU), so other
   * arches keep whatever QEMU picks.
   */
  static String qemuDefaultModel(String arch) {
    if (arch == null || arch.equals("x86_64")) {
      return QEMU_DEFAULT_MODEL;
    }
    return arch.equals("i686") ? "qemu32" : null;
  }

  /**
   * Whether libvirt runs no CPU check before starting the guest: {@code check='none'}, and QEMU's
   * default model, which libvirt sets with check='none' "because the default CPU (e.g., qemu64)
   * may not be runnable on any host" (qemuDomainDefSetDefaultCPU). QEMU without {@code enforce}
   * then filters what KVM cannot give (target/i386/cpu.c x86_cpu_filter_features, a warning only;
   * enforce makes it the error "Host doesn't support requested features"), libvirt records the
   * filtered features as disabled and raises the live check to 'full' (src/qemu/qemu_process.c
   * qemuProcessUpdateLiveGuestCPU; src/cpu/cpu_x86.c virCPUx86UpdateLive).
   */
  boolean unchecked() {
    return mode == GuestMode.CUSTOM && cpu != null
        && (isQemuDefault() || cpu.check() == CpuCheck.NONE);
  }

  /**
   * Whether a domain's {@code <cpu>} is the one libvirt writes for a domain that had none: QEMU's
   * default model of its arch, check='none', no features (qemuDomainDefSetDefaultCPU).
   */
  static boolean writtenDefault(DomainDef d, CpuDef own) {
    String arch = d.os() == null ? null : d.os().arch();
    return own.check() == CpuCheck.NONE && own.features().isEmpty()
        && own.model().equals(qemuDefaultModel(arch));
  }

  /** Whether the custom CPU is QEMU's default, the domain naming none. */
  boolean isQemuDefault() {
    return cpuOrigin != null && cpuOrigin.startsWith(DEFAULT_ORIGIN);
  }

  static final String DEFAULT_ORIGIN = "QEMU's default ";

  /** A {@code <cpu mode='...'/>} with nothing else, as a guest that only names the mode. */
  static CpuDef bare(CpuMode mode) {
    return new CpuDef(
        CpuType.GUEST, null, mode, CpuMatch.EXACT, CpuCheck.DEFAULT, null, null, Fallback.ALLOW,
        null, null, List.of(), "<cpu mode='" + mode.xmlName() + "'/>");
  }

  /**
   * What QEMU runs a domain without {@code <cpu>} (or without a model) with, as libvirt writes it
   * into the domain: mode custom, match exact, fallback forbid, check none
   * (qemuDomainDefSetDefaultCPU); null for an arch whose default is not modelled.
   */
  static CpuDef qemuDefault(DomainDef d) {
    String model = qemuDefaultModel(d.os() == null ? null : d.os().arch());
    if (model == null) {
      return null;
    }
    return new CpuDef(CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT, CpuCheck.NONE, null,
        model, Fallback.FORBID, null, null, List.of(), d.source());
  }
}
