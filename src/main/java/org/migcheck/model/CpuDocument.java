package org.migcheck.model;

/** A document whose root is a bare {@code <cpu>} element (the form cputest and virsh use). */
public record CpuDocument(String source, int line, GuestCpu cpu) implements ParsedDocument {
  /** The CPU as libvirt's "auto" parse sees it. */
  public CpuDef toCpuDef() {
    return cpu.toCpuDef();
  }
}
