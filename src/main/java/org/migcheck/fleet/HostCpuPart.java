package org.migcheck.fleet;

import org.migcheck.cpumap.Bits;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuDef;

/**
 * A distinct host CPU of the fleet, as capabilities describe it.
 *
 * @param cpu the host CPU definition, from the first host that has it
 * @param bits its expanded features (x86; empty for other arches)
 * @param decodedModel libvirt's host decode of the features and signature with this cpu_map
 *     (the model virsh capabilities would name), or the written model when it cannot be decoded
 * @param level the x86-64 level, null when below v1 or not x86
 */
public record HostCpuPart(
    CpuIdentity identity, CpuDef cpu, Bits bits, String decodedModel, X86Level level) {

  public boolean isX86() {
    return "x86_64".equals(identity.arch()) || "i686".equals(identity.arch());
  }

  /** The registry makes one part per distinct CPU, so identity is equality (and cheap). */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
