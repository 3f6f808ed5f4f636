package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCpu;
import org.migcheck.model.MaxPhysAddr;
import org.migcheck.model.MemoryUnits;
import org.migcheck.model.TscCounter;

/**
 * One host as migcheck sees it: its {@code virsh capabilities} and, when given, its {@code virsh
 * domcapabilities} (QEMU/KVM's view: what a guest can really get). {@link MigrationChecker} needs
 * the capabilities; {@link Suggester} also accepts a host known only by its domcapabilities.
 *
 * @param name how reports call the host, e.g. {@code skylake-a}
 * @param caps null only for a domcapabilities-only host
 * @param domcaps null when not given
 * @param readCpu the host CPU as its own libvirt's map means it ({@link OwnMaps}), null: as written
 * @param readHostModel the same for the domcapabilities host-model
 */
public record Host(String name, HostCapabilities caps, DomainCapabilities domcaps,
    CpuDef readCpu, CpuDef readHostModel) {
  public Host {
    if (name == null || (caps == null && domcaps == null)) {
      throw new IllegalArgumentException("a host needs a name and capabilities or domcapabilities");
    }
  }

  public Host(String name, HostCapabilities caps, DomainCapabilities domcaps) {
    this(name, caps, domcaps, null, null);
  }

  public Host(String name, HostCapabilities caps) {
    this(name, caps, null);
  }

  /** This host with its CPU and host-model as its own libvirt's map means them. */
  public Host readAs(CpuDef cpu, CpuDef hostModel) {
    return new Host(name, caps, domcaps, cpu, hostModel);
  }

  /** The file (and document) the host was read from, for messages. */
  public String source() {
    return caps != null ? caps.source() : domcaps.source();
  }

  private HostCpu cpuCaps() {
    return caps == null ? null : caps.cpu();
  }

  /** The capabilities host CPU as the engine sees it (host type), or null. */
  public CpuDef hostCpu() {
    return readCpu != null ? readCpu : writtenHostCpu();
  }

  /** The capabilities host CPU as the host's libvirt wrote it, or null. */
  public CpuDef writtenHostCpu() {
    HostCpu c = cpuCaps();
    return c == null || c.model() == null ? null : c.toCpuDef();
  }

  /** The domcapabilities host-model as a guest CPU with the arch set, or null. */
  public CpuDef hostModelCpu() {
    return readHostModel != null ? readHostModel : writtenHostModelCpu();
  }

  /** The domcapabilities host-model as the host's libvirt wrote it, or null. */
  public CpuDef writtenHostModelCpu() {
    if (domcaps == null) {
      return null;
    }
    CpuDef hm = domcaps.hostModelCpuDef();
    return hm == null ? null : hm.withArch(domcaps.arch());
  }

  /**
   * The host's documented CPU: the domcapabilities host-model when known, else the capabilities
   * host CPU (raw CPUID, including what KVM never gives guests); null when neither names a model.
   * Verdicts compare with {@link GuestVisibleCpu} instead.
   */
  public CpuDef targetCpu() {
    CpuDef hm = hostModelCpu();
    return CpuAxis.offered(hm, domcaps == null ? null : domcaps.arch(), hostCpu());
  }

  /** The host arch (x86_64...), from the capabilities or domcapabilities. */
  public String arch() {
    HostCpu c = cpuCaps();
    if (c != null && c.arch() != null) {
      return c.arch();
    }
    return domcaps == null ? null : domcaps.arch();
  }

  public String vendor() {
    CpuDef t = targetCpu();
    return t == null ? null : t.vendor();
  }

  public CpuSignature signature() {
    HostCpu c = cpuCaps();
    return c == null ? null : c.signature();
  }

  public Long microcode() {
    HostCpu c = cpuCaps();
    return c == null ? null : c.microcodeVersion();
  }

  /** {@code <counter name='tsc'>} of the capabilities, or null. */
  public TscCounter tsc() {
    HostCpu c = cpuCaps();
    return c == null || c.counter() == null || c.counter().frequency() == null
        ? null
        : c.counter();
  }

  /**
   * The physical address bits guests can use on this host ({@link PhysBitsAxis#usableBits}): the
   * capabilities {@code <maxphysaddr bits>} capped by the domcapabilities host-model {@code
   * limit}; null when neither says.
   */
  public Integer physBits() {
    HostCpu c = cpuCaps();
    MaxPhysAddr m = c == null ? null : c.maxPhysAddr();
    Integer bits = m == null ? null : m.bits();
    Integer limit = null;
    if (domcaps != null && domcaps.cpu().hostModel() != null) {
      MaxPhysAddr hm = domcaps.cpu().hostModel().maxPhysAddr();
      if (hm != null) {
        limit = hm.limit() != null ? hm.limit() : hm.bits();
      }
    }
    return PhysBitsAxis.usableBits(bits, limit);
  }

  /** Page sizes the host CPU supports, in KiB. */
  public List<Long> pageSizesKib() {
    List<Long> out = new ArrayList<>();
    HostCpu c = cpuCaps();
    if (c != null) {
      for (HostCpu.PageSize p : c.pages()) {
        if (p.size() != null && p.size() > 0 && MemoryUnits.isKnown(p.unit())) {
          out.add(MemoryUnits.toKib(p.size(), p.unit()));
        }
      }
    }
    return out;
  }
}
