package org.migcheck.model;

/** The guest CPU mode, in libvirt's order. */
public enum CpuMode implements LibvirtEnum {
  CUSTOM("custom"),
  HOST_MODEL("host-model"),
  HOST_PASSTHROUGH("host-passthrough"),
  MAXIMUM("maximum");

  private final String xmlName;

  CpuMode(String xmlName) {
    this.xmlName = xmlName;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  public static CpuMode fromXml(String value) {
    return LibvirtEnum.parse(CpuMode.class, value);
  }
}
