package org.migcheck.live;

import java.util.List;
import java.util.Map;

/**
 * Everything collected from one host, in memory: what {@code collect} writes and what a URI
 * argument turns into.
 *
 * @param uri the URI with secrets redacted
 * @param hostname what the host calls itself (virConnectGetHostname)
 * @param libvirt the daemon's libvirt version, e.g. 9.0.0
 * @param hypervisor driver and version, e.g. QEMU 7.2.22
 * @param domainCapabilities default machine first (key ""), then each other machine type guests use
 * @param guests guest name to its migratable XML, in libvirt's listing order
 * @param notes what could not be collected without failing the host (e.g. no domcaps in the
 *     test driver)
 */
public record HostData(
    String uri,
    String hostname,
    String uuid,
    String libvirt,
    String hypervisor,
    String collectedAt,
    String capabilities,
    Map<String, String> domainCapabilities,
    Map<String, String> guests,
    List<String> notes) {}
