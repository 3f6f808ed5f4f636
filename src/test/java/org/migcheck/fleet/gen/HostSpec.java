package org.migcheck.fleet.gen;

import java.util.List;

/**
 * Everything that makes one host's capabilities: its processor and the feature set it reports, the
 * firmware and kernel facts (microcode, TSC, address bits, memory) and the software stack.
 *
 * @param features the CPU features the host reports (any order; the writer uses map order)
 * @param tscHz the TSC rate libvirt reports (the kernel's calibrated rate)
 * @param sockets one NUMA node per socket
 * @param nodeMemoryKib MemTotal of each node
 * @param hugepages2m 2 MiB pages reserved per node
 * @param hugepages1g 1 GiB pages reserved per node
 * @param dacLabel the DAC base label, e.g. {@code +107:+107}
 * @param nested KVM's nested virtualization is on (the host-model then offers vmx/svm)
 */
public record HostSpec(
    String uuid,
    CpuPart part,
    List<String> features,
    long microcode,
    long tscHz,
    boolean tscScaling,
    int physBits,
    int sockets,
    List<Long> nodeMemoryKib,
    long hugepages2m,
    long hugepages1g,
    Distro distro,
    String dacLabel,
    QemuRelease qemu,
    boolean iommu,
    boolean nested) {

  public HostSpec {
    features = List.copyOf(features);
    nodeMemoryKib = List.copyOf(nodeMemoryKib);
    if (nodeMemoryKib.size() != sockets) {
      throw new IllegalArgumentException("one memory size per socket/node expected");
    }
  }

  public int cpuCount() {
    return sockets * part.coresPerSocket() * part.threadsPerCore();
  }
}
