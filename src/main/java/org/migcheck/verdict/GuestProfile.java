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

  /** A {@code <cpu mode='...'/>} with nothing else, as a guest that only names the mode. */
  static CpuDef bare(CpuMode mode) {
    return new CpuDef(
        CpuType.GUEST, null, mode, CpuMatch.EXACT, CpuCheck.DEFAULT, null, null, Fallback.ALLOW,
        null, null, List.of(), "<cpu mode='" + mode.xmlName() + "'/>");
  }

  /** What QEMU runs a domain without {@code <cpu>} with. */
  static CpuDef qemuDefault(String source) {
    return CpuDef.guest(QEMU_DEFAULT_MODEL, null, List.of(), source);
  }
}
