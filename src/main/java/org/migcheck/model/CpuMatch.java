package org.migcheck.model;

/** How a custom CPU must match the host, in libvirt's order. */
public enum CpuMatch implements LibvirtEnum {
  EXACT("exact"),
  MINIMUM("minimum"),
  STRICT("strict");

  private final String xmlName;

  CpuMatch(String xmlName) {
    this.xmlName = xmlName;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  public static CpuMatch fromXml(String value) {
    return LibvirtEnum.parse(CpuMatch.class, value);
  }
}
