package org.migcheck.cpumap;

/** One {@code <msr>} element of a feature: the MSR index and the bits of its EAX/EDX halves. */
public record MsrBits(long index, long eax, long edx) {}
