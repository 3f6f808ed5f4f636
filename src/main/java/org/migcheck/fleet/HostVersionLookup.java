package org.migcheck.fleet;

import org.migcheck.verdict.HostVersions;

/** Which libvirt a host runs, by the names it answers to; null when it is not known. */
@FunctionalInterface
public interface HostVersionLookup {
  HostVersionLookup NONE = (source, reportName, uuid) -> null;

  /**
   * @param source its capabilities document (file, or file#N)
   * @param reportName the name reports print
   * @param uuid its uuid, or null
   */
  HostVersions.Declared find(String source, String reportName, String uuid);
}
