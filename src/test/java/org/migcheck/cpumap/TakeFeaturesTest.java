package org.migcheck.cpumap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * takeFeatures visits only the features with a bit in the data's words: it takes the same
 * features, in the same order, as libvirt's walk over every feature (x86DataToCPUFeatures), on
 * every bundled map, for seeded sets of feature, model and stray bits.
 */
class TakeFeaturesTest {
  /** libvirt's walk: every feature in map order, each taken when all its bits are left. */
  private static List<Feature> everyFeature(CpuMap map, Bits data) {
    List<Feature> out = new ArrayList<>();
    Bits.Builder work = new Bits.Builder(data);
    for (Feature f : map.features()) {
      if (!f.bits().isEmpty() && work.containsAll(f.bits())) {
        out.add(f);
        work.andNot(f.bits());
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void takesWhatEveryFeatureWouldTake(long seed) {
    Random r = new Random(seed);
    for (String version : CpuMapLoader.bundledVersions()) {
      CpuMaps maps = CpuMapLoader.bundled(version);
      for (Arch arch : maps.arches()) {
        CpuMap map = maps.forArch(arch).orElseThrow();
        List<Feature> features = map.features();
        int top = 0;
        for (Feature f : features) {
          top = Math.max(top, f.bits().wordCount() * 64);
        }
        for (int n = 0; n < 60; n++) {
          Bits.Builder b = new Bits.Builder();
          int picks = r.nextInt(40);
          for (int i = 0; i < picks && !features.isEmpty(); i++) {
            b.or(features.get(r.nextInt(features.size())).bits());
          }
          if (r.nextBoolean() && !map.models().isEmpty()) {
            b.or(map.models().get(r.nextInt(map.models().size())).bits());
          }
          for (int i = r.nextInt(4); i > 0; i--) {
            b.set(r.nextInt(top + 128)); // bits of no feature, some past the last feature's word
          }
          Bits data = b.build();
          assertThat(map.takeFeatures(data))
              .as("%s %s, seed %d case %d", version, arch, seed, n)
              .isEqualTo(everyFeature(map, data));
        }
      }
    }
  }

  /**
   * The same on made-up maps whose features have one to three bits, shared between features and
   * in no order: the walk's order and its removal of taken bits decide what is taken.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void takesWhatEveryFeatureWouldTakeOnMadeUpMaps(long seed) {
    Random r = new Random(seed);
    MapSource src = new MapSource("path", "test", "split", null);
    for (int m = 0; m < 20; m++) {
      List<Feature> features = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int[] bits = new int[1 + r.nextInt(3)];
        for (int k = 0; k < bits.length; k++) {
          bits[k] = r.nextInt(300);
        }
        features.add(new Feature("f" + i, i, List.of(), List.of(), List.of(), List.of(), true,
            Bits.of(bits)));
      }
      CpuMap map = new CpuMap(Arch.X86, src, List.of(), features, List.of());
      for (int n = 0; n < 50; n++) {
        Bits.Builder b = new Bits.Builder();
        for (int i = r.nextInt(30); i > 0; i--) {
          b.set(r.nextInt(330));
        }
        Bits data = b.build();
        assertThat(map.takeFeatures(data))
            .as("seed %d map %d case %d", seed, m, n)
            .isEqualTo(everyFeature(map, data));
      }
    }
  }
}
