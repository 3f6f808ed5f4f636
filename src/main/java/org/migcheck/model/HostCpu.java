package org.migcheck.model;

import java.util.List;

/**
 * The {@code <host><cpu>} of host capabilities. Hosts without a cpu_map driver (aarch64, s390x...)
 * often report only the arch, so everything but {@code arch} may be null.
 *
 * @param source the document's source name (see {@link ParsedDocument#source()})
 * @param line the line of the {@code <cpu>} element
 * @param features feature names in document order (map order, as libvirt writes them)
 * @param pages the page sizes the CPU supports
 */
public record HostCpu(
    String source,
    int line,
    String arch,
    String model,
    String vendor,
    Long microcodeVersion,
    CpuSignature signature,
    TscCounter counter,
    CpuTopology topology,
    MaxPhysAddr maxPhysAddr,
    List<String> features,
    List<PageSize> pages) {

  public HostCpu {
    features = List.copyOf(features);
    pages = List.copyOf(pages);
  }

  /** {@code <pages unit size/>}. */
  public record PageSize(String unit, Long size) {}

  /**
   * This CPU as the engine sees it: a host-type {@link CpuDef}. Unlike {@code virsh cpu-baseline},
   * a missing model is not an error here: the engine treats such a host as "unknown host CPU".
   */
  public CpuDef toCpuDef() {
    return CpuDef.host(arch, model, vendor, features, source);
  }
}
