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
import org.migcheck.model.CpuDef;
import org.glassfish.jaxb.core.annotation.XmlLocation;
import org.xml.sax.Locator;

/**
 * JAXB shape of a {@code <cpu>} element, shared by bare {@code <cpu>} documents, domains,
 * capabilities and cputest lists. Everything is kept as strings: conversion happens when mapping to
 * records, where errors can name the attribute and line.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
final class XCpu {
  @XmlLocation @XmlTransient Locator loc;

  /**
   * Set once this host CPU shape was mapped without error as every CPU type (auto, host, guest):
   * only then is it given to a later host with the same bytes (CpuSkimmer), whose mapping then
   * cannot fail and so never shows this shape's lines.
   */
  @XmlTransient volatile boolean mapsCleanly;

  /**
   * What this shape mapped to as auto, host and guest CPU once it {@link #mapsCleanly}: a later
   * host with the same bytes gets the same CPU under its own source (RawDocument), without
   * mapping it again. A baseline of a thousand hosts of one CPU model maps it once.
   */
  @XmlTransient final CpuDef[] mapped = new CpuDef[3];

  @XmlAttribute String mode;
  @XmlAttribute String match;
  @XmlAttribute String check;
  @XmlAttribute String migratable;

  @XmlElement String arch;
  @XmlElement Model model;
  @XmlElement String vendor;
  @XmlElement Microcode microcode;
  @XmlElement Signature signature;

  @XmlElement(name = "counter")
  List<Counter> counters = new ArrayList<>();

  @XmlElement Topology topology;
  @XmlElement MaxPhysAddr maxphysaddr;

  @XmlElement(name = "feature")
  List<Feature> features = new ArrayList<>();

  @XmlElement(name = "pages")
  List<Pages> pages = new ArrayList<>();

  @XmlElement(name = "cache")
  List<Cache> caches = new ArrayList<>();

  @XmlElementWrapper(name = "numa")
  @XmlElement(name = "cell")
  List<NumaCell> numaCells = new ArrayList<>();

  /** {@code <model fallback vendor_id>} in a cpu, also {@code usable...} in domcapabilities. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "")
  static final class Model {
    @XmlLocation @XmlTransient Locator loc;
    @XmlValue String name;
    @XmlAttribute String fallback;

    @XmlAttribute(name = "vendor_id")
    String vendorId;

    @XmlAttribute String usable;
    @XmlAttribute String deprecated;
    @XmlAttribute String vendor;
    @XmlAttribute String canonical;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Feature {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String name;
    @XmlAttribute String policy;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Microcode {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String version;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Signature {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String family;
    @XmlAttribute String model;
    @XmlAttribute String stepping;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Counter {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String name;
    @XmlAttribute String frequency;
    @XmlAttribute String scaling;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Topology {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String sockets;
    @XmlAttribute String dies;
    @XmlAttribute String clusters;
    @XmlAttribute String cores;
    @XmlAttribute String threads;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class MaxPhysAddr {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String mode;
    @XmlAttribute String bits;
    @XmlAttribute String limit;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Pages {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String unit;
    @XmlAttribute String size;
    @XmlValue String count;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class Cache {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String level;
    @XmlAttribute String mode;
  }

  @XmlAccessorType(XmlAccessType.FIELD)

  @XmlType(name = "")
  static final class NumaCell {
    @XmlLocation @XmlTransient Locator loc;
    @XmlAttribute String id;
    @XmlAttribute String cpus;
    @XmlAttribute String memory;
    @XmlAttribute String unit;
    @XmlAttribute String memAccess;
  }
}
