package org.migcheck.fleet;

/**
 * A compatibility class: hosts whose guests see the same CPU, in both the host-passthrough sense
 * (the host CPU: vendor, signature, expanded features, and the model name libvirt gave it) and the
 * host-model sense (the domcapabilities host-model, when the host has one). The registry makes one
 * instance per class, so identity is equality.
 */
public final class FleetClass {
  private final HostCpuPart cpu;
  private final HostModelPart hostModel;
  private final int order;

  FleetClass(HostCpuPart cpu, HostModelPart hostModel, int order) {
    this.cpu = cpu;
    this.hostModel = hostModel;
    this.order = order;
  }

  public HostCpuPart cpu() {
    return cpu;
  }

  /** The domcapabilities host-model, null when the hosts have no domcapabilities. */
  public HostModelPart hostModel() {
    return hostModel;
  }

  /** The order in which the registry first saw the class. */
  public int order() {
    return order;
  }

  public String vendor() {
    return cpu.identity().vendor();
  }

  public String arch() {
    return cpu.identity().arch();
  }
}
