package org.migcheck.fleet.gen;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The weighted mix of processor generations a synthetic fleet is drawn from, and the per-host drift
 * around each part: microcode age, TSX, nested virtualization, TSC calibration, SME (AMD address
 * bits), sockets, memory, hugepages, distribution, QEMU release and IOMMU.
 */
public record FleetMix(List<Weighted> parts) {

  public FleetMix {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("empty mix");
    }
  }

  /** A part and its share of the fleet. */
  public record Weighted(CpuPart part, int weight) {}

  /** Broadwell to Milan, the generations a 2023 fleet still runs. */
  public static final FleetMix DEFAULT =
      new FleetMix(
          List.of(
              new Weighted(CpuParts.XEON_E5_2650_V4, 15),
              new Weighted(CpuParts.XEON_GOLD_6148, 25),
              new Weighted(CpuParts.XEON_PLATINUM_8268, 20),
              new Weighted(CpuParts.XEON_PLATINUM_8380, 15),
              new Weighted(CpuParts.EPYC_7502, 15),
              new Weighted(CpuParts.EPYC_7713, 10)));

  /** The same mix with at most {@code max} cores per socket (smaller hosts, smaller documents). */
  public FleetMix withCoresPerSocket(int max) {
    return new FleetMix(
        parts.stream()
            .map(w -> new Weighted(w.part().withCoresPerSocket(max), w.weight()))
            .toList());
  }

  /** Only the Intel generations of the default mix (a fleet one baseline can cover). */
  public static final FleetMix INTEL =
      new FleetMix(DEFAULT.parts().stream().filter(w -> w.part().intel()).toList());

  /** A deterministic host: the same random stream always gives the same host. */
  public HostSpec draw(SplittableRandom r) {
    CpuPart p = pick(r);
    int mc = microcodeIndex(r, p.microcodes().size());
    CpuPart.Microcode microcode = p.microcodes().get(mc);
    List<String> features = new java.util.ArrayList<>(p.features());
    features.removeAll(microcode.missing());
    // kernels default to tsx=off where TSX_CTRL exists, and newer microcode drops TSX outright
    if (p.tsxCtrl() && r.nextInt(100) < 70) {
      features.remove("hle");
      features.remove("rtm");
    }
    boolean intel = p.intel();
    int physBits = p.physBits();
    if (!intel) {
      physBits = r.nextInt(100) < 65 ? 43 : 48; // SME on in firmware takes 5 address bits
    }
    int sockets = r.nextInt(100) < (intel ? 8 : 25) ? 1 : 2;
    long nodeGib = pickOf(r, new long[] {64, 96, 128, 192, 256, 384, 512},
        intel ? new int[] {5, 10, 25, 25, 20, 10, 5} : new int[] {2, 3, 15, 15, 35, 20, 10});
    List<Long> memory = new java.util.ArrayList<>();
    for (int n = 0; n < sockets; n++) {
      double reserved = n == 0 ? 0.016 + r.nextDouble() * 0.008 : 0.009 + r.nextDouble() * 0.005;
      memory.add((long) (nodeGib * 1_048_576L * (1 - reserved)) / 4 * 4);
    }
    long huge2m = 0;
    long huge1g = 0;
    int hp = r.nextInt(100);
    if (hp < 25) {
      huge1g = nodeGib / 4 + r.nextInt((int) nodeGib / 4 + 1);
    } else if (hp < 40) {
      huge2m = 1024L * (1 + r.nextInt(8));
    }
    Distro distro = r.nextInt(100) < 60 ? Distro.DEBIAN_12 : Distro.FEDORA_38;
    String dac = distro == Distro.DEBIAN_12 && r.nextInt(100) < 4 ? "+0:+0" : distro.defaultDacLabel();
    int q = r.nextInt(100);
    QemuRelease qemu =
        distro == Distro.FEDORA_38
            ? (q < 90 ? QemuRelease.V7_2 : QemuRelease.V7_0)
            : (q < 78 ? QemuRelease.V7_2 : q < 88 ? QemuRelease.V7_0 : QemuRelease.V6_2);
    return new HostSpec(
        uuid(r), p, features, microcode.version(), tscHz(r, p), p.tscScaling(), physBits, sockets,
        memory, huge2m, huge1g, distro, dac, qemu, r.nextInt(100) < 90, r.nextInt(100) < 85);
  }

  private CpuPart pick(SplittableRandom r) {
    int total = parts.stream().mapToInt(Weighted::weight).sum();
    int x = r.nextInt(total);
    for (Weighted w : parts) {
      x -= w.weight();
      if (x < 0) {
        return w.part();
      }
    }
    throw new IllegalStateException();
  }

  /** Mostly current microcode, a tail of older revisions. */
  private static int microcodeIndex(SplittableRandom r, int count) {
    int x = r.nextInt(100);
    int back = x < 60 ? 0 : x < 85 ? 1 : x < 95 ? 2 : 3;
    return Math.max(0, count - 1 - back);
  }

  /**
   * The kernel's calibrated TSC rate: exact for parts that report their crystal (Ice Lake), a
   * part-specific offset plus a few kHz of boot-to-boot spread otherwise.
   */
  private static long tscHz(SplittableRandom r, CpuPart p) {
    if (p.model() == 106) {
      return p.tscKhz() * 1000;
    }
    double factor = p.intel() ? (p.model() == 85 ? 0.99766 : 0.999999) : 0.998125;
    long khz = Math.round(p.tscKhz() * factor) + r.nextInt(7) - 3;
    return khz * 1000;
  }

  private static long pickOf(SplittableRandom r, long[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static String uuid(SplittableRandom r) {
    long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x4000L;
    long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }
}
