package org.migcheck.fleet;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.fleet.read.FleetDocument;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCapabilities.BaseLabel;
import org.migcheck.model.HostCapabilities.Guest;
import org.migcheck.model.HostCapabilities.GuestDomain;
import org.migcheck.model.HostCapabilities.Machine;
import org.migcheck.model.HostCapabilities.SecModel;
import org.migcheck.model.HostCpu;
import org.migcheck.model.MaxPhysAddr;

/** Turns a document into an {@link Observation}; pure, so it runs on the parsing threads. */
final class Observations {
  private Observations() {}

  static Observation of(FleetDocument d) {
    return of(d, null);
  }

  /** With a compactor, the observation carries the compacted document for guest checks. */
  static Observation of(FleetDocument d, HostCompactor compactor) {
    if (d.document() instanceof HostCapabilities h) {
      return host(compactor == null ? h : compactor.compact(h));
    }
    DomainCapabilities dc = (DomainCapabilities) d.document();
    if (compactor != null) {
      dc = compactor.compact(dc);
    }
    GuestCpu hm = dc.cpu().hostModel().supported() ? dc.cpu().hostModel().cpu() : null;
    MaxPhysAddr phys = hm == null ? null : hm.maxPhysAddr();
    return new Observation.Domcaps(
        dc.source(),
        d.hostUuid(),
        dc.arch(),
        dc.domain(),
        hm == null ? null : hostModelKey(dc.arch(), hm),
        hm,
        phys == null ? null : phys.limit() != null ? phys.limit() : phys.bits(),
        dc);
  }

  private static Observation.Host host(HostCapabilities h) {
    HostCpu cpu = h.cpu();
    MaxPhysAddr phys = cpu == null ? null : cpu.maxPhysAddr();
    return new Observation.Host(
        h.source(),
        h.uuid(),
        cpuKey(cpu),
        cpu,
        cpu == null || cpu.counter() == null ? null : cpu.counter().frequency(),
        cpu == null || cpu.counter() == null ? null : cpu.counter().scaling(),
        phys == null ? null : phys.bits() != null ? phys.bits() : phys.limit(),
        machines(h, cpu == null ? null : cpu.arch()),
        machineAliases(h, cpu == null ? null : cpu.arch()),
        secModels(h.secModels()),
        h.migrationFeatures() != null && h.migrationFeatures().live(),
        h);
  }

  static String cpuKey(HostCpu cpu) {
    if (cpu == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(512);
    sb.append(cpu.arch()).append('|').append(cpu.model()).append('|').append(cpu.vendor());
    if (cpu.signature() != null) {
      sb.append('|').append(cpu.signature().family()).append('/').append(cpu.signature().model());
      sb.append('/').append(cpu.signature().stepping());
    }
    for (String f : cpu.features()) {
      sb.append('|').append(f);
    }
    return sb.toString();
  }

  static String hostModelKey(String arch, GuestCpu hm) {
    StringBuilder sb = new StringBuilder(512);
    sb.append(arch).append('|').append(hm.model()).append('|').append(hm.fallback());
    sb.append('|').append(hm.vendor()).append('|').append(hm.vendorId());
    for (GuestCpu.Feature f : hm.features()) {
      sb.append('|').append(f.name()).append('=').append(f.policy());
    }
    return sb.toString();
  }

  /**
   * The machine types of hvm guests of the host's arch (the first hvm arch when the host CPU names
   * none), from the kvm domain's own list when it has one, in document order (the registry sorts
   * each distinct list once). Aliases such as {@code pc} and {@code q35} are left out: a defined
   * guest records the versioned name they stand for.
   */
  static List<String> machines(HostCapabilities h, String arch) {
    return machines(h, arch, false);
  }

  /**
   * The machine type aliases it offers KVM guests of its arch, as "alias=canonical": what a name
   * such as q35 means on this host (libvirt's {@code <machine canonical>}).
   */
  static List<String> machineAliases(HostCapabilities h, String arch) {
    return machines(h, arch, true);
  }

  private static List<String> machines(HostCapabilities h, String arch, boolean aliases) {
    List<String> out = new ArrayList<>();
    for (Guest g : h.guests()) {
      if (!"hvm".equals(g.osType()) || g.arch() == null) {
        continue;
      }
      if (arch != null && !arch.equals(g.arch().name())) {
        continue;
      }
      List<Machine> machines = g.arch().machines();
      for (GuestDomain d : g.arch().domains()) {
        if ("kvm".equals(d.type()) && !d.machines().isEmpty()) {
          machines = d.machines();
        }
      }
      for (Machine m : machines) {
        if (m.name() == null) {
          continue;
        }
        if (!aliases && m.canonical() == null) {
          out.add(m.name());
        } else if (aliases && m.canonical() != null && !m.canonical().equals(m.name())) {
          out.add(m.name() + "=" + m.canonical());
        }
      }
      if (arch == null) {
        break;
      }
    }
    return out;
  }

  static List<String> secModels(List<SecModel> models) {
    List<String> out = new ArrayList<>(models.size());
    for (SecModel s : models) {
      String label = null;
      for (BaseLabel l : s.baseLabels()) {
        if (label == null || "kvm".equals(l.type())) {
          label = l.label();
        }
      }
      String name = s.model() == null ? "none" : s.model();
      out.add(label == null || !"dac".equals(name) ? name : name + " " + label);
    }
    return out;
  }
}
