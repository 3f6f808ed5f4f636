package org.migcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.cpumap.Feature;
import org.migcheck.cpumap.Vendor;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;

/**
 * libvirt's x86Decode: names raw feature bits with the best model of the map plus extra
 * (required) and missing (disabled) features, bug for bug (see the scoring note below).
 */
public final class X86Decoder {
  private static final int BASE_PENALTY = 2;

  private final CpuMap map;
  private final boolean shortestList;

  X86Decoder(CpuMap map) {
    this.map = map;
    this.shortestList = LibvirtRules.shortestFeatureList(map);
  }

  /**
   * What to decode.
   *
   * @param data feature bits, possibly with a vendor's CPUID leaf 0 bits
   * @param type HOST (capabilities style: host='on' models, no disabled features) or GUEST
   * @param preferred model names to prefer (baseline passes the input models); may be empty
   * @param hypervisorModels when not null, only these models may be chosen, their blockers
   *     disabled
   * @param migratable drop non-migratable features from the result
   * @param family signature family, 0 when unknown (baselines have none)
   * @param fallback the fallback of the CPU being decoded, for the unsupported-model error
   */
  public record Request(
      Bits data,
      CpuType type,
      List<String> preferred,
      Map<String, HypervisorModel> hypervisorModels,
      boolean migratable,
      int family,
      int model,
      int stepping,
      Fallback fallback) {

    public static Request host(Bits data, int family, int model, int stepping) {
      return new Request(data, CpuType.HOST, List.of(), null, false, family, model, stepping,
          Fallback.ALLOW);
    }

    public static Request guest(Bits data) {
      return new Request(data, CpuType.GUEST, List.of(), null, false, 0, 0, 0, Fallback.ALLOW);
    }
  }

  /** The decoded CPU and the map model it uses. */
  public record Decoded(CpuDef cpu, CpuModel model, Vendor vendor) {}

  private record Candidate(CpuModel model, List<CpuFeature> features) {}

  public Decoded decode(Request r, String source) {
    Bits data = r.data();
    Vendor vendor = vendorOf(data);
    if (vendor != null) {
      data = data.andNot(vendor.bits());
    }
    data = filterBrokenTsx(data, vendor, r);
    List<String> preferred = r.preferred() == null || r.preferred().isEmpty() ? null : r.preferred();
    boolean signatureKnown = r.family() != 0 || r.model() != 0 || r.stepping() != 0;

    Candidate best = null;
    List<CpuModel> models = map.models();
    for (int i = models.size() - 1; i >= 0; i--) {
      CpuModel cand = models.get(i);
      HypervisorModel hv = null;
      if (r.hypervisorModels() != null) {
        hv = r.hypervisorModels().get(cand.name());
        if (hv == null) {
          if (preferred != null
              && preferred.size() == 1
              && preferred.get(0).equals(cand.name())
              && r.fallback() != Fallback.ALLOW) {
            throw new CpuError(
                source, "CPU model " + cand.name() + " is not supported by hypervisor");
          }
          continue;
        }
      }
      if (vendor != null && cand.vendor() != null && !vendor.name().equals(cand.vendor().name())) {
        continue;
      }
      Candidate c = new Candidate(cand, toFeatures(data, cand, hv, r.type()));
      int use = useCandidate(best, c, r, preferred, signatureKnown);
      if (use > 0) {
        best = r.type() == CpuType.HOST ? withoutPolicies(c) : c;
        if (use == 2) {
          break;
        }
      }
    }
    if (best == null) {
      throw new CpuError(source, "Cannot find suitable CPU model for given data");
    }
    List<CpuFeature> features = best.features();
    if (r.migratable()) {
      features =
          features.stream()
              .filter(f -> map.feature(f.name()).map(Feature::migratable).orElse(true))
              .toList();
    }
    CpuDef cpu =
        new CpuDef(
            r.type(),
            null,
            r.type() == CpuType.GUEST ? CpuMode.CUSTOM : null,
            r.type() == CpuType.GUEST ? CpuMatch.EXACT : null,
            r.type() == CpuType.GUEST ? CpuCheck.DEFAULT : null,
            null,
            best.model().name(),
            r.type() == CpuType.GUEST ? r.fallback() : null,
            null,
            vendor == null ? null : vendor.name(),
            features,
            source);
    return new Decoded(cpu, best.model(), vendor);
  }

  /** The first map vendor whose whole CPUID string is in the data (x86DataToVendor). */
  Vendor vendorOf(Bits data) {
    for (Vendor v : map.vendors()) {
      if (!v.bits().isEmpty() && data.containsAll(v.bits())) {
        return v;
      }
    }
    return null;
  }

  /** Early Haswell/Broadwell parts had TSX disabled by microcode: never name hle/rtm there. */
  private Bits filterBrokenTsx(Bits data, Vendor vendor, Request r) {
    if (vendor == null || !vendor.name().equals("Intel") || r.family() != 6) {
      return data;
    }
    int m = r.model();
    if ((m == 63 && r.stepping() < 4) || m == 60 || m == 69 || m == 70) {
      for (String name : new String[] {"hle", "rtm"}) {
        Feature f = map.feature(name).orElse(null);
        if (f != null) {
          data = data.andNot(f.bits());
        }
      }
    }
    return data;
  }

