package org.migcheck.model;

/** How strictly the hypervisor checks the CPU, in libvirt's order. */
public enum CpuCheck implements LibvirtEnum {
  DEFAULT("default"),
  NONE("none"),
  PARTIAL("partial"),
  FULL("full");

  private final String xmlName;

  CpuCheck(String xmlName) {
    this.xmlName = xmlName;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  public static CpuCheck fromXml(String value) {
    return LibvirtEnum.parse(CpuCheck.class, value);
  }
}
