package org.migcheck.fleet.gate;

import java.util.List;
import org.migcheck.engine.X86Level;
import org.migcheck.verdict.TscAxis;

/**
 * What a fleet must keep true across a rollout, from a policy file (see {@link PolicyParser}).
 * Absent rules are null or empty.
 *
 * @param minLevel every host reaches this x86-64 level
 * @param requiredModels every host runs each of these CPU models (libvirt's compare)
 * @param requiredFeatures every host has each of these features
 * @param allowedLosses features the fleet baseline may lose
 * @param anyLossAllowed {@code allow-feature-loss = *}
 * @param maxTscSpread how far above the slowest host a host's TSC may run
 * @param minPhysBits every host offers guests at least this many physical address bits
 * @param requiredMachines every host offers each of these machine types
 * @param singleVendor all hosts have one CPU vendor
 */
public record Policy(
    X86Level minLevel,
    List<String> requiredModels,
    List<String> requiredFeatures,
    List<String> allowedLosses,
    boolean anyLossAllowed,
    TscSpread maxTscSpread,
    Integer minPhysBits,
    List<String> requiredMachines,
    boolean singleVendor) {

  public static final Policy NONE =
      new Policy(null, List.of(), List.of(), List.of(), false, null, null, List.of(), false);

  public Policy {
    requiredModels = List.copyOf(requiredModels);
    requiredFeatures = List.copyOf(requiredFeatures);
    allowedLosses = List.copyOf(allowedLosses);
    requiredMachines = List.copyOf(requiredMachines);
  }

  /** A TSC spread limit, in parts per million of the slowest host or in Hz. */
  public record TscSpread(long value, boolean ppm) {
    /** Whether a host at {@code hz} is within the limit above {@code slowestHz}. */
    public boolean allows(long slowestHz, long hz) {
      long above = hz - slowestHz;
      return ppm ? above <= 0 || TscAxis.ppm(hz, slowestHz) <= value : above <= value;
    }

    @Override
    public String toString() {
      return ppm ? value + " ppm" : value + " Hz";
    }
  }
}
