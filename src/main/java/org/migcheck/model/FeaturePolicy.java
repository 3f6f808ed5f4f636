package org.migcheck.model;

/** A guest feature policy, in libvirt's order. */
public enum FeaturePolicy implements LibvirtEnum {
  FORCE("force"),
  REQUIRE("require"),
  OPTIONAL("optional"),
  DISABLE("disable"),
  FORBID("forbid");

  private final String xmlName;

  FeaturePolicy(String xmlName) {
    this.xmlName = xmlName;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  public static FeaturePolicy fromXml(String value) {
    return LibvirtEnum.parse(FeaturePolicy.class, value);
  }
}
