package org.migcheck.parse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.migcheck.model.CpuDef;

/**
 * One set of fields per distinct host CPU read in this JVM: a host whose CPU maps to what an
 * earlier one did (all but the source) gets that CPU under its own source. A fleet's hosts of
 * one model differ in microcode, topology and frequency, which a {@link CpuDef} does not hold:
 * a thousand hosts read as a hundred CPU spellings are a dozen CPUs, whose features lists are
 * then one list each, and the baseline's comparisons of them ({@link CpuDef#sameButSource})
 * stop at identity instead of comparing every feature on a cold JVM.
 */
final class SharedCpus {
  private SharedCpus() {}

  /** At most this many distinct CPUs are kept per model, and this many models. */
  private static final int MAX_PER_MODEL = 64;

  private static final int MAX_MODELS = 1024;

  private static final Map<String, List<CpuDef>> BY_MODEL = new ConcurrentHashMap<>();

  /** {@code cpu}, or an earlier CPU that differs from it only in the source, under its source. */
  static CpuDef share(CpuDef cpu) {
    if (cpu.model() == null) {
      return cpu;
    }
    List<CpuDef> known = BY_MODEL.get(cpu.model());
    if (known == null) {
      if (BY_MODEL.size() >= MAX_MODELS) {
        return cpu;
      }
      List<CpuDef> fresh = new CopyOnWriteArrayList<>();
      known = BY_MODEL.putIfAbsent(cpu.model(), fresh);
      if (known == null) {
        known = fresh;
      }
    }
    for (CpuDef k : known) {
      if (k.sameButSource(cpu)) {
        return k.withSource(cpu.source());
      }
    }
    if (known.size() < MAX_PER_MODEL) {
      known.add(cpu); // a benign race: two equal entries only cost a comparison
    }
    return cpu;
  }
}
