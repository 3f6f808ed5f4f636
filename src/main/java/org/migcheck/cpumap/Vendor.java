package org.migcheck.cpumap;

/**
 * A CPU vendor. x86 vendors carry their 12-character CPUID string (leaf 0), whose bits are in
 * {@code bits}; arm vendors carry the MIDR implementer value; ppc64 vendors only a name.
 */
public record Vendor(String name, String cpuidString, Long value, Bits bits) {}
