package org.migcheck.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.Feature;
import org.migcheck.model.CpuDef;

/**
 * What each of two CPUs has that the other lacks, after full expansion through the map (never
 * a diff of the listed {@code <feature>} elements, which omit what the model implies).
 */
public record FeatureDiff(
    CpuDef a,
    CpuDef b,
    boolean vendorDiffers,
    boolean modelDiffers,
    List<Entry> onlyA,
    List<Entry> onlyB,
    int expandedA,
    int expandedB) {

  /** One feature present on one side only. */
  public record Entry(Feature feature, FeatureCategory category) {
    public String name() {
      return feature.name();
    }

    /** libvirt marks it migratable='no' (invtsc, xsaves): guests using it cannot migrate. */
    public boolean blocksMigration() {
      return !feature.migratable();
    }
  }

  public FeatureDiff {
    onlyA = List.copyOf(onlyA);
    onlyB = List.copyOf(onlyB);
  }

  public boolean identical() {
    return onlyA.isEmpty() && onlyB.isEmpty() && !vendorDiffers;
  }

  /** Features a guest using all of A's CPU would lose on B (A→B). */
  public List<Entry> lostMovingAtoB() {
    return onlyA;
  }

  public List<Entry> lostMovingBtoA() {
    return onlyB;
  }

  public static Map<FeatureCategory, List<Entry>> byCategory(List<Entry> entries) {
    Map<FeatureCategory, List<Entry>> m = new EnumMap<>(FeatureCategory.class);
    for (Entry e : entries) {
      m.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }

  /** Diffs two x86 CPUs through the driver's map. */
  public static FeatureDiff of(X86Driver driver, CpuDef a, CpuDef b) {
    Bits bitsA = driver.effectiveBits(a);
    Bits bitsB = driver.effectiveBits(b);
    return new FeatureDiff(
        a,
        b,
        !Objects.equals(a.vendor(), b.vendor()),
        !Objects.equals(a.model(), b.model()),
        entries(driver, bitsA.andNot(bitsB)),
        entries(driver, bitsB.andNot(bitsA)),
        driver.map().presentFeatures(bitsA).size(),
        driver.map().presentFeatures(bitsB).size());
  }

  private static List<Entry> entries(X86Driver driver, Bits bits) {
    List<Entry> out = new ArrayList<>();
    for (Feature f : driver.map().presentFeatures(bits)) {
      out.add(new Entry(f, FeatureCategory.of(f.name())));
    }
    return out;
  }
}
