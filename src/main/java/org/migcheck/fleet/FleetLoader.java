package org.migcheck.fleet;

import java.util.List;
import org.migcheck.fleet.read.FleetReader;

/**
 * Reads hosts into a registry: documents are parsed and reduced to {@link Observation}s on the
 * reader's threads, interned in input order on the caller's, and paired at the end (see {@link
 * Pairing}).
 */
public final class FleetLoader {
  private final FleetRegistry registry;
  private final FleetReader reader;
  private final HostCompactor compactor;

  public FleetLoader(FleetRegistry registry, FleetReader reader) {
    this(registry, reader, false);
  }

  /**
   * @param keepDocuments keep every host's documents (compacted, about a kilobyte each) in {@link
   *     FleetHost#host()}, for guest checks
   */
  public FleetLoader(FleetRegistry registry, FleetReader reader, boolean keepDocuments) {
    this.registry = registry;
    this.reader = reader;
    this.compactor = keepDocuments ? registry.compactor() : null;
  }

  /** The hosts of the inputs, in input order. */
  public List<FleetHost> load(List<String> inputs) {
    Pairing pairing = new Pairing(registry, compactor != null);
    reader.read(inputs, d -> Observations.of(d, compactor), pairing::add);
    return pairing.hosts();
  }
}
