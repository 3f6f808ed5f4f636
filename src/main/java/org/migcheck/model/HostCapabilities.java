package org.migcheck.model;

import java.util.List;

/**
 * A {@code <capabilities>} document ({@code virsh capabilities}). Elements missing from the document
 * (they vary a lot between libvirt versions and hosts) are null or empty lists.
 *
 * @param powerManagement the suspend kinds, e.g. {@code suspend_mem}, in document order
 * @param iommuSupport {@code <iommu support>}, null when not reported
 */
public record HostCapabilities(
    String source,
    int line,
    String uuid,
    HostCpu cpu,
    List<String> powerManagement,
    Boolean iommuSupport,
    MigrationFeatures migrationFeatures,
    List<NumaCell> numaCells,
    List<CacheBank> cacheBanks,
    List<BandwidthNode> memoryBandwidth,
    List<SecModel> secModels,
    List<Guest> guests)
    implements ParsedDocument {

  public HostCapabilities {
    powerManagement = List.copyOf(powerManagement);
    numaCells = List.copyOf(numaCells);
    cacheBanks = List.copyOf(cacheBanks);
    memoryBandwidth = List.copyOf(memoryBandwidth);
    secModels = List.copyOf(secModels);
    guests = List.copyOf(guests);
  }

  /** {@code <migration_features>}: {@code <live/>} and the URI transports. */
  public record MigrationFeatures(boolean live, List<String> uriTransports) {
    public MigrationFeatures {
      uriTransports = List.copyOf(uriTransports);
    }
  }

  /** A NUMA {@code <cell>} of the host topology. */
  public record NumaCell(
      Integer id,
      Long memory,
      String memoryUnit,
      List<PageCount> pages,
      List<Distance> distances,
      List<NumaCpu> cpus) {
    public NumaCell {
      pages = List.copyOf(pages);
      distances = List.copyOf(distances);
      cpus = List.copyOf(cpus);
    }
  }

  /** {@code <pages unit size>count</pages>}: free pages of one size in a cell. */
  public record PageCount(String unit, Long size, Long count) {}

  /** {@code <sibling id value/>}: the NUMA distance to another cell. */
  public record Distance(Integer id, Integer value) {}

  /** A host {@code <cpu id socket_id die_id cluster_id core_id siblings/>} of a cell. */
  public record NumaCpu(
      Integer id,
      Integer socketId,
      Integer dieId,
      Integer clusterId,
      Integer coreId,
      String siblings) {}

  /** A {@code <cache><bank>}, with its resctrl allocation controls. */
  public record CacheBank(
      Integer id,
      Integer level,
      String type,
      Long size,
      String unit,
      String cpus,
      List<CacheControl> controls) {
    public CacheBank {
      controls = List.copyOf(controls);
    }
  }

  /** {@code <control granularity min unit type maxAllocs/>} of a cache bank. */
  public record CacheControl(Long granularity, Long min, String unit, String type, Integer maxAllocs) {}

  /** A {@code <memory_bandwidth><node>} with its allocation control (null when absent). */
  public record BandwidthNode(Integer id, String cpus, BandwidthControl control) {}

  /** {@code <control granularity min maxAllocs/>} of a memory bandwidth node. */
  public record BandwidthControl(Integer granularity, Integer min, Integer maxAllocs) {}

  /** A {@code <secmodel>} (selinux, apparmor, dac, none). */
  public record SecModel(String model, String doi, List<BaseLabel> baseLabels) {
    public SecModel {
      baseLabels = List.copyOf(baseLabels);
    }
  }

  /** {@code <baselabel type='kvm'>label</baselabel>}. */
  public record BaseLabel(String type, String label) {}

  /** A {@code <guest>}: one OS type and architecture the host can run. */
  public record Guest(String osType, GuestArch arch, List<GuestFeature> features) {
    public Guest {
      features = List.copyOf(features);
    }
  }

  /** The {@code <arch>} of a guest, with the default emulator and machines. */
  public record GuestArch(
      String name,
      Integer wordSize,
      String emulator,
      List<Machine> machines,
      List<GuestDomain> domains) {
    public GuestArch {
      machines = List.copyOf(machines);
      domains = List.copyOf(domains);
    }
  }

  /** {@code <machine canonical maxCpus deprecated>name</machine>}. */
  public record Machine(String name, String canonical, Integer maxCpus, Boolean deprecated) {}

  /**
   * {@code <domain type>}, which may override the emulator and machines of its arch (null and empty
   * when it does not).
   */
  public record GuestDomain(String type, String emulator, List<Machine> machines) {
    public GuestDomain {
      machines = List.copyOf(machines);
    }
  }

  /** A guest {@code <features>} child, e.g. {@code <acpi default='on' toggle='yes'/>}. */
  public record GuestFeature(String name, Boolean defaultOn, Boolean toggle) {}
}
