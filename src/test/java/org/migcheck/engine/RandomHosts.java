package org.migcheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuModel;
import org.migcheck.cpumap.Feature;
import org.migcheck.model.CpuDef;

/**
 * Seeded random host CPU sets that are valid for a map: fleets that drift around one model, wild
 * vendor mixes, single-model sets and vendorless hosts.
 */
public final class RandomHosts {
  /** Models whose definitions changed between libvirt versions, and the newest ones. */
  private static final java.util.regex.Pattern FOCUS =
      java.util.regex.Pattern.compile(
          "(Skylake|Cascadelake|Icelake|Cooperlake|SapphireRapids|GraniteRapids|SierraForest"
              + "|EPYC-Genoa|EPYC-Milan|EPYC-Rome).*|.*-v\\d+");

  /** Features whose meaning in models changed (removed='yes' in some versions). */
  private static final List<String> CHANGED = List.of("mpx", "intel-pt", "xsavec", "xgetbv1");

  private final CpuMap map;
  private final Random rnd;
  private final boolean focus;

  public RandomHosts(CpuMap map, long seed) {
    this(map, seed, false);
  }

  /**
   * With {@code focus}, a quarter of the sets come from the models that changed between libvirt
   * versions or are new (Skylake..GraniteRapids, SierraForest, EPYC-Genoa, -vN), with the
   * features they changed on (mpx, intel-pt) added or taken away.
   */
  public RandomHosts(CpuMap map, long seed, boolean focus) {
    this.map = map;
    this.rnd = new Random(seed);
    this.focus = focus;
  }

  public Random random() {
    return rnd;
  }

  /** One input set for a baseline, of a kind chosen by the seed. */
  public List<CpuDef> hostSet() {
    if (focus && rnd.nextInt(4) == 0) {
      return focusSet();
    }
    int kind = rnd.nextInt(10);
    int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 8 : 4);
    List<CpuDef> out = new ArrayList<>();
    if (kind < 5) {
      // a fleet drifting around one vendor's model
      CpuModel anchor = modelWithVendor();
      for (int i = 0; i < n; i++) {
        CpuModel m = neighbour(anchor);
        out.add(host(m, vendorFor(m, 0.9), drift(m)));
      }
    } else if (kind < 7) {
      // anything goes: mixed vendors and models, some without vendor
      for (int i = 0; i < n; i++) {
        CpuModel m = anyModel();
        out.add(host(m, vendorFor(m, 0.6), randomFeatures(rnd.nextInt(6))));
      }
    } else if (kind < 9) {
      // one model name everywhere, different extras
      CpuModel m = anyModel();
      String vendor = vendorFor(m, 0.8);
      for (int i = 0; i < n; i++) {
        out.add(host(m, rnd.nextInt(5) == 0 ? null : vendor, randomFeatures(rnd.nextInt(5))));
      }
    } else {
      // vendorless models, no vendor element
      for (int i = 0; i < n; i++) {
        CpuModel m = vendorless();
        out.add(host(m, null, randomFeatures(rnd.nextInt(8))));
      }
    }
    return out;
  }

  private List<CpuDef> focusSet() {
    List<CpuModel> models = map.models().stream().filter(m -> FOCUS.matcher(m.name()).matches()).toList();
    List<String> changed = CHANGED.stream().filter(f -> map.feature(f).isPresent()).toList();
    int n = 1 + rnd.nextInt(4);
    List<CpuDef> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CpuModel m = models.get(rnd.nextInt(models.size()));
      List<String> features = randomFeatures(rnd.nextInt(3));
      for (String f : changed) {
        if (rnd.nextInt(3) == 0) {
          features.add(f);
        }
      }
      out.add(host(m, vendorFor(m, 0.85), features));
    }
    return out;
  }

  public CpuDef host(CpuModel m, String vendor, List<String> features) {
    Set<String> unique = new LinkedHashSet<>(features);
    return CpuDef.host("x86_64", m.name(), vendor, new ArrayList<>(unique), "random");
  }

  public CpuModel anyModel() {
    return map.models().get(rnd.nextInt(map.models().size()));
  }

  private CpuModel modelWithVendor() {
    while (true) {
      CpuModel m = anyModel();
      if (m.vendor() != null) {
        return m;
      }
    }
  }

  private CpuModel vendorless() {
    List<CpuModel> vl = map.models().stream().filter(m -> m.vendor() == null).toList();
    return vl.get(rnd.nextInt(vl.size()));
  }

  /** A model near the anchor in map order with the same vendor (or the anchor). */
  private CpuModel neighbour(CpuModel anchor) {
    for (int tries = 0; tries < 10; tries++) {
      int i = anchor.index() + rnd.nextInt(7) - 3;
      if (i >= 0 && i < map.models().size()) {
        CpuModel m = map.models().get(i);
        if (m.vendor() != null && m.vendor().name().equals(anchor.vendor().name())) {
          return m;
        }
      }
    }
    return anchor;
  }

  private String vendorFor(CpuModel m, double pRight) {
    double r = rnd.nextDouble();
    if (r < pRight) {
      return m.vendor() != null ? m.vendor().name() : randomVendor();
    }
    if (r < pRight + (1 - pRight) / 2) {
      return null;
    }
    return randomVendor();
  }

  private String randomVendor() {
    return map.vendors().get(rnd.nextInt(map.vendors().size())).name();
  }

  /** Features a neighbouring model has and this one lacks, some of them, plus a few randoms. */
  private List<String> drift(CpuModel m) {
    List<String> out = new ArrayList<>();
    int next = Math.min(map.models().size() - 1, m.index() + 1 + rnd.nextInt(3));
    for (Feature f : map.presentFeatures(map.models().get(next).bits().andNot(m.bits()))) {
      if (rnd.nextInt(3) > 0) {
        out.add(f.name());
      }
    }
    out.addAll(randomFeatures(rnd.nextInt(4)));
    return out;
  }

  public List<String> randomFeatures(int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(map.features().get(rnd.nextInt(map.features().size())).name());
    }
    return out;
  }
}
