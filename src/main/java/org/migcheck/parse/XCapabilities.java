package org.migcheck.parse;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jaxb.core.annotation.XmlLocation;
import org.xml.sax.Locator;

/** JAXB shape of {@code <capabilities>}; strings only, converted by {@link CapabilitiesMapper}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
final class XCapabilities {
  @XmlLocation @XmlTransient Locator loc;

  @XmlElement Host host;

  @XmlElement(name = "guest")
  List<Guest> guests = new ArrayList<>();

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Host {
    @XmlElement String uuid;
    @XmlElement XCpu cpu;

    @XmlElement(name = "power_management")
    PowerManagement powerManagement;

    @XmlElement Iommu iommu;

    @XmlElement(name = "migration_features")
    MigrationFeatures migrationFeatures;

    @XmlElement Topology topology;
    @XmlElement Cache cache;

    @XmlElementWrapper(name = "memory_bandwidth")
    @XmlElement(name = "node")
    List<BandwidthNode> memoryBandwidth = new ArrayList<>();

    @XmlElement(name = "secmodel")
    List<SecModel> secModels = new ArrayList<>();
  }

  /** Present-or-absent marker elements such as {@code <live/>}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "")
  static final class Empty {}

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class PowerManagement {
    @XmlElement(name = "suspend_mem")
    Empty suspendMem;

    @XmlElement(name = "suspend_disk")
    Empty suspendDisk;

    @XmlElement(name = "suspend_hybrid")
    Empty suspendHybrid;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Iommu {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String support;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class MigrationFeatures {
    @XmlElement Empty live;

    @XmlElementWrapper(name = "uri_transports")
    @XmlElement(name = "uri_transport")
    List<String> uriTransports = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Topology {
    @XmlElementWrapper(name = "cells")
    @XmlElement(name = "cell")
    List<Cell> cells = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Cell {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String id;
    @XmlElement ValueWithUnit memory;

    @XmlElement(name = "pages")
    List<XCpu.Pages> pages = new ArrayList<>();

    @XmlElementWrapper(name = "distances")
    @XmlElement(name = "sibling")
    List<Sibling> distances = new ArrayList<>();

    @XmlElementWrapper(name = "cpus")
    @XmlElement(name = "cpu")
    List<CellCpu> cpus = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class ValueWithUnit {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String unit;
    @XmlValue String value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Sibling {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String id;
    @XmlAttribute String value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class CellCpu {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String id;

    @XmlAttribute(name = "socket_id")
    String socketId;

    @XmlAttribute(name = "die_id")
    String dieId;

    @XmlAttribute(name = "cluster_id")
    String clusterId;

    @XmlAttribute(name = "core_id")
    String coreId;

    @XmlAttribute String siblings;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Cache {
    @XmlElement(name = "bank")
    List<Bank> banks = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Bank {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String id;
    @XmlAttribute String level;
    @XmlAttribute String type;
    @XmlAttribute String size;
    @XmlAttribute String unit;
    @XmlAttribute String cpus;

    @XmlElement(name = "control")
    List<Control> controls = new ArrayList<>();
  }

  /** {@code <control>} of cache banks and memory bandwidth nodes. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "")
  static final class Control {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String granularity;
    @XmlAttribute String min;
    @XmlAttribute String unit;
    @XmlAttribute String type;
    @XmlAttribute String maxAllocs;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class BandwidthNode {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String id;
    @XmlAttribute String cpus;
    @XmlElement Control control;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class SecModel {
    @XmlElement String model;
    @XmlElement String doi;

    @XmlElement(name = "baselabel")
    List<BaseLabel> baseLabels = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class BaseLabel {
    @XmlAttribute String type;
    @XmlValue String label;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Guest {
    @XmlElement(name = "os_type")
    String osType;

    @XmlElement GuestArch arch;

    @XmlElement(name = "features")
    AnyChildren features;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class GuestArch {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String name;
    @XmlElement String wordsize;
    @XmlElement String emulator;

    @XmlElement(name = "machine")
    List<Machine> machines = new ArrayList<>();

    @XmlElement(name = "domain")
    List<GuestDomain> domains = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Machine {
    @XmlLocation @XmlTransient Locator loc;
    @XmlValue String name;
    @XmlAttribute String canonical;
    @XmlAttribute String maxCpus;
    @XmlAttribute String deprecated;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class GuestDomain {
    @XmlAttribute String type;
    @XmlElement String emulator;

    @XmlElement(name = "machine")
    List<Machine> machines = new ArrayList<>();
  }
}
