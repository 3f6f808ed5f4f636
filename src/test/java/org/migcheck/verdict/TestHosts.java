package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCpu;
import org.migcheck.model.ModelUsability;
import org.migcheck.model.TscCounter;

/** Variations of sample hosts for cases the samples do not have. */
final class TestHosts {
  private TestHosts() {}

  static Host withCpu(Host h, HostCpu cpu) {
    HostCapabilities c = h.caps();
    return new Host(h.name(), new HostCapabilities(c.source(), c.line(), c.uuid(), cpu,
        c.powerManagement(), c.iommuSupport(), c.migrationFeatures(), c.numaCells(),
        c.cacheBanks(), c.memoryBandwidth(), c.secModels(), c.guests()), h.domcaps());
  }

  /** The host with its TSC scaling switched. */
  static Host withTsc(Host h, boolean scaling) {
    HostCpu c = h.caps().cpu();
    return withCpu(h, new HostCpu(c.source(), c.line(), c.arch(), c.model(), c.vendor(),
        c.microcodeVersion(), c.signature(),
        new TscCounter("tsc", c.counter().frequency(), scaling), c.topology(), c.maxPhysAddr(),
        c.features(), c.pages()));
  }

  /** The host with its TSC running at {@code hz}, scaling as given. */
  static Host withTscRate(Host h, long hz, boolean scaling) {
    HostCpu c = h.caps().cpu();
    return withCpu(h, new HostCpu(c.source(), c.line(), c.arch(), c.model(), c.vendor(),
        c.microcodeVersion(), c.signature(), new TscCounter("tsc", hz, scaling), c.topology(),
        c.maxPhysAddr(), c.features(), c.pages()));
  }

  /** The host with other migration features. */
  static Host withMigration(Host h, boolean live, List<String> transports) {
    HostCapabilities c = h.caps();
    return new Host(h.name(), new HostCapabilities(c.source(), c.line(), c.uuid(), c.cpu(),
        c.powerManagement(), c.iommuSupport(),
        new HostCapabilities.MigrationFeatures(live, transports), c.numaCells(),
        c.cacheBanks(), c.memoryBandwidth(), c.secModels(), c.guests()), h.domcaps());
  }

  /** The host's domcapabilities with one custom model changed (null: removed). */
  static Host withCustomModel(Host h, String name, DomainCapabilities.CustomModel replacement) {
    DomainCapabilities d = h.domcaps();
    DomainCapabilities.CustomMode cm = d.cpu().custom();
    List<DomainCapabilities.CustomModel> models = new ArrayList<>();
    for (DomainCapabilities.CustomModel m : cm.models()) {
      if (!m.name().equals(name)) {
        models.add(m);
      } else if (replacement != null) {
        models.add(replacement);
      }
    }
    DomainCapabilities.CpuModes modes = new DomainCapabilities.CpuModes(
        d.cpu().hostPassthrough(), d.cpu().maximum(), d.cpu().hostModel(),
        new DomainCapabilities.CustomMode(cm.supported(), models, cm.blockers()));
    return new Host(h.name(), h.caps(), new DomainCapabilities(d.source(), d.line(), d.path(),
        d.domain(), d.machine(), d.arch(), d.vcpuMax(), d.iothreads(), d.os(), modes,
        d.memoryBacking(), d.devices(), d.features()));
  }

  static DomainCapabilities.CustomModel model(String name, ModelUsability usable,
      List<String> blockers) {
    return new DomainCapabilities.CustomModel(name, usable, false, "Intel", null, blockers);
  }
}
