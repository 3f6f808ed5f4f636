package org.migcheck.cpumap;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.migcheck.InputException;

/** A loaded cpu_map: one {@link CpuMap} per arch it defines, and where it came from. */
public final class CpuMaps {
  private final MapSource source;
  private final Map<Arch, CpuMap> byArch;

  CpuMaps(MapSource source, Map<Arch, CpuMap> byArch) {
    this.source = source;
    this.byArch = byArch.isEmpty() ? Map.of() : new EnumMap<>(byArch);
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
    Map<Arch, CpuMap> copy = new EnumMap<>(Arch.class);
    byArch.forEach((a, m) -> copy.put(a, m.withSource(s)));
    return new CpuMaps(s, copy);
  }

  public Optional<CpuMap> forArch(Arch arch) {
    return Optional.ofNullable(byArch.get(arch));
  }

  /** The map for a libvirt arch name (x86_64, ppc64le, aarch64...), or a user error. */
  public CpuMap forLibvirtArch(String libvirtArch, String inputSource) {
    Arch a =
        Arch.forLibvirtArch(libvirtArch)
            .orElseThrow(
                () ->
                    new InputException(
                        inputSource,
                        "no CPU driver for architecture "
                            + libvirtArch
                            + " (migcheck handles x86_64/i686, ppc64/ppc64le and aarch64/arm)"));
    return forArch(a)
        .orElseThrow(
            () ->
                new InputException(
                    inputSource,
                    "cannot find CPU map for "
                        + a.mapName()
                        + " architecture in the "
                        + source.describe()));
  }

  public java.util.Set<Arch> arches() {
    return java.util.Collections.unmodifiableSet(byArch.keySet());
  }
}
