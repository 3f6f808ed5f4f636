package org.migcheck.model;

/** Whether libvirt may replace an unsupported model, in libvirt's order. */
public enum Fallback implements LibvirtEnum {
  ALLOW("allow"),
  FORBID("forbid");

  private final String xmlName;

  Fallback(String xmlName) {
    this.xmlName = xmlName;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  public static Fallback fromXml(String value) {
    return LibvirtEnum.parse(Fallback.class, value);
  }
}
