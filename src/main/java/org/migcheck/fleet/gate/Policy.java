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
 * @param newHosts which fleet hosts guests must be able to live-migrate between and each new host
 *     ({@code new-host-migration}; same-vendor unless the policy says otherwise)
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
    boolean singleVendor,
    NewHosts newHosts) {

  public static final Policy NONE =
      new Policy(null, List.of(), List.of(), List.of(), false, null, null, List.of(), false);

  /** A policy with the new-host rule at its default scope. */
  public Policy(X86Level minLevel, List<String> requiredModels, List<String> requiredFeatures,
      List<String> allowedLosses, boolean anyLossAllowed, TscSpread maxTscSpread,
      Integer minPhysBits, List<String> requiredMachines, boolean singleVendor) {
    this(minLevel, requiredModels, requiredFeatures, allowedLosses, anyLossAllowed, maxTscSpread,
        minPhysBits, requiredMachines, singleVendor, NewHosts.SAME_VENDOR);
  }

  /**
   * Which fleet hosts the {@code guest-new-host} rule pairs each new host with: those of its CPU
   * vendor (a live migration never crosses vendors: libvirt refuses host-model and
   * host-passthrough guests, and named models change vendor under the guest), every host, or
   * none (the rule is off).
   */
  public enum NewHosts {
    SAME_VENDOR("same-vendor"),
    ALL("all"),
    OFF("off");

    private final String key;

    NewHosts(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The scope of a policy value, or null. */
    static NewHosts parse(String value) {
      for (NewHosts n : values()) {
        if (n.key.equals(value)) {
          return n;
        }
      }
      return null;
    }
  }

  public Policy {
    requiredModels = List.copyOf(requiredModels);
    requiredFeatures = List.copyOf(requiredFeatures);
    allowedLosses = List.copyOf(allowedLosses);
    requiredMachines = List.copyOf(requiredMachines);
    newHosts = newHosts == null ? NewHosts.SAME_VENDOR : newHosts;
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
