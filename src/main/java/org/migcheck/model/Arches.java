package org.migcheck.model;

import java.util.Set;

/** The architecture names libvirt knows (virArch), spelled as in XML. */
final class Arches {
  private Arches() {}

  private static final Set<String> KNOWN =
      Set.of(
          "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686", "ia64", "lm32",
          "loongarch64", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64",
          "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le",
          "ppcemb", "riscv32", "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64",
          "unicore32", "x86_64", "xtensa", "xtensaeb");

  static boolean isKnown(String arch) {
    return KNOWN.contains(arch);
  }
}
