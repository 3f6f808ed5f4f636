package org.migcheck.verdict;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.Feature;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.CpuError;
import org.migcheck.engine.UnknownName;
import org.migcheck.model.CpuDef;

/**
 * The libvirt-version axis of a migration: the guest CPU as the source's libvirt defines it
 * (custom, or the host-model CPU expanded on the source) must mean the same to the destination's
 * libvirt. A name the destination's libvirt does not know makes the migration fail; a model whose
 * definition differs between the two maps changes what the guest sees, feature by feature.
 * Hosts without a known version get a note, never a guess.
 */
public final class LibvirtVersionCheck {
  /** One result of this axis: SAFE results are notes. */
  public record Result(Safety severity, String message, List<String> features) {}

  private LibvirtVersionCheck() {}

  /**
   * @param guest the guest CPU as written on the source (x86 custom mode, or host-model already
   *     expanded to the source's host-model CPU)
   * @param sourceHost the source's host CPU (for relative guest CPUs), may be null
   */
  public static List<Result> check(
      CpuDef guest,
      CpuDef sourceHost,
      String srcName,
      LibvirtVersion src,
      String dstName,
      LibvirtVersion dst) {
    List<Result> out = new ArrayList<>();
    if (src == null || dst == null) {
      String who = src == null && dst == null ? srcName + " and " + dstName : src == null ? srcName : dstName;
      out.add(new Result(Safety.SAFE, "libvirt version of " + who + " unknown (give --host-libvirt"
          + " or a snapshot.json): CPU names and model definitions were not compared", List.of()));
      return out;
    }
    if (guest == null || guest.model() == null) {
      return out;
    }
    CpuEngine srcEngine = engine(src);
    CpuEngine dstEngine = engine(dst);
    // the guest as the source's libvirt runs it: removed features of its model written out
    CpuDef onSource;
    try {
      onSource = srcEngine.update(guest, sourceHost);
    } catch (CpuError e) {
      return out; // the source cannot run it: other axes report that
    }
    List<UnknownName> notOnSource = UnknownName.of(onSource, srcEngine.featureMap(srcName));
    if (!notOnSource.isEmpty()) {
      out.add(new Result(Safety.UNSAFE, "the guest CPU names " + UnknownName.describeAll(notOnSource)
          + ", which libvirt " + src + " on " + srcName + " does not know: no such guest runs there",
          notOnSource.stream().map(UnknownName::name).toList()));
      return out;
    }
    List<UnknownName> unknown = UnknownName.of(onSource, dstEngine.featureMap(dstName));
    if (!unknown.isEmpty()) {
      List<String> names = unknown.stream().map(UnknownName::name).toList();
      out.add(new Result(Safety.UNSAFE, "the guest CPU names " + UnknownName.describeAll(unknown)
          + ", which libvirt " + dst + " on " + dstName + " does not know (" + srcName
          + " runs libvirt " + src + "): the destination refuses the guest", names));
      return out;
    }
    // each map numbers its feature bits its own way: compare by name
    List<String> before = names(srcEngine.featureMap(srcName), srcEngine.features(onSource));
    List<String> after = names(dstEngine.featureMap(dstName), dstEngine.features(onSource));
    List<String> lost = before.stream().filter(n -> !after.contains(n)).toList();
    List<String> gained = after.stream().filter(n -> !before.contains(n)).toList();
    String model = onSource.model();
    if (!lost.isEmpty()) {
      out.add(new Result(Safety.UNSAFE, model + " means less on libvirt " + dst + " (" + dstName
          + ") than on libvirt " + src + " (" + srcName + "): the guest loses "
          + String.join(", ", lost), lost));
    }
    if (!gained.isEmpty()) {
      out.add(new Result(Safety.RISKY, model + " means more on libvirt " + dst + " (" + dstName
          + ") than on libvirt " + src + " (" + srcName + "): the guest's CPUID gains "
          + String.join(", ", gained) + " under it", gained));
    }
    return out;
  }

  /** A guest CPU starting on a host of libvirt {@code v}: every name must be known there. */
  public static List<Result> startOn(CpuDef guest, String hostName, LibvirtVersion v) {
    List<UnknownName> unknown = UnknownName.of(guest, engine(v).featureMap(hostName));
    if (unknown.isEmpty()) {
      return List.of();
    }
    return List.of(new Result(Safety.UNSAFE, "the guest CPU names " + UnknownName.describeAll(unknown)
        + ", which libvirt " + v + " on " + hostName + " does not know: the host refuses the guest",
        unknown.stream().map(UnknownName::name).toList()));
  }

  private static List<String> names(CpuMap map, org.migcheck.cpumap.Bits bits) {
    return map.presentFeatures(bits).stream().map(Feature::name).toList();
  }

  private static CpuEngine engine(LibvirtVersion v) {
    return new CpuEngine(CpuMapLoader.forLibvirt(v.toString(), "libvirt version"));
  }

  /** The arch this axis covers: libvirt's x86 maps carry the definitions that change. */
  public static boolean covers(String arch) {
    return arch == null || Arch.forLibvirtArch(arch).orElse(null) == Arch.X86;
  }
}
