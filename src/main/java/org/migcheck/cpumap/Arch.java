package org.migcheck.cpumap;

import java.util.Locale;
import java.util.Optional;

/** The CPU driver families of libvirt's cpu_map ({@code <arch name=...>}). */
public enum Arch {
  X86("x86"),
  PPC64("ppc64"),
  ARM("arm");

  private final String mapName;

  Arch(String mapName) {
    this.mapName = mapName;
  }

  /** The name used in cpu_map's {@code <arch name=...>}. */
  public String mapName() {
    return mapName;
  }

  public static Optional<Arch> fromMapName(String name) {
    for (Arch a : values()) {
      if (a.mapName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The driver for a libvirt arch name as used in capabilities and {@code <arch>} (x86_64, i686,
   * ppc64le, aarch64...); empty for arches without a cpu_map driver (s390x, riscv64...).
   */
  public static Optional<Arch> forLibvirtArch(String arch) {
    if (arch == null) {
      return Optional.empty();
    }
    switch (arch.toLowerCase(Locale.ROOT)) {
      case "x86_64":
      case "i686":
        return Optional.of(X86);
      case "ppc64":
      case "ppc64le":
        return Optional.of(PPC64);
      case "aarch64":
      case "armv6l":
      case "armv7l":
      case "armv7b":
        return Optional.of(ARM);
      default:
        return Optional.empty();
    }
  }
}
