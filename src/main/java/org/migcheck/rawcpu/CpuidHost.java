package org.migcheck.rawcpu;

import org.migcheck.InputException;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuidBits;
import org.migcheck.cpumap.Feature;
import org.migcheck.cpumap.MsrBits;
import org.migcheck.cpumap.Vendor;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;

/**
 * Decodes raw CPUID as libvirt decodes the host it runs on (virCPUx86GetHost): the leaves libvirt
 * reads (basic 0..leaf 0's EAX, extended 0x80000000..its EAX; hypervisor leaves are not read), the
 * IA32_ARCH_CAPABILITIES MSR when the dump has it, then x86Decode for a host CPU with the map's
 * models, and the signature from leaf 1 (x86DataToSignatureFull).
 */
public final class CpuidHost {
  private CpuidHost() {}

  /** The host CPU of the dump, as libvirt would list it in its capabilities. */
  public static CpuDef decode(CpuidData raw, CpuEngine engine, CpuMap map, String source) {
    Bits data = bits(raw, map);
    long[] leaf1 = raw.get(1, 0);
    if (leaf1 == null) {
      throw new InputException(source, "the CPUID dump has no leaf 1 (family, model, stepping)");
    }
    long eax = leaf1[0];
    int family = (int) (((eax >> 20) & 0xff) + ((eax >> 8) & 0xf));
    int model = (int) (((eax >> 12) & 0xf0) + ((eax >> 4) & 0xf));
    int stepping = (int) (eax & 0xf);
    CpuDef cpu = engine.decodeHost(data, family, model, stepping, source);
    return cpu.withArch("x86_64");
  }

  /** family, model, stepping of leaf 1 as libvirt computes them. */
  public static int[] signature(CpuidData raw) {
    long eax = raw.get(1, 0)[0];
    return new int[] {
      (int) (((eax >> 20) & 0xff) + ((eax >> 8) & 0xf)),
      (int) (((eax >> 12) & 0xf0) + ((eax >> 4) & 0xf)),
      (int) (eax & 0xf)
    };
  }

  /** The map's bits the dump has: every x86 feature of the map is one bit, so per feature is exact. */
  static Bits bits(CpuidData raw, CpuMap map) {
    long[] leaf0 = raw.get(0, 0);
    long[] ext0 = raw.get(0x80000000L, 0);
    long maxBasic = leaf0 == null ? -1 : leaf0[0];
    long maxExt = ext0 == null ? -1 : ext0[0];
    Bits.Builder b = new Bits.Builder();
    for (Feature f : map.features()) {
      if ((!f.cpuid().isEmpty() || !f.msr().isEmpty()) && has(raw, f, maxBasic, maxExt)) {
        b.or(f.bits());
      }
    }
    if (leaf0 != null) {
      String id = register(leaf0[1]) + register(leaf0[3]) + register(leaf0[2]);
      for (Vendor v : map.vendors()) {
        if (id.equals(v.cpuidString())) {
          b.or(v.bits());
        }
      }
    }
    return b.build();
  }

  private static boolean has(CpuidData raw, Feature f, long maxBasic, long maxExt) {
    for (CpuidBits c : f.cpuid()) {
      boolean read =
          c.eaxIn() < 0x40000000L ? c.eaxIn() <= maxBasic : c.eaxIn() >= 0x80000000L && c.eaxIn() <= maxExt;
      long[] r = read ? raw.get(c.eaxIn(), c.ecxIn()) : null;
      if (r == null
          || (r[0] & c.eax()) != c.eax()
          || (r[1] & c.ebx()) != c.ebx()
          || (r[2] & c.ecx()) != c.ecx()
          || (r[3] & c.edx()) != c.edx()) {
        return false;
      }
    }
    for (MsrBits m : f.msr()) {
      Long v = raw.msrs().get(m.index());
      if (v == null || (v & m.eax()) != m.eax() || ((v >>> 32) & m.edx()) != m.edx()) {
        return false;
      }
    }
    return true;
  }

  private static String register(long r) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      c[i] = (char) ((r >> (8 * i)) & 0xff);
    }
    return new String(c);
  }
}
