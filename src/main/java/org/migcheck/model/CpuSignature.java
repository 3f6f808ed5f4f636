package org.migcheck.model;

/** {@code <signature family model stepping/>} of a host CPU; absent attributes are null. */
public record CpuSignature(Integer family, Integer model, Integer stepping) {}
