package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.migcheck.verdict.Fixtures.host;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.engine.CpuError;
import org.migcheck.engine.Verdict;
import org.migcheck.engine.X86Level;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;

class SuggesterTest {
  static final List<String> INTEL =
      List.of("skylake-a", "cascadelake", "icelake-notsx", "broadwell", "coffeelake-e2288g");

  private static List<Host> hosts(List<String> names) {
    return names.stream().map(Fixtures::host).toList();
  }

  private static Suggestion suggest(List<String> names, SuggestOptions o) {
    return Fixtures.SUGGESTER.suggest(hosts(names), o);
  }

  private static List<String> names(List<CpuFeature> fs, FeaturePolicy p) {
    return fs.stream().filter(f -> f.policy() == p).map(CpuFeature::name).toList();
  }

  @Test
  void theIntelSamplesShareABroadwellWithoutTsx() {
    Suggestion s = suggest(INTEL, SuggestOptions.DEFAULT);
    assertThat(s.ok()).isTrue();
    assertThat(s.method()).isEqualTo("baseline");
    assertThat(s.cpu().model()).isEqualTo("Broadwell-noTSX-IBRS");
    assertThat(s.cpu().fallback()).isEqualTo(Fallback.FORBID);
    assertThat(s.cpu().check()).isEqualTo(CpuCheck.PARTIAL);
    assertThat(s.physBits()).isEqualTo(39);
    assertThat(s.level()).isEqualTo(X86Level.V3);
    assertThat(s.hosts()).extracting(Suggestion.HostFit::level)
        .containsExactly(X86Level.V4, X86Level.V4, X86Level.V4, X86Level.V3, X86Level.V3);
    assertThat(s.hosts()).allSatisfy(f -> assertThat(f.fits()).isTrue());
    // invtsc blocks migration: every host has it, the suggestion leaves it out
    assertThat(s.unused()).containsExactly("invtsc");
    assertThat(s.tscAdvice()).singleElement().satisfies(a -> assertThat(a)
        .contains("broadwell cannot scale", "frequency='2199998000'"));
  }

  @Test
  void oneHostGetsItsOwnModelForbiddingFallback() {
    Suggestion s = suggest(List.of("cascadelake"), SuggestOptions.DEFAULT);
    // the host-model names Cooperlake with two features disabled; usable='no' there, for those
    assertThat(s.cpu().model()).isEqualTo("Cooperlake");
    assertThat(names(s.cpu().features(), FeaturePolicy.DISABLE))
        .contains("avx512-bf16", "taa-no");
    assertThat(s.ok()).isTrue();
    assertThat(s.hosts().get(0).verdict()).isEqualTo(Verdict.SUPERSET);
  }

  @Test
  void aPinnedModelNamesTheHostsThatCannotRunIt() {
    Suggestion s = suggest(List.of("skylake-a", "cascadelake", "icelake-notsx"),
        new SuggestOptions("Skylake-Server-IBRS", false, List.of(), null));
    assertThat(s.ok()).isFalse();
    assertThat(s.method()).isEqualTo("model Skylake-Server-IBRS");
    assertThat(s.problems()).containsExactly("icelake-notsx cannot run it: Host CPU does not"
        + " provide required features: hle, rtm");
    assertThat(s.hosts().get(2).missing()).containsExactly("hle", "rtm");

    // without TSX it fits all three: the model's hle and rtm are disabled
    Suggestion noTsx = suggest(List.of("skylake-a", "cascadelake", "icelake-notsx"),
        new SuggestOptions("Skylake-Server-IBRS", false, List.of("hle", "rtm"), null));
    assertThat(noTsx.ok()).as(noTsx.problems().toString()).isTrue();
    assertThat(names(noTsx.cpu().features(), FeaturePolicy.DISABLE)).containsExactly("hle", "rtm");
    assertThat(noTsx.notes()).contains("Skylake-Server-IBRS has hle, rtm: disabled (--without)");
  }

  @Test
  void withoutDropsRequiredExtrasToo() {
    Suggestion s = suggest(List.of("skylake-a", "skylake-b"),
        new SuggestOptions(null, false, List.of("pku", "avx512vnni"), null));
    assertThat(s.ok()).isTrue();
    assertThat(s.cpu().features()).extracting(CpuFeature::name).doesNotContain("pku");
    assertThat(s.unused()).contains("pku");
    assertThat(s.notes()).contains("avx512vnni: not in the suggestion anyway (--without)");
  }

  @Test
  void namedPicksTheNewestModelEveryHostRunsWhole() {
    Suggestion s = suggest(List.of("skylake-a", "cascadelake"),
        new SuggestOptions(null, true, List.of(), null));
    assertThat(s.ok()).isTrue();
    assertThat(s.method()).isEqualTo("named");
    assertThat(s.cpu().model()).isEqualTo("Skylake-Server-IBRS");
    assertThat(names(s.cpu().features(), FeaturePolicy.DISABLE)).isEmpty();
    // the TSX-less host rules out every model with TSX
    Suggestion withIcx = suggest(List.of("skylake-a", "icelake-notsx"),
        new SuggestOptions(null, true, List.of(), null));
    assertThat(withIcx.cpu().model()).isEqualTo("Broadwell-noTSX-IBRS");
    assertThat(names(withIcx.cpu().features(), FeaturePolicy.DISABLE)).isEmpty();
    Suggestion mixed = suggest(List.of("skylake-a", "epyc-rome"),
        new SuggestOptions(null, true, List.of(), null));
    assertThat(mixed.ok()).isFalse();
    assertThat(mixed.problems().get(0)).contains("different vendors");
  }

  @Test
  void requiredLevel() {
    Suggestion v4 = suggest(INTEL, new SuggestOptions(null, false, List.of(), X86Level.V4));
    assertThat(v4.ok()).isFalse();
    assertThat(v4.problems()).singleElement().satisfies(p -> assertThat(p)
        .startsWith("the suggestion is x86-64-v3, below the required x86-64-v4 (it lacks avx512f"));
    assertThat(suggest(INTEL, new SuggestOptions(null, false, List.of(), X86Level.V3)).ok())
        .isTrue();
  }

  @Test
  void unknownNamesAreBadInput() {
    assertThatThrownBy(() -> suggest(List.of("skylake-a"),
        new SuggestOptions("Skylake-Turbo", false, List.of(), null)))
        .isInstanceOf(CpuError.class).hasMessageContaining("Unknown CPU model Skylake-Turbo");
    assertThatThrownBy(() -> suggest(List.of("skylake-a"),
        new SuggestOptions(null, false, List.of("tsx"), null)))
        .isInstanceOf(CpuError.class).hasMessageContaining("Unknown CPU feature tsx");
  }

  @Test
  void tscAdviceWhenNoRateSuitsEveryHost() {
    Host bdw = host("broadwell");
    Host slow = new Host("slow", Fixtures.capsOnly("coffeelake-e2288g").caps(), null);
    // coffeelake scales: pin broadwell's rate
    assertThat(Suggester.tscAdvice(List.of(bdw, slow))).singleElement()
        .satisfies(a -> assertThat(a).contains("slow scale to it"));
    assertThat(Suggester.tscAdvice(List.of(host("skylake-a"), host("cascadelake")))).isEmpty();
    assertThat(Suggester.tscAdvice(List.of(bdw, TestHosts.withTsc(host("skylake-b"), false))))
        .singleElement().satisfies(a -> assertThat(a)
            .startsWith("no TSC frequency suits every host: broadwell 2199.998 MHz, skylake-b"));
  }
}
