package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuXml;
import org.migcheck.testing.Virsh;

/**
 * What a baseline says when a vendor or model is not in the map, for the first CPU and for a later
 * one: libvirt's words (virCPUx86Baseline's "Unknown CPU vendor", x86ModelFromCPU's "Unknown CPU
 * model"), checked against virsh 9.0.0 on the same CPUs, naming the CPU they came from; and
 * migcheck's own for an arch it has no driver for.
 */
class BaselineLookupErrorsTest {
  @TempDir Path tmp;

  private static CpuDef host(String model, String vendor, String source) {
    return CpuDef.host("x86_64", model, vendor, List.of(), source);
  }

  /** Fails like virsh cpu-baseline on the same CPUs, naming {@code source}. */
  private void failsLikeVirsh(List<CpuDef> cpus, String message, String source) throws IOException {
    VirshBaselineDifferentialTest.Oracle o = VirshBaselineDifferentialTest.oracle("9.0.0");
    Path file = tmp.resolve("cpus.xml");
    StringBuilder xml = new StringBuilder();
    cpus.forEach(c -> xml.append(CpuXml.format(c)));
    Files.writeString(file, xml);
    Virsh.Result r = Virsh.run(o.virsh, "cpu-baseline", file.toString());
    assertThat(r.exit()).as("virsh on%n%s", xml).isNotZero();
    assertThat(r.stderr()).contains(message);
    assertThatThrownBy(() -> o.engine.baseline(cpus, new BaselineOptions(false, false)))
        .isInstanceOf(CpuError.class)
        .satisfies(e -> assertThat(r.stderr())
            .contains(VirshBaselineDifferentialTest.libvirtPart(e.getMessage())))
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((CpuError) e).source()).isEqualTo(source));
  }

  @Test
  void anUnknownVendorOfTheFirstCpu() throws IOException {
    failsLikeVirsh(List.of(host("Skylake-Client", "Acme", "first"),
        host("Skylake-Client", "Intel", "intel")), "Unknown CPU vendor Acme", "first");
  }

  @Test
  void anUnknownVendorOfALaterCpu() throws IOException {
    // no CPU before it named a vendor, and its model has none to differ from
    failsLikeVirsh(List.of(CpuDef.host("x86_64", "qemu64", null, List.of(), "novendor"),
        host("qemu64", "Acme", "later")), "Unknown CPU vendor Acme", "later");
  }

  @Test
  void anUnknownModel() throws IOException {
    failsLikeVirsh(List.of(host("Skylake-Client", "Intel", "a"),
        host("Skylake-Nonesuch", "Intel", "b")), "Unknown CPU model Skylake-Nonesuch", "b");
  }

  @Test
  void anArchWithoutADriver() {
    CpuEngine engine = new CpuEngine(org.migcheck.cpumap.CpuMapLoader.bundled("9.0.0"));
    CpuDef sparc = CpuDef.host("sparc64", "UltraSparc", null, List.of(), "sparc");
    assertThatThrownBy(() -> engine.baseline(List.of(sparc), new BaselineOptions(false, false)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no CPU driver for architecture sparc64");
  }
}
