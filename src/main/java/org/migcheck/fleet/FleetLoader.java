package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.input.InputPlan;

/**
 * Reads hosts into a registry: documents are parsed and reduced to {@link Observation}s on the
 * reader's threads, interned in input order on the caller's, and paired at the end (see {@link
 * Pairing}).
 */
public final class FleetLoader {
  private final FleetRegistry registry;
  private final FleetReader reader;
  private final HostCompactor compactor;
  private final HostVersionLookup versions;
  private final List<String> notes = new ArrayList<>();

  public FleetLoader(FleetRegistry registry, FleetReader reader) {
    this(registry, reader, false);
  }

  /**
   * @param keepDocuments keep every host's documents (compacted, about a kilobyte each) in {@link
   *     FleetHost#host()}, for guest checks
   */
  public FleetLoader(FleetRegistry registry, FleetReader reader, boolean keepDocuments) {
    this(registry, reader, keepDocuments, HostVersionLookup.NONE);
  }

  /**
   * @param versions the libvirt each host runs, where known: hosts of different versions are
   *     different classes, and each host's CPUs must only name what its libvirt knows
   */
  public FleetLoader(FleetRegistry registry, FleetReader reader, boolean keepDocuments,
      HostVersionLookup versions) {
    this.registry = registry;
    this.reader = reader;
    this.compactor = keepDocuments ? registry.compactor() : null;
    this.versions = versions;
  }

  /** The hosts of the inputs, in input order. */
  public List<FleetHost> load(List<String> inputs) {
    InputPlan plan = InputPlan.of(inputs);
    Map<String, InputPlan.Planned> byName = new HashMap<>();
    plan.files().forEach(p -> byName.putIfAbsent(p.file().name(), p));
    Pairing pairing = new Pairing(registry, compactor != null, byName::get, versions);
    reader.readFiles(plan.inputFiles(), d -> Observations.of(d, compactor), pairing::add);
    List<FleetHost> hosts = pairing.hosts();
    plan.notes().forEach(n -> notes.add("note: " + n));
    pairing.warnings().forEach(w -> notes.add("warning: " + w));
    return hosts;
  }

  /**
   * Notes and warnings on how the hosts of the last {@link #load} were paired ("note: ...",
   * "warning: ...").
   */
  public List<String> notes() {
    return List.copyOf(notes);
  }
}
