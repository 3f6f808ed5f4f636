package org.migcheck.engine;

import java.util.List;
import org.migcheck.cpumap.Arch;
import org.migcheck.model.CpuDef;

/**
 * The result of comparing a CPU with a host CPU, with the reason libvirt logs for it.
 *
 * @param reason which check decided (null for IDENTICAL/SUPERSET)
 * @param message libvirt's message, e.g. "Host CPU does not provide required features: svm"
 * @param features the features the message names, in map order
 * @param extras for SUPERSET, what the host has beyond the CPU, in map order
 */
public record CompareResult(
    Verdict verdict, Reason reason, String message, List<String> features, List<String> extras) {

  public CompareResult {
    features = List.copyOf(features);
    extras = List.copyOf(extras);
  }

  /** Why a CPU is incompatible. */
  public enum Reason {
    UNKNOWN_HOST,
    ARCH,
    VENDOR,
    FORBIDDEN_FEATURES,
    MISSING_FEATURES,
    STRICT_EXTRA_FEATURES,
    MODEL
  }

  /**
   * The checks libvirt's x86 and ppc64 drivers make before looking at models: a known host CPU,
   * the compared CPU's arch (when it has one) and its vendor (when it names one). Null when all
   * pass.
   */
  static CompareResult preliminary(CpuDef host, CpuDef cpu, Arch arch) {
    if (host == null || host.model() == null) {
      return incompatible(Reason.UNKNOWN_HOST, "unknown host CPU", List.of());
    }
    if (cpu.arch() != null && Arch.forLibvirtArch(cpu.arch()).orElse(null) != arch) {
      return incompatible(
          Reason.ARCH, "CPU arch " + cpu.arch() + " does not match host arch", List.of());
    }
    if (cpu.vendor() != null && (host.vendor() == null || !cpu.vendor().equals(host.vendor()))) {
      return incompatible(
          Reason.VENDOR,
          "host CPU vendor does not match required CPU vendor " + cpu.vendor(),
          List.of());
    }
    return null;
  }

  static CompareResult incompatible(Reason reason, String message, List<String> features) {
    return new CompareResult(Verdict.INCOMPATIBLE, reason, message, features, List.of());
  }
}
