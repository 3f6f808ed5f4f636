package org.migcheck.model;

/**
 * {@code <counter name='tsc' frequency scaling/>}: the host's TSC rate in Hz and whether the host can
 * scale a guest's TSC to another rate (null when not reported).
 */
public record TscCounter(String name, Long frequency, Boolean scaling) {}
