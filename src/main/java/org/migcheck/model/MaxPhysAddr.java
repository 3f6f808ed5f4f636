package org.migcheck.model;

/**
 * {@code <maxphysaddr mode bits limit/>}: mode is emulate or passthrough; bits is set by host
 * capabilities and emulate guests, limit by passthrough guests and domcapabilities.
 */
public record MaxPhysAddr(String mode, Integer bits, Integer limit) {}
