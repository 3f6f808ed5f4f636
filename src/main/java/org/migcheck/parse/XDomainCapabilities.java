package org.migcheck.parse;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jaxb.core.annotation.XmlLocation;
import org.xml.sax.Locator;

/** JAXB shape of {@code <domainCapabilities>}; converted by {@link DomainCapabilitiesMapper}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
final class XDomainCapabilities {
  @XmlLocation @XmlTransient Locator loc;

  @XmlElement String path;
  @XmlElement String domain;
  @XmlElement String machine;
  @XmlElement String arch;
  @XmlElement Vcpu vcpu;
  @XmlElement Supported iothreads;
  @XmlElement Os os;
  @XmlElement Cpu cpu;
  @XmlElement EnumHolder memoryBacking;
  @XmlElement AnyChildren devices;
  @XmlElement AnyChildren features;
  @XmlElement String uuid;

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Vcpu {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String max;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Supported {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String supported;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Enum {
    @XmlAttribute String name;

    @XmlElement(name = "value")
    List<String> values = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static class EnumHolder {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String supported;

    @XmlElement(name = "enum")
    List<Enum> enums = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Os extends EnumHolder {
    @XmlElement Loader loader;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Loader extends EnumHolder {
    @XmlElement(name = "value")
    List<String> values = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Cpu {
    @XmlElement(name = "mode")
    List<Mode> modes = new ArrayList<>();
  }

  /** A {@code <cpu><mode>}: enums, a host-model CPU, or the custom models and their blockers. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "")
  static final class Mode extends EnumHolder {
    @XmlAttribute String name;

    @XmlElement(name = "model")
    List<XCpu.Model> models = new ArrayList<>();

    @XmlElement String vendor;
    @XmlElement XCpu.MaxPhysAddr maxphysaddr;

    @XmlElement(name = "feature")
    List<XCpu.Feature> features = new ArrayList<>();

    @XmlElement(name = "blockers")
    List<Blockers> blockers = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Blockers {
    @XmlAttribute String model;

    @XmlElement(name = "feature")
    List<BlockerFeature> features = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class BlockerFeature {
    @XmlAttribute String name;
  }
}
