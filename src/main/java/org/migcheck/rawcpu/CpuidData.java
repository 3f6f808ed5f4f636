package org.migcheck.rawcpu;

import java.util.List;
import java.util.Map;

/**
 * Raw x86 CPUID leaves (and model-specific registers) of one CPU, as {@code cpuid -r} prints them
 * or libvirt's {@code <cpudata arch='x86'>} stores them.
 *
 * @param leaves (leaf, sub-leaf) to {eax, ebx, ecx, edx}
 * @param msrs MSR index to its value (edx in the high half)
 */
public record CpuidData(Map<Leaf, long[]> leaves, Map<Long, Long> msrs) {
  public record Leaf(long eaxIn, long ecxIn) {}

  /** The registers of a leaf, or null when the dump lacks it. */
  public long[] get(long eaxIn, long ecxIn) {
    return leaves.get(new Leaf(eaxIn, ecxIn));
  }

  /** Registers in CPUID order of the cpu_map's attributes. */
  public static final List<String> REGISTERS = List.of("eax", "ebx", "ecx", "edx");
}
