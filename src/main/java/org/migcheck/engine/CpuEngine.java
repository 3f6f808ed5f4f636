package org.migcheck.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.FeaturePolicy;

/**
 * The generic CPU layer (libvirt's src/cpu/cpu.c): checks the inputs and dispatches to the arch
 * driver chosen from the host (compare) or the first CPU (baseline).
 */
public final class CpuEngine {
  private final CpuMaps maps;
  // made on first use, like the maps' arches (a run usually needs x86 only); a CAS keeps one
  // driver per arch when two threads ask at once
  private final AtomicReferenceArray<CpuDriver> drivers =
      new AtomicReferenceArray<>(Arch.values().length);

  public CpuEngine(CpuMaps maps) {
    this.maps = maps;
  }

  private CpuDriver driverFor(CpuMap m) {
    CpuDriver d = drivers.get(m.arch().ordinal());
    if (d == null) {
      d =
          switch (m.arch()) {
            case X86 -> new X86Driver(m);
            case PPC64 -> new Ppc64Driver(m);
            case ARM -> new ArmDriver(m);
          };
      if (!drivers.compareAndSet(m.arch().ordinal(), null, d)) {
        d = drivers.get(m.arch().ordinal());
      }
    }
    return d;
  }

  public CpuMaps maps() {
    return maps;
  }

  /**
   * Readies the driver of a libvirt arch, when the maps have its part, before a baseline or
   * compare needs it: that part of the map is decoded on first use (1-2 ms for x86 on a cold
   * JVM), which a command can have done while its input is still being read. Nothing happens
   * otherwise, errors included.
   */
  public void prepare(String libvirtArch) {
    Arch a = Arch.forLibvirtArch(libvirtArch).orElse(null);
    CpuMap m = a == null ? null : maps.forArch(a).orElse(null);
    if (m != null) {
      driverFor(m);
    }
  }

  /** The driver for a libvirt arch name (x86_64, ppc64le, aarch64...) or a user error. */
  public CpuDriver driver(String libvirtArch, String source) {
    CpuMap m = maps.forLibvirtArch(libvirtArch, source);
    return driverFor(m);
  }

  /**
   * The x86 driver, or a user error when the map has no x86 part. For engine tests; code outside
   * the engine uses the generic operations below (an import test keeps it so).
   */
  public X86Driver x86(String source) {
    return (X86Driver) driver("x86_64", source);
  }

  // ---- feature bits: only the x86 cpu_map gives features CPUID bits; libvirt tells ppc64 and
  // arm CPUs apart by model name, so these operations are the x86 driver's

  /** The cpu_map whose features have bits (x86), or a user error naming source. */
  public CpuMap featureMap(String source) {
    return x86(source).map();
  }

  /** A CPU's effective features as bits: model + required/forced - disabled/forbidden. */
  public Bits features(CpuDef cpu) {
    return x86(cpu.source()).effectiveBits(cpu);
  }

  /** The bits of a CPU's features with one policy (host CPUs only have require). */
  public Bits features(CpuDef cpu, FeaturePolicy policy) {
    return x86(cpu.source()).policyBits(cpu, policy);
  }

  /** The features each CPU has and the other lacks, after expanding both (virsh cpu-diff-like). */
  public FeatureDiff diff(CpuDef a, CpuDef b, String source) {
    return FeatureDiff.of(x86(source), a, b);
  }

  /**
   * The model name libvirt's host decode gives a host CPU with these features and signature (what
   * virsh capabilities would print with this cpu_map); the CPU's own model when it cannot decode.
   */
  public String hostModelName(CpuDef host, Bits bits, CpuSignature sig) {
    if (host.model() == null) {
      return null;
    }
    X86Driver x86 = x86(host.source());
    Bits data = host.vendor() == null ? bits : bits.or(x86.vendorBits(host.vendor()));
    try {
      return decodeHost(
              data,
              sig == null || sig.family() == null ? 0 : sig.family(),
              sig == null || sig.model() == null ? 0 : sig.model(),
              sig == null || sig.stepping() == null ? 0 : sig.stepping(),
              host.source())
          .model();
    } catch (CpuError e) {
      return host.model();
    }
  }

  /**
   * x86Decode for a host: the CPU libvirt lists in its capabilities for these CPUID bits (vendor
   * bits included) and this signature.
   */
  public CpuDef decodeHost(Bits data, int family, int model, int stepping, String source) {
    return x86(source).decoder()
        .decode(X86Decoder.Request.host(data, family, model, stepping), source)
        .cpu();
  }

