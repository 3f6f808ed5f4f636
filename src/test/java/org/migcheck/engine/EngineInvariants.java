package org.migcheck.engine;

import java.util.List;
import java.util.Objects;
import org.migcheck.cpumap.Bits;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.FeaturePolicy;

/**
 * Properties libvirt's CPU algorithms have on every set of map-valid host CPUs, checked by the
 * seeded tests and the engine fuzz target alike. A {@link CpuError} is an allowed answer where
 * libvirt may refuse (vendors that differ, no common model); anything else that is thrown, and
 * every broken property, is a failure.
 */
public final class EngineInvariants {
  private final CpuEngine engine;
  private final X86Driver x86;

  public EngineInvariants(CpuEngine engine) {
    this.engine = engine;
    this.x86 = engine.x86("invariants");
  }

  /** Every property for one host set (same-vendor sets or not). */
  public void check(List<CpuDef> hosts) {
    for (CpuDef h : hosts) {
      compareIsReflexive(h);
      decodeRoundTrips(h);
      expansionKeepsTheFeatureSet(h);
    }
    for (CpuDef a : hosts) {
      for (CpuDef b : hosts) {
        compareAgreesWithFeatureSets(a, b);
        diffIsAntisymmetric(a, b);
      }
    }
    baselineRunsEverywhere(hosts);
  }

  private static void fail(String what, Object... context) {
    StringBuilder sb = new StringBuilder(what);
    for (Object c : context) {
      sb.append("\n  ").append(c);
    }
    throw new AssertionError(sb.toString());
  }

  /** compare(h, h) is IDENTICAL, as a host and as a guest asking for exactly its features. */
  void compareIsReflexive(CpuDef h) {
    CompareResult self = engine.compare(h, h);
    if (self.verdict() != Verdict.IDENTICAL) {
      fail("compare(h, h) is " + self.verdict() + ": " + self.message(), h);
    }
    CpuDef guest = asGuest(h);
    CompareResult asGuest = engine.compare(h, guest);
    if (asGuest.verdict() != Verdict.IDENTICAL) {
      fail("compare(h, h as guest) is " + asGuest.verdict() + ": " + asGuest.message(), h);
    }
  }

  /** The same model, vendor and features as a guest that requires them all. */
  static CpuDef asGuest(CpuDef h) {
    List<CpuFeature> required =
        h.features().stream().map(f -> new CpuFeature(f.name(), FeaturePolicy.REQUIRE)).toList();
    return CpuDef.guest(h.model(), h.vendor(), required, h.source());
  }

  /** Decoding a CPU's feature bits names a CPU with the very same bits (guest and host style). */
  void decodeRoundTrips(CpuDef h) {
    Bits bits = x86.effectiveBits(h);
    CpuDef guest;
    try {
      guest = x86.decoder().decode(X86Decoder.Request.guest(bits), "decode").cpu();
    } catch (CpuError noModel) {
      return; // libvirt too finds no model for some bit sets
    }
    if (!x86.effectiveBits(guest).equals(bits)) {
      fail("guest decode does not round-trip", h, guest);
    }
    CpuDef host;
    try {
      host = x86.decoder().decode(X86Decoder.Request.host(bits, 0, 0, 0), "decode").cpu();
    } catch (CpuError noModel) {
      return;
    }
    if (!x86.effectiveBits(host).equals(bits)) {
      fail("host decode does not round-trip", h, host);
    }
  }

  /** virsh's --features expansion lists a CPU's features without changing them. */
  void expansionKeepsTheFeatureSet(CpuDef h) {
    CpuDef expanded = engine.expand(h, "x86_64");
    if (!x86.effectiveBits(expanded).equals(x86.effectiveBits(h))) {
      fail("expansion changes the feature set", h, expanded);
    }
    if (!Objects.equals(expanded.model(), h.model())) {
      fail("expansion changes the model", h, expanded);
    }
  }

  /** IDENTICAL iff the feature sets are equal, SUPERSET iff the host's is strictly larger. */
  void compareAgreesWithFeatureSets(CpuDef host, CpuDef cpu) {
    CompareResult r = engine.compare(host, cpu);
    boolean vendorClash = cpu.vendor() != null && !cpu.vendor().equals(host.vendor());
    Bits hb = x86.effectiveBits(host);
    Bits cb = x86.effectiveBits(cpu);
    Verdict expected =
        vendorClash || !hb.containsAll(cb)
            ? Verdict.INCOMPATIBLE
            : hb.equals(cb) ? Verdict.IDENTICAL : Verdict.SUPERSET;
    if (r.verdict() != expected) {
      fail("compare says " + r.verdict() + ", feature sets say " + expected, host, cpu, r);
    }
  }

  /** What A has over B is what B lacks against A; a CPU has no difference with itself. */
  void diffIsAntisymmetric(CpuDef a, CpuDef b) {
    FeatureDiff ab = FeatureDiff.of(x86, a, b);
    FeatureDiff ba = FeatureDiff.of(x86, b, a);
    if (!names(ab.onlyA()).equals(names(ba.onlyB()))
        || !names(ab.onlyB()).equals(names(ba.onlyA()))
        || ab.vendorDiffers() != ba.vendorDiffers()) {
      fail("diff(a, b) is not the mirror of diff(b, a)", a, b);
    }
    if (a == b && !ab.identical()) {
      fail("diff(a, a) is not empty", a);
    }
  }

  private static List<String> names(List<FeatureDiff.Entry> entries) {
    return entries.stream().map(FeatureDiff.Entry::name).toList();
  }

  /**
   * The baseline (plain, migratable, expanded) runs on every input host; the baseline of one host
   * is that host's CPU exactly.
   */
  void baselineRunsEverywhere(List<CpuDef> hosts) {
    for (BaselineOptions o :
        List.of(
            BaselineOptions.DEFAULT,
            new BaselineOptions(false, true),
            new BaselineOptions(true, false))) {
      CpuDef base;
      try {
        base = engine.baseline(hosts, o);
      } catch (CpuError refused) {
        continue; // vendors that differ, nothing in common: libvirt refuses too
      }
      for (CpuDef h : hosts) {
        CompareResult r = engine.compare(h, base);
        if (!r.verdict().compatible()) {
          fail("baseline " + o + " does not run on a host: " + r.message(), h, base);
        }
        if (hosts.size() == 1 && !o.migratable() && r.verdict() != Verdict.IDENTICAL) {
          fail("baseline of one host is not that host: " + r.verdict(), h, base);
        }
      }
    }
  }
}
