package org.migcheck.model;

/** {@code usable} of a domcapabilities custom CPU model. */
public enum ModelUsability implements LibvirtEnum {
  YES("yes"),
  NO("no"),
  UNKNOWN("unknown");

  private final String xmlName;

  ModelUsability(String xmlName) {
    this.xmlName = xmlName;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  public static ModelUsability fromXml(String value) {
    return LibvirtEnum.parse(ModelUsability.class, value);
  }
}
