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

  public FleetLoader(FleetRegistry registry, FleetReader reader) {
    this.registry = registry;
    this.reader = reader;
  }

  /** The hosts of the inputs, in input order. */
  public List<FleetHost> load(List<String> inputs) {
    Pairing pairing = new Pairing(registry);
    reader.read(inputs, Observations::of, pairing::add);
    return pairing.hosts();
  }
}
