package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuType;
import org.migcheck.model.CpuXml;
import org.migcheck.testing.SharedData;
import org.migcheck.testing.Virsh;

/**
 * The baseline golden cases in src/test/resources/golden/baseline (made with virsh 9.0.0): migcheck
 * must print them byte for byte, and, where virsh is installed, virsh must still agree.
 */
class GoldenBaselineTest {
  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  static final Path DIR = SharedData.repo().resolve("src/test/resources/golden/baseline");

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path input : files.sorted().toList()) {
        String name = input.getFileName().toString();
        if (!name.endsWith(".xml") || name.matches(".*-(result|expanded)\\.xml")) {
          continue;
        }
        String base = name.substring(0, name.length() - 4);
        for (String kind : List.of("result", "expanded")) {
          Path xml = DIR.resolve(base + "-" + kind + ".xml");
          Path err = DIR.resolve(base + "-" + kind + ".err");
          if (Files.exists(xml) || Files.exists(err)) {
            tests.add(
                DynamicTest.dynamicTest(
                    base + " " + kind, () -> check(input, kind.equals("expanded"), xml, err)));
          }
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(15);
    return tests.stream();
  }

  static void check(Path input, boolean expand, Path xml, Path err) throws IOException {
    List<CpuDef> cpus = new InputReader().extractCpus(input.toString(), CpuType.HOST);
    BaselineOptions opts = new BaselineOptions(expand, false);
    if (Files.exists(xml)) {
      String expected = Files.readString(xml);
      assertThat(CpuXml.format(ENGINE.baseline(cpus, opts))).isEqualTo(expected);
      ifVirsh(input, expand, r -> assertThat(Virsh.withoutTrailingBlankLine(r.stdout())).isEqualTo(expected));
    } else {
      String libvirtError = Files.readString(err).strip().replaceFirst("^error: [a-z ]+: ", "");
      assertThatThrownBy(() -> ENGINE.baseline(cpus, opts))
          .isInstanceOf(CpuError.class)
          .satisfies(e -> assertThat(e.getMessage()).startsWith(libvirtError));
      ifVirsh(input, expand, r -> assertThat(r.stderr()).contains(libvirtError));
    }
  }

  static void ifVirsh(Path input, boolean expand, java.util.function.Consumer<Virsh.Result> check) {
    Path virsh = Virsh.find();
    if (virsh == null && !SharedData.inCi()) {
      return; // the stored files still check migcheck
    }
    Virsh.require();
    check.accept(
        expand
            ? Virsh.run(virsh, "cpu-baseline", "--features", input.toString())
            : Virsh.run(virsh, "cpu-baseline", input.toString()));
  }
}
