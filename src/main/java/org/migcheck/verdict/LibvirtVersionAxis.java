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
public final class LibvirtVersionAxis implements AxisRule {
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
    add(LibvirtVersionCheck.check(
        written, src.writtenHostCpu(), src.name(), version(src), dst.name(), version(dst)), out);
  }

  /**
   * A custom guest CPU naming something the host's libvirt does not know cannot start there. (A
   * host's own documents are checked against its libvirt when read, see {@link HostVersions}.)
   */
  @Override
  public void start(GuestProfile g, Host src, Host host, Outcome out) {
    HostVersions.Declared d = versions.of(host);
    if (g.mode() != GuestMode.CUSTOM || g.cpu() == null || d == null
        || !LibvirtVersionCheck.covers(arch(host))) {
      return;
    }
    add(LibvirtVersionCheck.startOn(g.cpu(), host.name(), d.version()), out);
  }

  private static void add(java.util.List<LibvirtVersionCheck.Result> results, Outcome out) {
    for (LibvirtVersionCheck.Result r : results) {
      if (r.severity() == Safety.SAFE) {
        out.note(r.message());
      } else {
        out.add(Axis.LIBVIRT_VERSION, r.severity(), r.message(), r.features());
      }
    }
  }

  /**
   * This axis for a fleet's migration graph: a guest started on a host of libvirt {@code src}
   * with the CPU {@code written} (its host-model CPU as that libvirt writes it) moving to a host of
   * libvirt {@code dst}. The same rules as {@link #pair}; empty when the arch has no such rules.
   */
  public static java.util.List<LibvirtVersionCheck.Result> fleet(
      CpuDef written, CpuDef sourceHost, String srcName, LibvirtVersion src, String dstName,
      LibvirtVersion dst) {
    if (written == null || !LibvirtVersionCheck.covers(written.arch() != null ? written.arch()
        : sourceHost == null ? null : sourceHost.arch())) {
      return java.util.List.of();
    }
    return LibvirtVersionCheck.check(written, sourceHost, srcName, src, dstName, dst);
  }

  /**
   * The guest CPU as the source's libvirt wrote it, not as this run's map would update it: a
   * custom CPU as given; a host-model guest's CPU as the source's domcapabilities write it (else
   * what the CPU axis derived); host-passthrough names no model.
   */
  private static CpuDef asWritten(GuestProfile g, Host src, Outcome out) {
    return switch (g.mode()) {
      case HOST_PASSTHROUGH -> null;
      case HOST_MODEL -> src.writtenHostModelCpu() != null ? src.writtenHostModelCpu() : out.guestCpu;
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