  /** x86DataToCPU: extra bits as required features, missing model bits as disabled ones. */
  private List<CpuFeature> toFeatures(Bits data, CpuModel model, HypervisorModel hv, CpuType type) {
    Bits copy = data;
    Vendor leftover = vendorOf(copy);
    if (leftover != null) {
      copy = copy.andNot(leftover.bits());
    }
    Bits required = copy.andNot(model.bits());
    Bits modelOnly = model.bits().andNot(data);
    if (hv != null) {
      for (String blocker : hv.blockers()) {
        Feature f = map.feature(blocker).orElse(null);
        if (f != null && !required.containsAll(f.bits())) {
          modelOnly = modelOnly.or(f.bits());
        }
      }
    }
    List<CpuFeature> out = new ArrayList<>();
    for (Feature f : map.takeFeatures(required)) {
      out.add(new CpuFeature(f.name(), FeaturePolicy.REQUIRE));
    }
    for (Feature f : map.takeFeatures(modelOnly)) {
      out.add(new CpuFeature(f.name(), FeaturePolicy.DISABLE));
    }
    if (type == CpuType.GUEST) {
      addRemovedFeatures(out, model);
    }
    return out;
  }

  /**
   * virCPUx86DisableRemovedFeatures: list each removed feature as disabled unless mentioned.
   * (Loops, not streams: a baseline decodes once, in its single-threaded tail, where the first
   * stream's classes cost a cold JVM a ms.)
   */
  static void addRemovedFeatures(List<CpuFeature> features, CpuModel model) {
    for (Feature rf : model.removedFeatures()) {
      if (!mentions(features, rf.name())) {
        features.add(new CpuFeature(rf.name(), FeaturePolicy.DISABLE));
      }
    }
  }

  private static boolean mentions(List<CpuFeature> features, String name) {
    for (CpuFeature f : features) {
      if (f.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean disablesAny(List<CpuFeature> features) {
    for (CpuFeature f : features) {
      if (f.policy() == FeaturePolicy.DISABLE) {
        return true;
      }
    }
    return false;
  }

  private static Candidate withoutPolicies(Candidate c) {
    return new Candidate(
        c.model(), c.features().stream().map(f -> new CpuFeature(f.name(), null)).toList());
  }

  /** x86DecodeUseCandidate: 0 keep the current model, 1 take the candidate, 2 take it and stop. */
  private int useCandidate(
      Candidate current,
      Candidate cand,
      Request r,
      List<String> preferred,
      boolean signatureKnown) {
    CpuModel m = cand.model();
    if (r.type() == CpuType.HOST && !m.decodeHost()) {
      return 0;
    }
    if (r.type() == CpuType.GUEST && !m.decodeGuest()) {
      return 0;
    }
    if (r.type() == CpuType.HOST && disablesAny(cand.features())) {
      return 0;
    }
    boolean isPreferred = preferred != null && preferred.contains(m.name());
    if (isPreferred && preferred.size() == 1) {
      return 2;
    }
    if (current == null) {
      return 1;
    }
    if (shortestList) {
      return useShorterList(current, cand, r, signatureKnown);
    }
    if (signatureKnown) {
      boolean curMatches = current.model().matchesSignature(r.family(), r.model(), r.stepping());
      boolean candMatches = m.matchesSignature(r.family(), r.model(), r.stepping());
      if (curMatches && !candMatches) {
        return 0;
      }
      if (!curMatches && candMatches) {
        return 1;
      }
    }
    return compareFeatureLists(current.features(), cand.features(), r.type(), isPreferred);
  }

  /**
   * x86DecodeUseCandidate before libvirt 8.4.0 (7.0.0's src/cpu/cpu_x86.c): a model whose
   * signature matches is kept against one that does not, then the shorter feature list (required
   * plus disabled, no penalty) wins, and only then does a matching signature win a tie or worse.
   */
  private static int useShorterList(
      Candidate current, Candidate cand, Request r, boolean signatureKnown) {
    boolean curMatches =
        signatureKnown && current.model().matchesSignature(r.family(), r.model(), r.stepping());
    boolean candMatches =
        signatureKnown && cand.model().matchesSignature(r.family(), r.model(), r.stepping());
    if (curMatches && !candMatches) {
      return 0;
    }
    if (current.features().size() > cand.features().size()) {
      return 1;
    }
    return candMatches && !curMatches ? 1 : 0;
  }

  /**
   * libvirt's scoring. For guest CPUs each disabled feature costs a growing penalty, but the loop
   * bound is the enabled count, which shrinks as disabled features are found, so trailing
   * disabled features go uncounted. libvirt picks models by this exact arithmetic; so do we.
   */
  private static int compareFeatureLists(
      List<CpuFeature> current, List<CpuFeature> cand, CpuType type, boolean isPreferred) {
    long[] cur = score(current, type);
    long[] can = score(cand, type);
    if (can[0] < cur[0] || (can[0] == cur[0] && can[1] < cur[1])) {
      return 1;
    }
    if (isPreferred && can[1] < cur[1]) {
      return 1;
    }
    return 0;
  }

  /** {score, disabled penalty}. */
  private static long[] score(List<CpuFeature> features, CpuType type) {
    long enabled = features.size();
    long disabled = 0;
    if (type != CpuType.HOST) {
      long penalty = BASE_PENALTY;
      for (int i = 0; i < enabled; i++) {
        if (features.get(i).policy() == FeaturePolicy.DISABLE) {
          enabled--;
          disabled += penalty;
          penalty++;
        }
      }
    }
    return new long[] {enabled + disabled, disabled};
  }
}
