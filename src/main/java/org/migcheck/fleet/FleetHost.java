package org.migcheck.fleet;

import org.migcheck.verdict.Host;
import org.migcheck.verdict.PhysBitsAxis;

/**
 * The little the fleet keeps of each host, so memory grows with the number of classes rather than
 * hosts: names, class, and the few numbers fleet-wide checks need.
 *
 * @param name the capabilities document's source (file, or file#N)
 * @param domcaps the source of its domcapabilities, or null
 * @param tscHz the TSC frequency, null when not reported
 * @param tscScaling whether the host can scale a guest's TSC, null when not reported
 * @param physBits the host's physical address bits (capabilities maxphysaddr), or null
 * @param physLimit the host-model maxphysaddr limit of its domcapabilities, or null
 * @param machineSet the registry id of its machine types
 * @param machineAliases the registry id of its machine type aliases, as "alias=canonical"
 * @param secModels the registry id of its security models
 * @param liveMigration whether capabilities list live migration support
 * @param host the host's documents, kept only for guest checks (else null)
 * @param libvirtIndex its declared libvirt version, as {@link FleetRegistry#version} gives it
 *     back; -1 when unknown
 */
public record FleetHost(
    String name,
    String uuid,
    String domcaps,
    FleetClass fleetClass,
    Long tscHz,
    Boolean tscScaling,
    Integer physBits,
    Integer physLimit,
    int machineSet,
    int machineAliases,
    int secModels,
    boolean liveMigration,
    Host host,
    int libvirtIndex) {

  /** The phys-bits guests can use: the smaller of the host's bits and its domcapabilities limit. */
  public Integer guestPhysBits() {
    return PhysBitsAxis.usableBits(physBits, physLimit);
  }
}
