package org.migcheck.parse;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jaxb.core.annotation.XmlLocation;
import org.xml.sax.Locator;

/** JAXB shape of {@code <domain>}, only the parts that matter for migration. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
final class XDomain {
  @XmlLocation @XmlTransient Locator loc;

  @XmlAttribute String type;
  @XmlElement String name;
  @XmlElement String uuid;
  @XmlElement Os os;
  @XmlElement XCpu cpu;
  @XmlElement Memory memory;
  @XmlElement Vcpu vcpu;
  @XmlElement Clock clock;

  @XmlElement(name = "seclabel")
  List<SecLabel> secLabels = new ArrayList<>();

  @XmlElement MemoryBacking memoryBacking;
  @XmlElement NumaTune numatune;
  @XmlElement Devices devices;
  @XmlElement AnyChildren features;

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Os {
    @XmlElement OsType type;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class OsType {
    @XmlAttribute String arch;
    @XmlAttribute String machine;
    @XmlValue String value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Memory {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String unit;
    @XmlValue String value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Vcpu {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String placement;
    @XmlAttribute String current;
    @XmlValue String value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Clock {
    @XmlAttribute String offset;

    @XmlElement(name = "timer")
    List<Timer> timers = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Timer {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String name;
    @XmlAttribute String present;
    @XmlAttribute String frequency;
    @XmlAttribute String mode;
    @XmlAttribute String tickpolicy;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class SecLabel {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String type;
    @XmlAttribute String model;
    @XmlAttribute String relabel;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class MemoryBacking {
    @XmlElement Hugepages hugepages;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Hugepages {
    @XmlElement(name = "page")
    List<Page> pages = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Page {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String size;
    @XmlAttribute String unit;
    @XmlAttribute String nodeset;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class NumaTune {
    @XmlElement NumaMemory memory;

    @XmlElement(name = "memnode")
    List<MemNode> memNodes = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class NumaMemory {
    @XmlAttribute String mode;
    @XmlAttribute String nodeset;
    @XmlAttribute String placement;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class MemNode {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String cellid;
    @XmlAttribute String mode;
    @XmlAttribute String nodeset;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Devices {
    @XmlElement(name = "hostdev")
    List<HostDev> hostDevs = new ArrayList<>();

    @XmlElement(name = "interface")
    List<Interface> interfaces = new ArrayList<>();

    @XmlElement(name = "shmem")
    List<Shmem> shmems = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class HostDev {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String mode;
    @XmlAttribute String type;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Interface {
    @XmlAttribute String type;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Shmem {
    @XmlAttribute String name;
  }
}
