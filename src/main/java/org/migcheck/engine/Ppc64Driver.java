package org.migcheck.engine;

import java.util.List;
import java.util.Locale;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.engine.CompareResult.Reason;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;

/**
 * libvirt's ppc64 driver: models are compared by name only (there is no SUPERSET), host-model
 * guests name a compatibility mode (power8...), features are ignored.
 */
public final class Ppc64Driver implements CpuDriver {
  private final CpuMap map;

  public Ppc64Driver(CpuMap map) {
    this.map = map;
  }

  @Override
  public Arch arch() {
    return Arch.PPC64;
  }

  @Override
  public CpuMap map() {
    return map;
  }

  /** POWER7_v2.1, POWER7+_v2.1, POWER8_v1.0... were names of old libvirt: now POWER7, POWER8. */
  static String convertLegacy(String model) {
    if (model == null) {
      return null;
    }
    switch (model) {
      case "POWER7_v2.1":
      case "POWER7_v2.3":
      case "POWER7+_v2.1":
        return "POWER7";
      case "POWER8_v1.0":
        return "POWER8";
      default:
        return model;
    }
  }

  /** The POWER generation of a model name (POWER9 gives 9), or -1. */
  private static int generation(String model) {
    if (model != null && model.startsWith("POWER") && model.length() > 5) {
      try {
        return Integer.parseInt(model.substring(5));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  private CpuModel model(String name, String source) {
    return map.model(name)
        .orElseThrow(() -> new CpuError(source, "Unknown CPU model " + name));
  }

  @Override
  public CompareResult compare(CpuDef host, CpuDef cpu) {
    CompareResult early = CompareResult.preliminary(host, cpu, Arch.PPC64);
    if (early != null) {
      return early;
    }
    String cpuModel = convertLegacy(cpu.model());
    CpuModel hostModel = model(host.model(), host.source());
    String wanted;
    if (cpu.type() == CpuType.GUEST && cpu.mode() == CpuMode.HOST_MODEL) {
      if (cpuModel == null) {
        return identical();
      }
      int hostGen = generation(hostModel.name());
      if (hostGen < 6) {
        throw new CpuError(host.source(), "Host CPU does not support compatibility modes");
      }
      String compat = cpuModel.toLowerCase(Locale.ROOT);
      int gen = compat.startsWith("power") ? generation("POWER" + compat.substring(5)) : -1;
      if (gen < 6 || map.model("POWER" + gen).isEmpty()) {
        throw new CpuError(cpu.source(), "Unknown compatibility mode " + cpuModel);
      }
      if (gen > hostGen) {
        return CompareResult.incompatible(
            Reason.MODEL,
            "host CPU " + hostModel.name() + " does not support compatibility mode " + cpuModel,
            List.of());
      }
      wanted = hostModel.name();
    } else if (cpu.type() == CpuType.GUEST
        && (cpu.mode() == CpuMode.HOST_PASSTHROUGH || cpu.mode() == CpuMode.MAXIMUM)) {
      wanted = hostModel.name();
    } else {
      if (cpuModel == null) {
        throw new CpuError(cpu.source(), "no guest CPU model specified");
      }
      wanted = model(cpuModel, cpu.source()).name();
    }
    if (!wanted.equals(hostModel.name())) {
      return CompareResult.incompatible(
          Reason.MODEL, "host CPU model does not match required CPU model " + wanted, List.of());
    }
    return identical();
  }

  private static CompareResult identical() {
    return new CompareResult(Verdict.IDENTICAL, null, null, List.of(), List.of());
  }

  @Override
  public CpuDef baseline(List<CpuDef> cpus, boolean migratable) {
    CpuDef first = cpus.get(0);
    CpuModel model = model(first.model(), first.source());
    String vendor = null;
    for (CpuDef cpu : cpus) {
      if (!first.model().equals(cpu.model())) {
        throw new CpuError(cpu.source(), "CPUs are incompatible");
      }
      if (cpu.vendor() != null) {
        if (map.vendor(cpu.vendor()).isEmpty()) {
          throw new CpuError(cpu.source(), "Unknown CPU vendor " + cpu.vendor());
        }
        if (model.vendor() != null) {
          if (!model.vendor().name().equals(cpu.vendor())) {
            throw new CpuError(
                cpu.source(),
                "CPU vendor "
                    + model.vendor().name()
                    + " of model "
                    + model.name()
                    + " differs from vendor "
                    + cpu.vendor());
          }
        } else if (vendor == null) {
          vendor = cpu.vendor();
        } else if (!vendor.equals(cpu.vendor())) {
          throw new CpuError(cpu.source(), "CPU vendors do not match");
        }
      }
    }
    return new CpuDef(
        CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT, null, null, model.name(),
        Fallback.FORBID, null, vendor, List.of(), first.source());
  }

  @Override
  public CpuDef expandFeatures(CpuDef cpu) {
    return cpu;
  }

  @Override
  public CpuDef update(CpuDef guest, CpuDef host) {
    if (guest.mode() == CpuMode.CUSTOM) {
      return new CpuDef(
          guest.type(), guest.arch(), guest.mode(), CpuMatch.EXACT, guest.check(),
          guest.migratable(), guest.model(), guest.fallback(), guest.vendorId(), guest.vendor(),
          guest.features(), guest.source());
    }
    return guest;
  }
}
