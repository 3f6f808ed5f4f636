package org.migcheck.model;

/** {@code <topology sockets dies clusters cores threads/>}; absent attributes are null. */
public record CpuTopology(
    Integer sockets, Integer dies, Integer clusters, Integer cores, Integer threads) {}
