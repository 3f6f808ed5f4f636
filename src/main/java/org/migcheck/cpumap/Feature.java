package org.migcheck.cpumap;

import java.util.List;

/**
 * A CPU feature of the map. {@code index} is its position in map order (the order of
 * x86_features.xml), which every unsorted feature list libvirt prints follows.
 */
public record Feature(
    String name,
    int index,
    List<CpuidBits> cpuid,
    List<MsrBits> msr,
    List<FeatureAlias> aliases,
    List<String> depends,
    boolean migratable,
    Bits bits) {

  public Feature {
    cpuid = List.copyOf(cpuid);
    msr = List.copyOf(msr);
    aliases = List.copyOf(aliases);
    depends = List.copyOf(depends);
  }

  /** Where the feature lives, e.g. "CPUID 0x7.0 EBX[5]" or "MSR 0x10a EAX[0]". */
  public String location() {
    StringBuilder sb = new StringBuilder();
    for (CpuidBits c : cpuid) {
      String leaf = "CPUID 0x" + Long.toHexString(c.eaxIn()) + "." + Long.toHexString(c.ecxIn());
      appendRegs(sb, leaf, new String[] {"EAX", "EBX", "ECX", "EDX"}, c.eax(), c.ebx(), c.ecx(),
          c.edx());
    }
    for (MsrBits m : msr) {
      appendRegs(sb, "MSR 0x" + Long.toHexString(m.index()), new String[] {"EAX", "EDX"}, m.eax(),
          m.edx());
    }
    return sb.toString();
  }

  private static void appendRegs(StringBuilder sb, String prefix, String[] names, long... values) {
    for (int r = 0; r < values.length; r++) {
      for (int bit = 0; bit < 32; bit++) {
        if ((values[r] >>> bit & 1) != 0) {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(prefix).append(' ').append(names[r]).append('[').append(bit).append(']');
        }
      }
    }
  }
}
