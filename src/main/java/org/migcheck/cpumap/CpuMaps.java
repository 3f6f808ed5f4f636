package org.migcheck.cpumap;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.migcheck.InputException;

/**
 * A loaded cpu_map: one {@link CpuMap} per arch it defines, and where it came from. An arch of a
 * precompiled map is decoded on first use ({@link MapCodec}): a run usually needs x86 only.
 */
public final class CpuMaps {
  private final MapSource source;
  private final Map<Arch, Slot> byArch;

  CpuMaps(MapSource source, Map<Arch, CpuMap> byArch) {
    this.source = source;
    this.byArch = new EnumMap<>(Arch.class);
    for (Map.Entry<Arch, CpuMap> e : byArch.entrySet()) {
      this.byArch.put(e.getKey(), new Slot(e.getValue()));
    }
  }

  /** Maps whose arches are decoded when first asked for; {@code pending} is not kept. */
  static CpuMaps decodedOnUse(MapSource source, Map<Arch, MapCodec.Section> pending) {
    EnumMap<Arch, Slot> slots = new EnumMap<>(Arch.class);
    for (Map.Entry<Arch, MapCodec.Section> e : pending.entrySet()) {
      slots.put(e.getKey(), new Slot(e.getValue(), null, source));
    }
    return new CpuMaps(source, slots);
  }

  private CpuMaps(MapSource source, EnumMap<Arch, Slot> slots) {
    this.source = source;
    this.byArch = slots;
  }

  public MapSource source() {
    return source;
  }

  /** These maps used to emulate another libvirt (its rules; the report names both). */
  public CpuMaps emulating(String version) {
    if (version == null || version.equals(source.rulesVersion())) {
      return this;
    }
    MapSource s = source.emulating(version);
    EnumMap<Arch, Slot> copy = new EnumMap<>(Arch.class);
    for (Map.Entry<Arch, Slot> e : byArch.entrySet()) {
      copy.put(e.getKey(), new Slot(null, e.getValue(), s));
    }
    return new CpuMaps(s, copy);
  }

  public Optional<CpuMap> forArch(Arch arch) {
    Slot slot = byArch.get(arch);
    return slot == null ? Optional.empty() : Optional.of(slot.get());
  }

  /**
   * The map for a libvirt arch name (x86_64, ppc64le, aarch64...), or a user error. (No lambdas:
   * baseline and compare call this first thing after reading, where linking one costs a cold JVM
   * a fraction of a ms.)
   */
  public CpuMap forLibvirtArch(String libvirtArch, String inputSource) {
    Arch a = Arch.forLibvirtArch(libvirtArch).orElse(null);
    if (a == null) {
      throw new InputException(
          inputSource,
          "no CPU driver for architecture "
              + libvirtArch
              + " (migcheck handles x86_64/i686, ppc64/ppc64le and aarch64/arm)");
    }
    CpuMap map = forArch(a).orElse(null);
    if (map == null) {
      throw new InputException(
          inputSource,
          "cannot find CPU map for " + a.mapName() + " architecture in the " + source.describe());
    }
    return map;
  }

  public java.util.Set<Arch> arches() {
    return java.util.Collections.unmodifiableSet(byArch.keySet());
  }

  /** Whether an arch's map is there already (not still to decode); for tests. */
  boolean decoded(Arch arch) {
    Slot slot = byArch.get(arch);
    return slot != null && slot.map != null;
  }

  /**
   * One arch's map: given, decoded from a precompiled section, or another slot's map under
   * another source. Two threads may ask at once: the first decodes, the other waits for it.
   */
  private static final class Slot {
    private volatile CpuMap map;
    private MapCodec.Section pending; // guarded by this; dropped once decoded
    private Slot base; // guarded by this; dropped once its map is taken
    private final MapSource source;

    Slot(CpuMap map) {
      this.map = map;
      this.source = map.source();
    }

    Slot(MapCodec.Section pending, Slot base, MapSource source) {
      this.pending = pending;
      this.base = base;
      this.source = source;
    }

    CpuMap get() {
      CpuMap m = map;
      if (m == null) {
        synchronized (this) {
          m = map;
          if (m == null) {
            m = pending != null ? pending.decode(source) : base.get().withSource(source);
            pending = null;
            base = null;
            map = m;
          }
        }
      }
      return m;
    }
  }
}
