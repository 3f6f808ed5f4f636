package org.migcheck.cpumap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The immutable cpu_map of one arch: vendors, features and models, each in map order. */
public final class CpuMap {
  private final Arch arch;
  private final MapSource source;
  private final List<Vendor> vendors;
  private final List<Feature> features;
  private final List<CpuModel> models;
  private final Map<String, Vendor> vendorsByName;
  private final Map<String, Feature> featuresByName;
  private final Map<String, Feature> featuresByAlias;
  private final Map<String, CpuModel> modelsByName;
  private final Bits nonMigratable;

  CpuMap(
      Arch arch,
      MapSource source,
      List<Vendor> vendors,
      List<Feature> features,
      List<CpuModel> models) {
    this.arch = arch;
    this.source = source;
    this.vendors = List.copyOf(vendors);
    this.features = List.copyOf(features);
    this.models = List.copyOf(models);
    // plain loops into maps nobody changes afterwards (final fields publish them safely): no
    // method references or Map.copyOf on start-up's path (MapCodec decodes a map per run)
    Map<String, Vendor> vendorIndex = new HashMap<>();
    for (Vendor v : this.vendors) {
      vendorIndex.put(v.name(), v);
    }
    Map<String, Feature> featureIndex = new HashMap<>();
    Map<String, Feature> aliases = new HashMap<>();
    Bits.Builder blockers = new Bits.Builder();
    for (Feature f : this.features) {
      featureIndex.put(f.name(), f);
      for (FeatureAlias a : f.aliases()) {
        aliases.putIfAbsent(a.name(), f);
      }
      if (!f.migratable()) {
        blockers.or(f.bits());
      }
    }
    Map<String, CpuModel> modelIndex = new HashMap<>();
    for (CpuModel m : this.models) {
      modelIndex.put(m.name(), m);
    }
    this.vendorsByName = vendorIndex;
    this.featuresByName = featureIndex;
    this.featuresByAlias = aliases;
    this.modelsByName = modelIndex;
    this.nonMigratable = blockers.build();
  }

  /** The same map under another source: shares everything else. */
  private CpuMap(CpuMap m, MapSource source) {
    this.arch = m.arch;
    this.source = source;
    this.vendors = m.vendors;
    this.features = m.features;
    this.models = m.models;
    this.vendorsByName = m.vendorsByName;
    this.featuresByName = m.featuresByName;
    this.featuresByAlias = m.featuresByAlias;
    this.modelsByName = m.modelsByName;
    this.nonMigratable = m.nonMigratable;
  }

  public Arch arch() {
    return arch;
  }

  public MapSource source() {
    return source;
  }

  /** The same map under another source (e.g. naming the libvirt it emulates). */
  CpuMap withSource(MapSource other) {
    return new CpuMap(this, other);
  }

  public List<Vendor> vendors() {
    return vendors;
  }

  public List<Feature> features() {
    return features;
  }

  public List<CpuModel> models() {
    return models;
  }

  // lookups of null find nothing

  public Optional<Vendor> vendor(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(vendorsByName.get(name));
  }

  public Optional<Feature> feature(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(featuresByName.get(name));
  }

  /** The feature that has this name as an alias (QEMU or Linux name), if any. */
  public Optional<Feature> featureByAlias(String alias) {
    return alias == null ? Optional.empty() : Optional.ofNullable(featuresByAlias.get(alias));
  }

  public Optional<CpuModel> model(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(modelsByName.get(name));
  }

  /** The bits of all features marked migratable='no' (invtsc, xsaves). */
  public Bits nonMigratableBits() {
    return nonMigratable;
  }

  /** The union of the named features' bits; the names must exist. */
  public Bits bitsOf(Collection<Feature> fs) {
    Bits.Builder b = new Bits.Builder();
    for (Feature f : fs) {
      b.or(f.bits());
    }
    return b.build();
  }

  /**
   * Every feature present in {@code data}, in map order, without subtraction (libvirt's
   * x86FeatureNames): a feature is present when all its bits are set.
   */
  public List<Feature> presentFeatures(Bits data) {
    List<Feature> out = new ArrayList<>();
    if (data.isEmpty()) {
      return out;
    }
    for (Feature f : features) {
      if (!f.bits().isEmpty() && data.containsAll(f.bits())) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The features of {@code data} in map order, removing each feature's bits once it is taken, so a
   * later feature sharing them is not listed again (libvirt's x86DataToCPUFeatures).
   */
  public List<Feature> takeFeatures(Bits data) {
    List<Feature> out = new ArrayList<>();
    if (data.isEmpty()) {
      return out;
    }
    // only a feature with a bit in data can be taken: those, in map order (a decode takes the
    // features of two sets per model, some 60 models, against the map's 300 features)
    Bits.Builder work = new Bits.Builder(data);
    for (int i : candidates(data)) {
      Feature f = features.get(i);
      if (work.containsAll(f.bits())) {
        out.add(f);
        work.andNot(f.bits());
      }
    }
    return out;
  }

  /** Per position of the bit space, the indexes of the features with that bit; made when needed. */
  private volatile int[][] featuresByBit;

  private static final int[] NONE = new int[0];

  /** The indexes of the features with a bit in data, ascending (with repeats). */
  private int[] candidates(Bits data) {
    int[][] byBit = featuresByBit;
    if (byBit == null) {
      byBit = indexByBit();
      featuresByBit = byBit; // a benign race: every thread builds the same index
    }
    int[] out = new int[16];
    int n = 0;
    for (int w = 0; w < data.wordCount() && w * 64 < byBit.length; w++) {
      for (long word = data.word(w); word != 0; word &= word - 1) {
        int position = w * 64 + Long.numberOfTrailingZeros(word);
        if (position >= byBit.length) {
          break;
        }
        for (int f : byBit[position]) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = f;
        }
      }
    }
    // map order; a feature with several bits in data comes more than once, and a second visit
    // takes nothing (its bits are gone, or were never all there)
    Arrays.sort(out, 0, n);
    return Arrays.copyOf(out, n);
  }

  private int[][] indexByBit() {
    int positions = 0;
    for (Feature f : features) {
      positions = Math.max(positions, f.bits().wordCount() * 64);
    }
    int[] counts = new int[positions];
    for (Feature f : features) {
      Bits b = f.bits();
      for (int w = 0; w < b.wordCount(); w++) {
        for (long word = b.word(w); word != 0; word &= word - 1) {
          counts[w * 64 + Long.numberOfTrailingZeros(word)]++;
        }
      }
    }
    int[][] index = new int[positions][];
    for (int p = 0; p < positions; p++) {
      index[p] = counts[p] == 0 ? NONE : new int[counts[p]];
      counts[p] = 0;
    }
    for (int i = 0; i < features.size(); i++) {
      Bits b = features.get(i).bits();
      for (int w = 0; w < b.wordCount(); w++) {
        for (long word = b.word(w); word != 0; word &= word - 1) {
          int p = w * 64 + Long.numberOfTrailingZeros(word);
          index[p][counts[p]++] = i;
        }
      }
    }
    return index;
  }
}
