package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.FeaturePolicy;

/**
 * A baseline computes each distinct CPU's features once ({@link CpuDef#sameButSource}): a CPU
 * that differs from one seen before in anything but its source, however little, must count as
 * itself. Seeded lists of near twins (one feature more or less, another vendor, model or policy)
 * in any order must give what the same list gives with every CPU its own (a shuffled copy of
 * distinct CPUs, whose first is the same).
 */
class BaselineRepeatsTest {
  private static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));

  private static final List<String> FEATURES =
      List.of("vmx", "pdpe1gb", "invtsc", "avx512f", "pku", "tsc_adjust", "ssbd", "md-clear");

  private static CpuDef host(String model, List<String> features, String source) {
    return CpuDef.host("x86_64", model, "Intel", features, source);
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 100).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void repeatsAndNearTwinsGiveTheBaselineOfTheirDistinctCpus(int seed) {
    Random r = new Random(seed);
    List<CpuDef> distinct = new ArrayList<>();
    String[] models = {"Skylake-Server-IBRS", "Cascadelake-Server", "Skylake-Client-IBRS"};
    for (int i = 0; i < 1 + r.nextInt(5); i++) {
      List<String> f = new ArrayList<>();
      for (String name : FEATURES) {
        if (r.nextBoolean()) {
          f.add(name);
        }
      }
      distinct.add(host(models[r.nextInt(models.length)], f, "d" + i));
    }
    List<CpuDef> repeated = new ArrayList<>(List.of(distinct.get(0)));
    for (int i = 0; i < 20 + r.nextInt(40); i++) {
      CpuDef c = distinct.get(r.nextInt(distinct.size()));
      repeated.add(c.withSource("r" + i)); // the same CPU from another host
    }
    CpuDef got = ENGINE.baseline(repeated, new BaselineOptions(false, false));
    CpuDef gotExpanded = ENGINE.baseline(repeated, new BaselineOptions(true, false));
    CpuDef want = ENGINE.baseline(distinct, new BaselineOptions(false, false));
    CpuDef wantExpanded = ENGINE.baseline(distinct, new BaselineOptions(true, false));
    assertThat(got.withSource(null)).as("seed %d", seed).isEqualTo(want.withSource(null));
    assertThat(gotExpanded.withSource(null)).isEqualTo(wantExpanded.withSource(null));
  }

  @Test
  void aNearTwinIsNotTakenForTheCpuBeforeIt() {
    CpuDef a = host("Skylake-Server-IBRS", List.of("vmx", "invtsc"), "a");
    // one feature fewer, after the same CPU twice: the baseline must lose it
    CpuDef b = host("Skylake-Server-IBRS", List.of("invtsc"), "b");
    BaselineOptions features = new BaselineOptions(true, false);
    CpuDef out = ENGINE.baseline(List.of(a, a.withSource("a2"), b), features);
    assertThat(out.features()).extracting(CpuFeature::name).contains("invtsc")
        .doesNotContain("vmx");
    assertThat(ENGINE.baseline(List.of(a, a.withSource("a2")), features).features())
        .extracting(CpuFeature::name).contains("vmx", "invtsc");
  }

  @Test
  void onlyTheSourceMayDiffer() {
    CpuDef a = host("Skylake-Server-IBRS", List.of("pdpe1gb", "invtsc"), "a");
    assertThat(a.sameButSource(a.withSource("b"))).isTrue();
    assertThat(a.sameButSource(
        host("Skylake-Server-IBRS", new ArrayList<>(List.of("pdpe1gb", "invtsc")), "c"))).isTrue();
    assertThat(a.sameButSource(host("Skylake-Server-IBRS", List.of("invtsc"), "a")))
        .isFalse();
    assertThat(a.sameButSource(
        host("Skylake-Server-IBRS", List.of("invtsc", "pdpe1gb"), "a"))).isFalse();
    assertThat(a.sameButSource(host("Cascadelake-Server", List.of("pdpe1gb", "invtsc"),
        "a"))).isFalse();
    assertThat(a.sameButSource(a.withVendor(null))).isFalse();
    assertThat(a.sameButSource(a.withArch("i686"))).isFalse();
    assertThat(a.sameButSource(a.withFeatures(List.of(
        new CpuFeature("pdpe1gb", FeaturePolicy.DISABLE), new CpuFeature("invtsc", null)))))
        .isFalse();
  }

  /**
   * The first CPU's own turn skips the check of its vendor against its model's: libvirt makes it
   * on the second CPU, so a twin of the first is checked all the same.
   */
  @Test
  void aTwinOfTheFirstCpuIsChecked() {
    CpuDef odd = CpuDef.host("x86_64", "Skylake-Server-IBRS", "AMD", List.of(), "odd");
    ENGINE.baseline(List.of(odd), new BaselineOptions(false, false));
    assertThatThrownBy(() -> ENGINE.baseline(List.of(odd, odd.withSource("twin")),
        new BaselineOptions(false, false)))
        .isInstanceOf(CpuError.class)
        .hasMessageContaining("differs from vendor AMD")
        .satisfies(e -> assertThat(((CpuError) e).source()).isEqualTo("twin"));
  }

  @Test
  void aRepeatStillMeetsTheVendorCheck() {
    CpuDef intel = host("Skylake-Server-IBRS", List.of(), "intel");
    CpuDef amd = CpuDef.host("x86_64", "EPYC", "AMD", List.of(), "amd");
    assertThatThrownBy(() -> ENGINE.baseline(List.of(intel, intel.withSource("again"), amd,
        intel.withSource("late")), new BaselineOptions(false, false)))
        .isInstanceOf(CpuError.class)
        .satisfies(e -> assertThat(((CpuError) e).source()).isEqualTo("amd"));
  }
}
