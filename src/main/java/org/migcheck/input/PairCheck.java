package org.migcheck.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.HostCpu;

/**
 * Warns about a capabilities/domcapabilities pair that does not look like one host: the arch
 * differs, the host-model's vendor differs from the host CPU's, or the host-model names a model
 * of another generation (the host's own model fits its CPU signature in the cpu_map, the
 * host-model's model lists signatures and none of them is the host's). Both documents come from
 * the same CPUID on one host, and libvirt decodes both with a preference for models whose
 * signature matches, so such pairs are nearly always files mixed up between hosts.
 */
public final class PairCheck {
  private PairCheck() {}

  /**
   * The capabilities' side of a pair.
   *
   * @param family the CPU signature's family, or null
   * @param modelNumber the CPU signature's model, or null
   */
  public record Caps(String source, String arch, String vendor, String model, Integer family,
      Integer modelNumber) {
    public static Caps of(String source, HostCpu cpu) {
      CpuSignature sig = cpu == null ? null : cpu.signature();
      return new Caps(source, cpu == null ? null : cpu.arch(), cpu == null ? null : cpu.vendor(),
          cpu == null ? null : cpu.model(), sig == null ? null : sig.family(),
          sig == null ? null : sig.model());
    }
  }

  /** The domcapabilities' side: its arch and the host-model's model and vendor (any may be null). */
  public record Domcaps(String source, String arch, String hostModel, String hostModelVendor) {}

  /** Warning lines naming both files; empty when the pair looks right. */
  public static List<String> warnings(Caps c, Domcaps d, CpuMaps maps) {
    List<String> out = new ArrayList<>();
    String pair = c.source() + " and " + d.source() + " look like two different hosts: ";
    if (c.arch() != null && d.arch() != null && !c.arch().equals(d.arch())) {
      out.add(pair + "the capabilities are of an " + c.arch() + " host, the domcapabilities of "
          + d.arch());
      return out;
    }
    if (c.vendor() != null && d.hostModelVendor() != null
        && !c.vendor().equals(d.hostModelVendor())) {
      out.add(pair + "the host CPU is " + c.vendor() + ", the host-model " + d.hostModelVendor());
      return out;
    }
    if (c.family() == null || c.modelNumber() == null || c.model() == null
        || d.hostModel() == null || d.hostModel().equals(c.model()) || c.arch() == null) {
      return out;
    }
    Optional<CpuModel> own = model(maps, c.arch(), c.model());
    Optional<CpuModel> offered = model(maps, c.arch(), d.hostModel());
    if (own.isPresent() && offered.isPresent() && fits(own.get(), c)
        && !offered.get().signatures().isEmpty() && !fits(offered.get(), c)) {
      out.add(pair + "the host CPU (" + c.model() + ", family " + c.family() + " model "
          + c.modelNumber() + ") is of another generation than the host-model " + d.hostModel());
    }
    return out;
  }

  private static Optional<CpuModel> model(CpuMaps maps, String arch, String name) {
    return Arch.forLibvirtArch(arch)
        .flatMap(maps::forArch)
        .flatMap(m -> m.model(name));
  }

  /** Family and model match one of the model's signatures (any stepping). */
  private static boolean fits(CpuModel m, Caps c) {
    return m.signatures().stream()
        .anyMatch(s -> s.family() == c.family() && s.model() == c.modelNumber());
  }
}
