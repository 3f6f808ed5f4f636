package org.migcheck.verdict;

import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.model.CpuDef;

/**
 * The libvirt version axis: the guest CPU as the source's libvirt defines it (custom, or the
 * host-model CPU it runs with) must mean the same to the destination's libvirt. The rules are
 * {@link LibvirtVersionCheck}'s: a name the destination's libvirt does not know is UNSAFE (it
 * refuses the guest), a model whose definition differs between the two cpu_maps changes what the
 * guest sees, feature by feature. A host-passthrough guest names no model, so it has nothing here.
 *
 * <p>Versions come from {@link HostVersions} ({@code --host-libvirt}, a snapshot's manifest).
 * When no host has one the axis is silent (every report names the libvirt it emulated); when only
 * some have one, the others get a note, never a guess.
 */
final class LibvirtVersionAxis implements AxisRule {
  private final HostVersions versions;

  LibvirtVersionAxis(HostVersions versions) {
    this.versions = versions;
  }

  @Override
  public void pair(GuestProfile g, Host src, Host dst, Outcome out) {
    CpuDef written = asWritten(g, src, out);
    if (versions.isEmpty() || written == null || !LibvirtVersionCheck.covers(arch(src))) {
      return;
    }
    for (LibvirtVersionCheck.Result r : LibvirtVersionCheck.check(
        written, src.hostCpu(), src.name(), version(src), dst.name(), version(dst))) {
      if (r.severity() == Safety.SAFE) {
        out.note(r.message());
      } else {
        out.add(Axis.LIBVIRT_VERSION, r.severity(), r.message(), r.features());
      }
    }
  }

  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    // a host's own documents are checked against its libvirt when read (HostVersions' origin)
  }

  /**
   * The guest CPU as the source's libvirt wrote it, not as this run's map would update it: a
   * custom CPU as given; a host-model guest's CPU as the source's domcapabilities write it (else
   * what the CPU axis derived); host-passthrough names no model.
   */
  private static CpuDef asWritten(GuestProfile g, Host src, Outcome out) {
    return switch (g.mode()) {
      case HOST_PASSTHROUGH -> null;
      case HOST_MODEL -> src.hostModelCpu() != null ? src.hostModelCpu() : out.guestCpu;
      case CUSTOM -> g.cpu();
    };
  }

  private LibvirtVersion version(Host h) {
    HostVersions.Declared d = versions.of(h);
    return d == null ? null : d.version();
  }

  private static String arch(Host h) {
    return h.caps() == null || h.caps().cpu() == null ? null : h.caps().cpu().arch();
  }
}
