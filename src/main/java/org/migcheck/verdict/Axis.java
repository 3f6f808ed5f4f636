package org.migcheck.verdict;

/** What a finding is about; reports group reasons by axis, in this order. */
public enum Axis {
  CPU("CPU"),
  ARCH("architecture"),
  DOMAIN_TYPE("domain type"),
  MACHINE_TYPE("machine type"),
  TSC("TSC"),
  PHYS_BITS("physical address bits"),
  SECURITY("security driver"),
  MIGRATION("migration support"),
  MEMORY("memory"),
  DEVICES("devices"),
  LIBVIRT_VERSION("libvirt version");

  private final String title;

  Axis(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
