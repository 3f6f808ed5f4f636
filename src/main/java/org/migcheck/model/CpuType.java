package org.migcheck.model;

/** libvirt's CPU definition type: a host CPU (has {@code <arch>}) or a guest CPU (has policies). */
public enum CpuType {
  HOST,
  GUEST
}
