package org.migcheck.engine;

import java.util.List;

/**
 * A CPU model the hypervisor offers (domcapabilities custom mode), with the features that keep it
 * from being usable on this host; decoding with a list of these only picks listed models and
 * disables their blockers.
 */
public record HypervisorModel(String name, List<String> blockers) {
  public HypervisorModel {
    blockers = List.copyOf(blockers);
  }
}