  /**
   * virCPUUpdate: the guest CPU as libvirt fixes it against the host before starting it. The
   * host's arch picks the driver, as in {@link #compare} (the guest's, then x86_64, without one).
   */
  public CpuDef update(CpuDef guest, CpuDef host) {
    String arch = host != null && host.arch() != null ? host.arch()
        : guest.arch() != null ? guest.arch() : "x86_64";
    return driver(arch, guest.source()).update(guest, host);
  }

  /** virCPUCompare: the host's arch picks the driver. */
  public CompareResult compare(CpuDef host, CpuDef cpu) {
    if (host == null || host.model() == null) {
      return CompareResult.incompatible(
          CompareResult.Reason.UNKNOWN_HOST, "unknown host CPU", List.of());
    }
    String arch = host.arch() != null ? host.arch() : "x86_64";
    return driver(arch, host.source()).compare(host, cpu);
  }

  /** virCPUBaseline plus, with --features, virCPUExpandFeatures, as virsh cpu-baseline runs them. */
  public CpuDef baseline(List<CpuDef> cpus, BaselineOptions options) {
    if (cpus.isEmpty()) {
      throw new CpuError(null, "no CPUs given");
    }
    for (int i = 0; i < cpus.size(); i++) {
      if (cpus.get(i).model() == null) {
        throw new CpuError(cpus.get(i).source(), "no CPU model specified at index " + i);
      }
    }
    String arch = archOf(cpus);
    CpuDriver driver = driver(arch, cpus.get(0).source());
    CpuDef last = null;
    for (CpuDef c : cpus) {
      // the same model and arch as the CPU before (hosts read alike share their strings): the
      // same answer
      if (last == null || c.model() != last.model() || c.arch() != last.arch()) {
        requireArch(driver, c, arch);
      }
      last = c;
    }
    CpuDef result = driver.baseline(cpus, options.migratable());
    if (options.expandFeatures()) {
      result = expand(driver, result);
    }
    return result;
  }

  /**
   * A CPU of another architecture in a baseline: libvirt fails with "Unknown CPU model POWER9",
   * which sends users looking for a newer cpu_map; the same error says what is really wrong. A
   * CPU without an arch counts as another architecture's when only that architecture's map has
   * its model. CPUs whose model the driver knows are libvirt's to judge, whatever their arch.
   */
  private void requireArch(CpuDriver driver, CpuDef cpu, String arch) {
    if (cpu.model() != null && driver.map().model(cpu.model()).isEmpty()) {
      unknownHere(driver, cpu, arch); // rare: a method of its own, which C1 need not compile
    }
  }

  /** {@link #requireArch} for a CPU whose model the driver's map does not have. */
  private void unknownHere(CpuDriver driver, CpuDef cpu, String arch) {
    Arch other = cpu.arch() == null ? null : Arch.forLibvirtArch(cpu.arch()).orElse(null);
    if (other == null) {
      for (Arch a : maps.arches()) {
        if (a != driver.arch() && maps.forArch(a).orElseThrow().model(cpu.model()).isPresent()) {
          other = a;
        }
      }
    }
    if (other != null && other != driver.arch()) {
      throw new CpuError(
          cpu.source(),
          "Unknown CPU model "
              + cpu.model()
              + " (a "
              + (cpu.arch() != null ? cpu.arch() : other.mapName())
              + " CPU among "
              + arch
              + " CPUs: a baseline needs CPUs of one architecture)");
    }
  }

  /** The arch of a CPU list: the first CPU's, else the first one given, else x86_64. */
  static String archOf(List<CpuDef> cpus) {
    if (cpus.get(0).arch() != null) {
      return cpus.get(0).arch();
    }
    for (CpuDef c : cpus) {
      if (c.arch() != null) {
        return c.arch();
      }
    }
    return "x86_64";
  }

  /** virCPUExpandFeatures: the driver's expansion, then all features sorted by name. */
  public CpuDef expand(CpuDef cpu, String arch) {
    return expand(driver(arch, cpu.source()), cpu);
  }

  private static CpuDef expand(CpuDriver driver, CpuDef cpu) {
    CpuDef expanded = driver.expandFeatures(cpu);
    List<CpuFeature> sorted = new ArrayList<>(expanded.features());
    sorted.sort(Comparator.comparing(CpuFeature::name));
    return expanded.withFeatures(sorted);
  }
}
