package org.migcheck.fleet.gen;

import java.util.List;

/**
 * A real processor as libvirt 9.0.0 sees it on a host: its CPUID signature, the full feature set
 * (names of the 9.0.0 cpu_map) with the newest microcode, and the physical facts that show up in
 * capabilities (TSC, address bits, topology, L3 layout).
 *
 * @param features every feature the part reports with its newest microcode and TSX enabled
 * @param microcodes microcode revisions, oldest first; the last one has all {@code features}
 * @param tsxCtrl TSX can be switched off by the kernel (TSX_CTRL MSR, {@code tsx=off}) or is
 *     switched off by a microcode update, which hides hle/rtm from CPUID
 * @param tscKhz nominal TSC rate
 * @param tscScaling the part can scale a guest's TSC (VMX TSC multiplier or SVM TSC ratio)
 * @param coreIds Linux core_id of each core of one socket, in cpu numbering order
 * @param l3PerSocket L3 caches per socket (AMD: one per CCX)
 * @param l3Kib size of one L3 cache
 * @param siblingDistance NUMA distance between two sockets
 */
public record CpuPart(
    String name,
    String vendor,
    int family,
    int model,
    int stepping,
    List<String> features,
    List<Microcode> microcodes,
    boolean tsxCtrl,
    long tscKhz,
    boolean tscScaling,
    int physBits,
    List<Integer> coreIds,
    int threadsPerCore,
    int l3PerSocket,
    long l3Kib,
    int siblingDistance) {

  public CpuPart {
    features = List.copyOf(features);
    microcodes = List.copyOf(microcodes);
    coreIds = List.copyOf(coreIds);
  }

  /** One microcode revision and the features it does not enumerate yet. */
  public record Microcode(long version, List<String> missing) {
    public Microcode {
      missing = List.copyOf(missing);
    }
  }

  /**
   * The same processor with at most {@code max} cores per socket (a smaller SKU of the same
   * generation, or cores switched off in firmware): CPU features are unchanged.
   */
  public CpuPart withCoresPerSocket(int max) {
    if (max < 1 || max >= coreIds.size()) {
      return this;
    }
    int banks = Math.max(1, Math.min(l3PerSocket, max));
    while (max % banks != 0) {
      banks--;
    }
    return new CpuPart(
        name, vendor, family, model, stepping, features, microcodes, tsxCtrl, tscKhz, tscScaling,
        physBits, coreIds.subList(0, max), threadsPerCore, banks, l3Kib, siblingDistance);
  }

  public int coresPerSocket() {
    return coreIds.size();
  }

  public boolean intel() {
    return vendor.equals("Intel");
  }

  public Microcode newestMicrocode() {
    return microcodes.get(microcodes.size() - 1);
  }
}
