package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuXml;
import org.migcheck.testing.Virsh;

/**
 * migcheck's baseline against real virsh on seeded random host sets, per libvirt version with
 * that version's bundled map (what {@code --libvirt VERSION} uses): 9.0.0 is the installed virsh,
 * 7.0.0 and 11.3.0 are the oracles .ci/oracles.sh fetches. The output must be byte-identical, and
 * where virsh fails migcheck must fail with libvirt's message. The 7.0.0 and 11.3.0 sets lean on
 * the models and features that changed between versions and on the newest models.
 */
class VirshBaselineDifferentialTest {
  /** Cases per version and build; half plain, half --features (by the seed). */
  static final Map<String, Integer> CASES = Map.of("7.0.0", 300, "9.0.0", 600, "11.3.0", 300);

  @TempDir static Path tmp;

  /** One version's oracle, engine and outcome counters. */
  static final class Oracle {
    final List<String> virsh;
    final CpuEngine engine;
    final CpuMap map;
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger forbid = new AtomicInteger();
    final AtomicInteger disables = new AtomicInteger();
    final AtomicInteger expanded = new AtomicInteger();

    Oracle(String version) {
      this.virsh = Virsh.requireOracle(version);
      this.engine = new CpuEngine(CpuMapLoader.forLibvirt(version, "test"));
      this.map = engine.maps().forArch(Arch.X86).orElseThrow();
    }
  }

  static final Map<String, Oracle> ORACLES = new ConcurrentHashMap<>();

  static Oracle oracle(String version) {
    return ORACLES.computeIfAbsent(version, Oracle::new);
  }

  static Stream<Arguments> cases() {
    return Stream.of("7.0.0", "9.0.0", "11.3.0")
        .flatMap(v -> IntStream.range(0, CASES.get(v)).mapToObj(seed -> Arguments.of(v, seed)));
  }

  @ParameterizedTest(name = "libvirt {0} seed {1}")
  @MethodSource("cases")
  void baselineMatchesVirsh(String version, int seed) throws IOException {
    Oracle o = oracle(version);
    boolean nine = version.equals("9.0.0");
    // 9.0.0 keeps the seeds and mix it always had; the others add the changed and newest models
    RandomHosts gen = new RandomHosts(o.map, (nine ? 1000L : 7000L) + seed, !nine);
    List<CpuDef> hosts = gen.hostSet();
    boolean expand = nine ? gen.random().nextBoolean() : seed % 2 == 1;
    Path file = tmp.resolve("hosts-" + version + "-" + seed + ".xml");
    Files.writeString(file, hosts.stream().map(CpuXml::format).collect(Collectors.joining()));
    Virsh.Result r =
        expand
            ? Virsh.run(o.virsh, "cpu-baseline", "--features", file.toString())
            : Virsh.run(o.virsh, "cpu-baseline", file.toString());
    BaselineOptions opts = new BaselineOptions(expand, false);
    String input = Files.readString(file);
    if (r.exit() == 0) {
      CpuDef ours;
      try {
        ours = o.engine.baseline(hosts, opts);
      } catch (CpuError e) {
        fail("virsh %s succeeded but migcheck failed: %s%ninput:%n%s", version, e.getMessage(), input);
        return;
      }
      o.ok.incrementAndGet();
      if (expand) {
        o.expanded.incrementAndGet();
      }
      if (r.stdout().contains("fallback='forbid'")) {
        o.forbid.incrementAndGet();
      }
      if (r.stdout().contains("policy='disable'")) {
        o.disables.incrementAndGet();
      }
      assertThat(CpuXml.format(ours))
          .as("libvirt %s baseline of%n%s", version, input)
          .isEqualTo(Virsh.withoutTrailingBlankLine(r.stdout()));
    } else {
      o.failed.incrementAndGet();
      assertThatThrownBy(() -> o.engine.baseline(hosts, opts))
          .as("virsh %s failed with %s for%n%s", version, r.stderr(), input)
          .isInstanceOf(CpuError.class)
          .satisfies(e -> assertThat(r.stderr()).contains(libvirtPart(e.getMessage())));
    }
  }

  /** The random inputs must exercise both outcomes and the interesting paths, per version. */
  @AfterAll
  static void coverage() {
    ORACLES.forEach(
        (version, o) -> {
          int cases = CASES.get(version);
          if (o.ok.get() + o.failed.get() < cases) {
            return; // a filtered run
          }
          assertThat(o.ok.get()).as("%s successful baselines", version).isGreaterThan(cases / 2);
          assertThat(o.failed.get()).as("%s baselines libvirt rejects", version).isGreaterThan(cases / 20);
          assertThat(o.forbid.get()).as("%s fallback forbid results", version).isGreaterThan(cases / 20);
          assertThat(o.disables.get()).as("%s results with disabled features", version).isGreaterThan(cases / 20);
          assertThat(o.expanded.get()).as("%s --features results", version).isGreaterThan(cases / 5);
        });
  }

  /** Our messages add a hint in parentheses after libvirt's text. */
  static String libvirtPart(String message) {
    int i = message.indexOf(" (");
    return i < 0 ? message : message.substring(0, i);
  }
}
