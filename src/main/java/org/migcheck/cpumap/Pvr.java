package org.migcheck.cpumap;

/** A ppc64/arm processor version value with its mask (arm uses the MIDR part number, no mask). */
public record Pvr(long value, long mask) {}
