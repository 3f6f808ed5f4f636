package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuXml;
import org.migcheck.testing.Virsh;

/**
 * migcheck's baseline against the real libvirt 9.0.0 on seeded random host sets: the output must
 * be byte-identical, and where virsh fails migcheck must fail with libvirt's message.
 */
class VirshBaselineDifferentialTest {
  static final int CASES = 600;
  static CpuEngine engine;
  static CpuMap map;
  static Path virsh;

  @TempDir static Path tmp;

  static final AtomicInteger ok = new AtomicInteger();
  static final AtomicInteger failed = new AtomicInteger();
  static final AtomicInteger forbid = new AtomicInteger();
  static final AtomicInteger disables = new AtomicInteger();

  @BeforeAll
  static void setUp() {
    virsh = Virsh.require();
    engine = new CpuEngine(CpuMapLoader.bundled());
    map = engine.maps().forArch(Arch.X86).orElseThrow();
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, CASES).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void baselineMatchesVirsh(int seed) throws IOException {
    RandomHosts gen = new RandomHosts(map, 1000L + seed);
    List<CpuDef> hosts = gen.hostSet();
    boolean expand = gen.random().nextBoolean();
    Path file = tmp.resolve("hosts-" + seed + ".xml");
    Files.writeString(file, hosts.stream().map(CpuXml::format).collect(Collectors.joining()));
    Virsh.Result r =
        expand
            ? Virsh.run(virsh, "cpu-baseline", "--features", file.toString())
            : Virsh.run(virsh, "cpu-baseline", file.toString());
    BaselineOptions opts = new BaselineOptions(expand, false);
    String input = Files.readString(file);
    if (r.exit() == 0) {
      CpuDef ours;
      try {
        ours = engine.baseline(hosts, opts);
      } catch (CpuError e) {
        fail("virsh succeeded but migcheck failed: " + e.getMessage() + "\ninput:\n" + input);
        return;
      }
      ok.incrementAndGet();
      if (r.stdout().contains("fallback='forbid'")) {
        forbid.incrementAndGet();
      }
      if (r.stdout().contains("policy='disable'")) {
        disables.incrementAndGet();
      }
      assertThat(CpuXml.format(ours))
          .as("baseline of\n%s", input)
          .isEqualTo(Virsh.withoutTrailingBlankLine(r.stdout()));
    } else {
      failed.incrementAndGet();
      assertThatThrownBy(() -> engine.baseline(hosts, opts))
          .as("virsh failed with %s for\n%s", r.stderr(), input)
          .isInstanceOf(CpuError.class)
          .satisfies(e -> assertThat(r.stderr()).contains(libvirtPart(e.getMessage())));
    }
  }

  /** The random inputs must exercise both outcomes and the interesting paths. */
  @AfterAll
  static void coverage() {
    if (ok.get() + failed.get() < CASES) {
      return; // a filtered run
    }
    assertThat(ok.get()).as("successful baselines").isGreaterThan(CASES / 2);
    assertThat(failed.get()).as("baselines libvirt rejects").isGreaterThan(CASES / 20);
    assertThat(forbid.get()).as("fallback forbid results").isGreaterThan(CASES / 20);
    assertThat(disables.get()).as("results with disabled features").isGreaterThan(CASES / 20);
  }

  /** Our messages add a hint in parentheses after libvirt's text. */
  static String libvirtPart(String message) {
    int i = message.indexOf(" (");
    return i < 0 ? message : message.substring(0, i);
  }
}
