package org.migcheck.engine;

import java.util.List;
import java.util.Objects;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.engine.CompareResult.Reason;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;

/**
 * libvirt's arm driver: a guest CPU always compares IDENTICAL, host CPUs compare by vendor and
 * model name, and a baseline is simply the first CPU's model.
 */
public final class ArmDriver implements CpuDriver {
  private final CpuMap map;

  public ArmDriver(CpuMap map) {
    this.map = map;
  }

  @Override
  public Arch arch() {
    return Arch.ARM;
  }

  @Override
  public CpuMap map() {
    return map;
  }

  @Override
  public CompareResult compare(CpuDef host, CpuDef cpu) {
    if (host == null || host.model() == null) {
      return CompareResult.incompatible(Reason.UNKNOWN_HOST, "unknown host CPU", List.of());
    }
    if (cpu.type() == CpuType.GUEST) {
      return new CompareResult(Verdict.IDENTICAL, null, null, List.of(), List.of());
    }
    if (!Objects.equals(host.vendor(), cpu.vendor()) || !Objects.equals(host.model(), cpu.model())) {
      return CompareResult.incompatible(
          Reason.MODEL,
          "Host CPU model does not match required CPU vendor "
              + cpu.vendor()
              + " or(and) model "
              + cpu.model(),
          List.of());
    }
    return new CompareResult(Verdict.IDENTICAL, null, null, List.of(), List.of());
  }

  @Override
  public CpuDef baseline(List<CpuDef> cpus, boolean migratable) {
    CpuDef first = cpus.get(0);
    return new CpuDef(
        CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT, null, null, first.model(),
        Fallback.ALLOW, null, null, List.of(), first.source());
  }

  @Override
  public CpuDef expandFeatures(CpuDef cpu) {
    return cpu;
  }

  @Override
  public CpuDef update(CpuDef guest, CpuDef host) {
    if (guest.mode() != CpuMode.HOST_MODEL || host == null) {
      return guest;
    }
    return new CpuDef(
        CpuType.GUEST, guest.arch(), CpuMode.CUSTOM, CpuMatch.EXACT, guest.check(),
        guest.migratable(), host.model(), guest.fallback(), guest.vendorId(), host.vendor(),
        host.features(), guest.source());
  }
}
