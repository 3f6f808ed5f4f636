package org.migcheck.fleet;

import java.util.concurrent.ConcurrentHashMap;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCpu;

/**
 * Shares the parts of host documents that many hosts have alike (machine type lists, security
 * models, CPU feature lists, domcapabilities CPU models), so every host's documents can be kept for
 * guest checks at about a kilobyte each: what stays per host is its names, TSC, microcode and NUMA
 * cells. Thread-safe; runs on the parsing threads.
 */
final class HostCompactor {
  private final ConcurrentHashMap<Object, Object> shared = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  <T> T share(T value) {
    if (value == null) {
      return null;
    }
    Object known = shared.putIfAbsent(value, value);
    return known == null ? value : (T) known;
  }

  HostCapabilities compact(HostCapabilities h) {
    HostCpu c = h.cpu();
    HostCpu cpu =
        c == null
            ? null
            : new HostCpu(
                c.source(),
                c.line(),
                c.arch(),
                c.model(),
                c.vendor(),
                c.microcodeVersion(),
                share(c.signature()),
                c.counter(),
                share(c.topology()),
                share(c.maxPhysAddr()),
                share(c.features()),
                share(c.pages()));
    return new HostCapabilities(
        h.source(),
        h.line(),
        h.uuid(),
        cpu,
        share(h.powerManagement()),
        h.iommuSupport(),
        share(h.migrationFeatures()),
        h.numaCells(),
        share(h.cacheBanks()),
        share(h.memoryBandwidth()),
        share(h.secModels()),
        share(h.guests()));
  }

  DomainCapabilities compact(DomainCapabilities d) {
    DomainCapabilities.CpuModes m = d.cpu();
    DomainCapabilities.HostModel hm = m.hostModel();
    GuestCpu g = hm.cpu();
    GuestCpu hostModel =
        g == null
            ? null
            : new GuestCpu(
                g.source(), g.line(), g.mode(), g.match(), g.check(), g.migratable(), g.arch(),
                g.model(), g.fallback(), g.vendorId(), g.vendor(), g.microcodeVersion(),
                g.signature(), g.counter(), g.topology(), share(g.maxPhysAddr()),
                share(g.features()), g.numaCells(), g.caches());
    DomainCapabilities.CpuModes modes =
        new DomainCapabilities.CpuModes(
            share(m.hostPassthrough()),
            share(m.maximum()),
            new DomainCapabilities.HostModel(hm.supported(), hostModel),
            share(m.custom()));
    return new DomainCapabilities(
        d.source(), d.line(), d.path(), d.domain(), d.machine(), d.arch(), d.vcpuMax(),
        d.iothreads(), share(d.os()), modes, share(d.memoryBacking()), share(d.devices()),
        share(d.features()));
  }
}
