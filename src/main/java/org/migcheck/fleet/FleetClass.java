package org.migcheck.fleet;

import java.util.List;
import java.util.TreeSet;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.model.CpuDef;
import org.migcheck.verdict.GuestVisibleCpu;

/**
 * A compatibility class: hosts whose guests see the same CPU, in both the host-passthrough sense
 * (the host CPU: vendor, signature, expanded features, and the model name libvirt gave it) and the
 * host-model sense (the domcapabilities host-model, when the host has one), on one emulated
 * libvirt where hosts declare theirs: the libvirt-version axis judges migrations between
 * versions, so hosts of two versions that libvirt's bundled maps or rules tell apart are never
 * one class (10.0.0 and 9.0.0 are one: 10.0.0 is read with 9.0.0's map and rules). The registry makes one instance per
 * class, so identity is equality.
 */
public final class FleetClass {
  private final HostCpuPart cpu;
  private final HostModelPart hostModel;
  private final String emulation;
  /** The versions its hosts declared (they emulate alike), oldest first; empty: unknown. */
  private final TreeSet<LibvirtVersion> versions = new TreeSet<>();
  private final CpuDef writtenCpu;
  private final CpuDef writtenHostModel;
  private final int order;
  private final GuestVisibleCpu visible;
  private final Bits visibleBits;

  /**
   * @param writtenCpu the host CPU as its libvirt wrote it (the parts are as this run's map reads
   *     them, see {@link FleetRegistry#readHostsWithTheirLibvirt})
   * @param writtenHostModel the host-model as its libvirt wrote it, or null
   * @param visible what guests get on its hosts, null when the host CPU names no model
   * @param visibleBits the expanded features of {@code visible} (x86; empty otherwise)
   */
  FleetClass(HostCpuPart cpu, HostModelPart hostModel, String emulation, CpuDef writtenCpu,
      CpuDef writtenHostModel, int order, GuestVisibleCpu visible, Bits visibleBits) {
    this.cpu = cpu;
    this.hostModel = hostModel;
    this.emulation = emulation;
    this.writtenCpu = writtenCpu;
    this.writtenHostModel = writtenHostModel;
    this.order = order;
    this.visible = visible;
    this.visibleBits = visibleBits;
  }

  /**
   * What guests get on the class's hosts: the host-model, else libvirt's derivation through KVM's
   * masks (approximate); null when the host CPU names no model.
   */
  public GuestVisibleCpu visible() {
    return visible;
  }

  /** What guests get on the class's hosts, or its host CPU when that names no model. */
  public CpuDef visibleOrHostCpu() {
    return visible == null ? cpu.cpu() : visible.cpu();
  }

  /** Whether the class's guest-visible CPU is approximated (its hosts lack domcapabilities). */
  public boolean approximate() {
    return visible == null || visible.approximate();
  }

  /** The guest-visible CPU's expanded features (x86; empty otherwise). */
  public Bits visibleBits() {
    return visibleBits;
  }

  /** The host CPU as the class's libvirt wrote it (of its first host). */
  public CpuDef writtenCpu() {
    return writtenCpu;
  }

  /** The host-model as the class's libvirt wrote it (of its first host), or null. */
  public CpuDef writtenHostModel() {
    return writtenHostModel;
  }

  /**
   * The libvirt its hosts run (the oldest, when they run several versions libvirt's maps and rules
   * make alike), null when they do not declare it (nothing is guessed).
   */
  public LibvirtVersion libvirt() {
    return versions.isEmpty() ? null : versions.first();
  }

  /** Every libvirt version its hosts declared, oldest first (empty: unknown). */
  public List<LibvirtVersion> libvirtVersions() {
    return List.copyOf(versions);
  }

  /** How its libvirt is emulated (bundled map and rules), null when unknown. */
  public String emulation() {
    return emulation;
  }

  void addVersion(LibvirtVersion v) {
    versions.add(v);
  }

  public HostCpuPart cpu() {
    return cpu;
  }

  /** The domcapabilities host-model, null when the hosts have no domcapabilities. */
  public HostModelPart hostModel() {
    return hostModel;
  }

  /** The order in which the registry first saw the class. */
  public int order() {
    return order;
  }

  public String vendor() {
    return cpu.identity().vendor();
  }

  public String arch() {
    return cpu.identity().arch();
  }
}
