package org.migcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <domain>} definition, reduced to what matters for migration: CPU, memory, clock, NUMA
 * placement, security labels and the devices that pin a guest to its host.
 *
 * @param type the virt type (kvm, qemu...)
 * @param cpu the {@code <cpu>} element, null when the domain has none
 * @param memory {@code <memory>}, null when absent
 * @param vcpu {@code <vcpu>}, null when absent
 * @param clock {@code <clock>}, null when absent
 * @param hugePages {@code <memoryBacking><hugepages><page>} entries (empty when none)
 * @param hugePagesRequested whether {@code <memoryBacking><hugepages>} is present at all (it may
 *     be empty, meaning default-size huge pages)
 * @param numaTune {@code <numatune>}, null when absent
 * @param features the names of the {@code <features>} children, in document order
 */
public record DomainDef(
    String source,
    int line,
    String type,
    String name,
    String uuid,
    Os os,
    GuestCpu cpu,
    Memory memory,
    Vcpu vcpu,
    Clock clock,
    List<SecLabel> secLabels,
    List<HugePage> hugePages,
    boolean hugePagesRequested,
    NumaTune numaTune,
    Devices devices,
    List<String> features)
    implements ParsedDocument {

  public DomainDef {
    secLabels = List.copyOf(secLabels);
    hugePages = List.copyOf(hugePages);
    features = List.copyOf(features);
  }

  /** {@code <os><type arch machine>hvm</type>}. */
  public record Os(String type, String arch, String machine) {}

  /** An amount of memory with libvirt's unit (KiB when the document gives none). */
  public record Memory(long amount, String unit) {
    /** The amount in KiB, rounded up as libvirt does. */
    public long kib() {
      return MemoryUnits.toKib(amount, unit);
    }
  }

  /** {@code <vcpu placement current>count</vcpu>}. */
  public record Vcpu(int count, Integer current, String placement) {}

  /** {@code <clock offset>} and its timers. */
  public record Clock(String offset, List<Timer> timers) {
    public Clock {
      timers = List.copyOf(timers);
    }

    /** The timer of that name, or null. */
    public Timer timer(String name) {
      for (Timer t : timers) {
        if (name.equals(t.name())) {
          return t;
        }
      }
      return null;
    }
  }

  /**
   * {@code <timer name present frequency mode tickpolicy/>}. For name='tsc' the frequency (Hz) pins
   * the guest's TSC rate, which the destination must provide or scale to.
   */
  public record Timer(
      String name, Boolean present, Long frequency, String mode, String tickPolicy) {}

  /** {@code <seclabel type model relabel/>}. */
  public record SecLabel(String type, String model, Boolean relabel) {}

  /** {@code <page size unit nodeset/>} of {@code <hugepages>}. */
  public record HugePage(Long size, String unit, String nodeset) {}

  /** {@code <numatune>}: the memory policy and per-guest-cell memnodes. */
  public record NumaTune(MemoryTune memory, List<MemNode> memNodes) {
    public NumaTune {
      memNodes = List.copyOf(memNodes);
    }
  }

  /** {@code <numatune><memory mode nodeset placement/>}. */
  public record MemoryTune(String mode, String nodeset, String placement) {}

  /** {@code <numatune><memnode cellid mode nodeset/>}. */
  public record MemNode(Integer cellId, String mode, String nodeset) {}

  /**
   * The devices that matter here: host devices, interface types and shared memory devices.
   *
   * @param interfaceTypes the {@code type} of every {@code <interface>}, in document order
   * @param shmems the names of {@code <shmem>} devices
   */
  public record Devices(List<HostDev> hostDevs, List<String> interfaceTypes, List<String> shmems) {
    public static final Devices NONE = new Devices(List.of(), List.of(), List.of());

    public Devices {
      hostDevs = List.copyOf(hostDevs);
      interfaceTypes = List.copyOf(interfaceTypes);
      shmems = List.copyOf(shmems);
    }
  }

  /** {@code <hostdev mode type>}: a host device passed through to the guest. */
  public record HostDev(String mode, String type, int line) {}

  /**
   * Devices that block live migration, one description each, in document order. The list is kept
   * deliberately simple: every {@code <hostdev>} and every {@code <interface type='hostdev'>} (an
   * SR-IOV function passed through; libvirt counts it as a hostdev too) and every {@code <shmem>}
   * (ivshmem memory shared with the host). Other interface types, vhost-user included, can migrate.
   */
  public List<String> migrationBlockers() {
    List<String> out = new ArrayList<>();
    for (HostDev h : devices.hostDevs()) {
      out.add("hostdev (mode=" + h.mode() + ", type=" + h.type() + ")");
    }
    for (String t : devices.interfaceTypes()) {
      if ("hostdev".equals(t)) {
        out.add("interface type='hostdev'");
      }
    }
    for (String s : devices.shmems()) {
      out.add("shmem '" + s + "'");
    }
    return out;
  }

  /** The guest CPU as the domain parser sees it (forced guest type), or null without {@code <cpu>}. */
  public CpuDef cpuDef() {
    return cpu == null ? null : cpu.toCpuDef(CpuType.GUEST);
  }

  /** The frequency of the {@code tsc} timer in Hz, or null when the domain does not pin one. */
  public Long tscFrequency() {
    if (clock == null) {
      return null;
    }
    Timer tsc = clock.timer("tsc");
    return tsc == null ? null : tsc.frequency();
  }
}
