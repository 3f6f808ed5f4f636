package org.migcheck.verdict;

import java.util.List;
import org.migcheck.engine.Verdict;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuDef;

/**
 * A custom CPU every given host can run, with the proof: its compare result on each host.
 *
 * @param cpu the guest CPU (mode custom, match exact, check partial, fallback forbid); null when
 *     no CPU could be made ({@code problems} says why)
 * @param physBits the smallest address width of the hosts, for {@code <maxphysaddr
 *     mode='emulate'>}; null when a host does not report it
 * @param level the x86-64 level of the CPU; null when below v1 or without a CPU
 * @param method how the model was chosen: "baseline", "model NAME" or "named"
 * @param hosts the verification, one row per input host, in input order
 * @param unused features every host has that the CPU leaves out (non-migratable, --without)
 * @param tscAdvice what to do about TSC rates that differ where a host cannot scale
 * @param notes facts worth knowing (approximations, what --without did)
 * @param problems why the suggestion must not be used; empty when it is good
 */
public record Suggestion(
    CpuDef cpu,
    Integer physBits,
    X86Level level,
    String method,
    List<HostFit> hosts,
    List<String> unused,
    List<String> tscAdvice,
    List<String> notes,
    List<String> problems) {

  public Suggestion {
    hosts = List.copyOf(hosts);
    unused = List.copyOf(unused);
    tscAdvice = List.copyOf(tscAdvice);
    notes = List.copyOf(notes);
    problems = List.copyOf(problems);
  }

  /** The hosts without domcapabilities, whose guest-visible CPU was approximated. */
  public List<String> approximateHosts() {
    return hosts.stream().filter(HostFit::approximate).map(HostFit::host).toList();
  }

  /** Whether the CPU exists and every host runs it at the required level. */
  public boolean ok() {
    return cpu != null && problems.isEmpty();
  }

  /**
   * How the suggestion fits one host.
   *
   * @param basis which of the host's documents stands for its CPU
   * @param approximate no domcapabilities: the guest-visible CPU is libvirt's derivation from the
   *     capabilities through KVM's masks ({@link GuestVisibleCpu#APPROXIMATE})
   * @param level the host's x86-64 level (null when below v1)
   * @param verdict libvirt's compare of the suggestion with the host; null without a suggestion
   * @param reason why it does not fit (compare message or domcapabilities' word); null when it fits
   * @param missing features the host lacks (map order)
   * @param extras features the host has that the suggestion leaves unused (map order)
   */
  public record HostFit(
      String host,
      String basis,
      boolean approximate,
      X86Level level,
      Verdict verdict,
      String reason,
      List<String> missing,
      List<String> extras) {

    public HostFit {
      missing = List.copyOf(missing);
      extras = List.copyOf(extras);
    }

    public boolean fits() {
      return verdict != null && verdict.compatible() && reason == null;
    }
  }
}
