package org.migcheck.fleet;

import org.migcheck.cpumap.Bits;
import org.migcheck.model.CpuDef;

/**
 * A distinct domcapabilities host-model CPU: what a host-model guest started on the host gets.
 *
 * @param cpu the host-model as virsh cpu-compare reads it (a custom guest CPU)
 * @param migratable the same without features that block migration (invtsc, xsaves): the CPU
 *     libvirt actually starts a host-model guest with
 * @param bits its expanded features (x86)
 */
public record HostModelPart(CpuDef cpu, CpuDef migratable, Bits bits) {
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
