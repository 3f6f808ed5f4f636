package org.migcheck.cpumap;

/** One {@code <cpuid>} element of a feature: the leaf/sub-leaf and the register bits it needs. */
public record CpuidBits(long eaxIn, long ecxIn, long eax, long ebx, long ecx, long edx) {}
