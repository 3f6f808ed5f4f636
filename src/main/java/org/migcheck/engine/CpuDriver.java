package org.migcheck.engine;

import java.util.List;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.model.CpuDef;

/** One arch's CPU algorithms, as libvirt's per-arch drivers in src/cpu/ implement them. */
public interface CpuDriver {
  Arch arch();

  CpuMap map();

  /** virCPUCompare without failIncompatible: how {@code cpu} fits on {@code host}. */
  CompareResult compare(CpuDef host, CpuDef cpu);

  /** The arch part of virCPUBaseline (no expansion); the CPUs are already validated. */
  CpuDef baseline(List<CpuDef> cpus, boolean migratable);

  /** virCPUExpandCPUFeatures: the model's features listed explicitly (unsorted). */
  CpuDef expandFeatures(CpuDef cpu);

  /**
   * virCPUUpdate: fix a guest CPU against the host as libvirt does before starting it (optional
   * features resolved; host-model and match='minimum' turned into a copy of the host; removed
   * features disabled).
   */
  CpuDef update(CpuDef guest, CpuDef host);
}
