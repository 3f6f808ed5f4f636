package org.migcheck.fleet;

import java.util.List;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCpu;

/**
 * What one document tells about a host, worked out on a parsing thread: small values and the keys
 * the registry interns, so the full document can be dropped at once.
 */
sealed interface Observation {
  String name();

  /**
   * Host capabilities.
   *
   * @param cpuKey the host CPU as written (arch, model, vendor, signature, features), to intern
   * @param cpu the host CPU, null when the document has none
   * @param machines the machine types it offers KVM guests of its arch (aliases left out), sorted
   * @param machineAliases its machine type aliases as "alias=canonical" (q35=pc-q35-7.2)
   * @param secModels its security models, e.g. "apparmor", "dac +64055:+994"
   * @param caps the document, kept only while a class needs a representative
   */
  record Host(
      String name,
      String uuid,
      String cpuKey,
      HostCpu cpu,
      Long tscHz,
      Boolean tscScaling,
      Integer physBits,
      List<String> machines,
      List<String> machineAliases,
      List<String> secModels,
      boolean liveMigration,
      HostCapabilities caps)
      implements Observation {}

  /**
   * Domain capabilities.
   *
   * @param hostUuid the host uuid the document carries (an addition of collection scripts), or null
   * @param hostModelKey the host-model as written, to intern; null when host-model is unsupported
   * @param hostModel the host-model CPU, or null
   * @param domcaps the document, kept only while a class needs a representative
   */
  record Domcaps(
      String name,
      String hostUuid,
      String arch,
      String virtType,
      String hostModelKey,
      GuestCpu hostModel,
      Integer physLimit,
      DomainCapabilities domcaps)
      implements Observation {}
}
