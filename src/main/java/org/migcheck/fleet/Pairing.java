package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.input.HostPairing;
import org.migcheck.input.InputPlan;
import org.migcheck.input.PairCheck;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.HostVersions;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;

/**
 * Pairs each domcapabilities document with its host's capabilities by {@link HostPairing}, the rule
 * every command uses. For fleet analysis a domcapabilities document no rule pairs is an input
 * error, as is one for another virt type than kvm. A pair that does not look like one host is a
 * warning ({@link PairCheck}); when the arches differ the domcapabilities are not used.
 */
final class Pairing {
  private final FleetRegistry registry;
  private final boolean keepDocuments;
  private final Function<String, InputPlan.Planned> plannedOf;
  private final HostVersionLookup versions;
  private final List<Entry> hosts = new ArrayList<>();
  private final List<Domcaps> domcaps = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private int seq;

  /** A host while its domcapabilities may still come. */
  private record Entry(
      Observation.Host host,
      HostCpuPart cpu,
      int machineSet,
      int machineAliases,
      int secModels,
      HostCapabilities caps,
      HostPairing.Doc pairing,
      HostVersions.Declared libvirt) {}

  private record Domcaps(
      Observation.Domcaps obs,
      HostModelPart hostModel,
      DomainCapabilities doc,
      HostPairing.Doc pairing) {}

  /**
   * @param keepDocuments keep every host's (compacted) documents, for guest checks
   * @param plannedOf the planned file a document's file name came from
   * @param versions the libvirt each host runs, where known
   */
  Pairing(FleetRegistry registry, boolean keepDocuments,
      Function<String, InputPlan.Planned> plannedOf, HostVersionLookup versions) {
    this.registry = registry;
    this.keepDocuments = keepDocuments;
    this.plannedOf = plannedOf;
    this.versions = versions;
  }

  /** Warnings about pairs that do not look like one host, once {@link #hosts()} has run. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Takes the next document's observation, in input order. */
  void add(Observation o) {
    if (o instanceof Observation.Host h) {
      // its libvirt is known by name already: the CPU is read with that libvirt's map
      HostVersions.Declared v = versions.find(h.name(), HostNames.shortName(h.name()), h.uuid());
      HostCpuPart cpu = registry.hostCpu(h.cpuKey(), h.cpu(), h.name(), v);
      registry.offerRepresentative(cpu, h.physBits(), h.caps());
      hosts.add(new Entry(
          withoutCpuText(h),
          cpu,
          registry.machineSetId(h.machines()),
          registry.machineSetId(h.machineAliases()),
          registry.secModelSetId(h.secModels()),
          keepDocuments ? h.caps() : null,
          pairingDoc(h.name(), h.uuid()),
          v));
      return;
    }
    Observation.Domcaps d = (Observation.Domcaps) o;
    if (d.virtType() != null && !d.virtType().equals("kvm")) {
      throw new InputException(
          d.name(),
          "domain capabilities for virt type '"
              + d.virtType()
              + "': fleet analysis needs those of kvm (virsh domcapabilities --virttype kvm)");
    }
    HostModelPart hm =
        d.hostModel() == null ? null : registry.hostModel(d.hostModelKey(), d.arch(), d.hostModel());
    if (hm != null) {
      registry.offerRepresentative(hm, d.domcaps());
    }
    domcaps.add(new Domcaps(withoutCpuText(d), hm, keepDocuments ? d.domcaps() : null,
        pairingDoc(d.name(), d.hostUuid())));
  }

  private HostPairing.Doc pairingDoc(String source, String uuid) {
    InputPlan.Planned p = plannedOf.apply(HostPairing.file(source));
    return p == null
        ? new HostPairing.Doc(source, seq++, -1, source, false, uuid)
        : new HostPairing.Doc(source, seq++, p.argument(), p.argumentText(), p.explicit(), uuid);
  }

  /** The hosts with their classes, in input order, once every document has been added. */
  List<FleetHost> hosts() {
    int[] capsOf = HostPairing.pair(
        hosts.stream().map(Entry::pairing).toList(), domcaps.stream().map(Domcaps::pairing).toList());
    Domcaps[] pairedWith = new Domcaps[hosts.size()];
    for (int j = 0; j < capsOf.length; j++) {
      Domcaps d = domcaps.get(j);
      if (capsOf[j] < 0) {
        String name = d.obs().name();
        throw new InputException(
            name,
            "no capabilities document to pair these domain capabilities with: expected "
                + HostPairing.expectedCapsName(name)
                + ", a capabilities document right before them in the same file, or a <uuid>"
                + " child naming the host");
      }
      Entry e = hosts.get(capsOf[j]);
      if (looksLikeOneHost(e, d)) {
        pairedWith[capsOf[j]] = d;
      }
    }
    List<FleetHost> out = new ArrayList<>(hosts.size());
    for (int i = 0; i < hosts.size(); i++) {
      Entry e = hosts.get(i);
      Observation.Host h = e.host;
      Domcaps d = pairedWith[i];
      HostVersions.Declared v = e.libvirt();
      out.add(
          new FleetHost(
              h.name(),
              h.uuid(),
              d == null ? null : d.obs().name(),
              registry.fleetClass(e.cpu, d == null ? null : d.hostModel(), v, h.name(),
                  d == null ? null : d.obs().name()),
              h.tscHz(),
              h.tscScaling(),
              h.physBits(),
              d == null ? null : d.obs().physLimit(),
              e.machineSet,
              e.machineAliases,
              e.secModels,
              h.liveMigration(),
              e.caps == null ? null : registry.asReadBy(
                  new Host(HostNames.shortName(h.name()), e.caps, d == null ? null : d.doc()), v),
              registry.versionIndex(v)));
    }
    return out;
  }

  /** Records the warnings of a pair; false when the domcapabilities cannot be used for it. */
  private boolean looksLikeOneHost(Entry e, Domcaps d) {
    CpuIdentity id = e.cpu.identity();
    PairCheck.Caps caps = new PairCheck.Caps(e.host.name(), id.arch(), id.vendor(),
        e.cpu.cpu() == null ? null : e.cpu.cpu().model(), id.family(), id.model());
    HostModelPart hm = d.hostModel();
    PairCheck.Domcaps dc = new PairCheck.Domcaps(d.obs().name(), d.obs().arch(),
        hm == null ? null : hm.cpu().model(), hm == null ? null : hm.cpu().vendor());
    List<String> found = PairCheck.warnings(caps, dc, maps());
    warnings.addAll(found);
    return id.arch() == null || d.obs().arch() == null || id.arch().equals(d.obs().arch());
  }

  private CpuMaps maps() {
    return registry.engine().maps();
  }

  /** A host keeps neither its CPU (the registry has it) nor its document. */
  private static Observation.Host withoutCpuText(Observation.Host h) {
    return new Observation.Host(
        h.name(), h.uuid(), null, null, h.tscHz(), h.tscScaling(), h.physBits(), List.of(),
        List.of(), List.of(), h.liveMigration(), null);
  }

  private static Observation.Domcaps withoutCpuText(Observation.Domcaps d) {
    return new Observation.Domcaps(
        d.name(), d.hostUuid(), d.arch(), d.virtType(), null, null, d.physLimit(), null);
  }
}
