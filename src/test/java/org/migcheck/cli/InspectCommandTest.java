package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migcheck.testing.SharedData;

/** migcheck inspect: goldens for the samples and a non-x86 host, and what each report must say. */
class InspectCommandTest {

  @ParameterizedTest
  @CsvSource({
    "samples/skylake-a.xml, inspect-skylake-a",
    "samples/epyc-rome.xml, inspect-epyc-rome",
    "samples/skylake-a-domcaps.xml, inspect-skylake-a-domcaps",
    "samples/guest-custom.xml, inspect-guest-custom"
  })
  void samplesMatchTheirGoldens(String file, String golden) {
    checkGoldens(file, golden);
  }

  @Test
  void nonX86ReferenceFilesMatchTheirGoldens() {
    checkGoldens(SharedData.caps("vircaps-aarch64-basic-clusters.xml").toString(), "inspect-aarch64-caps");
    checkGoldens(SharedData.caps("qemu_10.0.0.ppc64.xml").toString(), "inspect-ppc64-domcaps");
  }

  private static void checkGoldens(String file, String golden) {
    CliRun text = CliRun.run("inspect", file);
    assertThat(text.exit()).as(text.toString()).isZero();
    assertThat(text.err()).isEmpty();
    // every line fits a terminal, except those naming a path (header, cpu_map)
    assertThat(text.out().lines().filter(l -> !l.startsWith("== ") && !l.startsWith("cpu_map ")))
        .allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(100));
    Golden.assertMatches(golden + ".txt", text.out());
    CliRun json = CliRun.run("inspect", "--format", "json", file);
    assertThat(json.exit()).as(json.toString()).isZero();
    Golden.assertMatches(golden + ".json", json.out());
  }

  @Test
  void hostReportLeadsWithTheEssentials() {
    String out = CliRun.run("inspect", "samples/skylake-a.xml").out();
    assertThat(out.lines().limit(6))
        .containsExactly(
            "== samples/skylake-a.xml: host capabilities",
            "CPU             x86_64 Intel Skylake-Server-IBRS (libvirt model)",
            "signature       family 6, model 85, stepping 4, microcode 0x2007006",
            "features        30 listed; 100 after expanding the model through the map",
            "x86-64 level    x86-64-v4",
            "topology        1 socket × 1 die × 20 cores × 2 threads per NUMA cell × 2 cells = 80"
                + " logical CPUs");
    assertThat(out)
        .contains("nested virt     yes (vmx")
        .contains("TSC             2394.374 MHz; scaling yes; invtsc yes")
        .contains("maxphysaddr     mode emulate, 46 bits")
        .contains("migration       live yes; URI transports tcp, rdma")
        .contains("aliases       pc → pc-i440fx-7.2, q35 → pc-q35-7.2")
        .contains("hugepages       1 GiB × 64 (64 GiB) over all cells")
        .endsWith("cpu_map         bundled cpu_map (libvirt 12.8.0)\n");
    assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  /** What a document leaves out is "not reported" (or the default), never "null". */
  @Test
  void absentValuesAreNamedNotNull(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws java.io.IOException {
    java.nio.file.Path dc = tmp.resolve("dc.xml");
    java.nio.file.Files.writeString(dc, "<domainCapabilities><domain>kvm</domain>"
        + "<arch>x86_64</arch></domainCapabilities>");
    java.nio.file.Path dom = tmp.resolve("dom.xml");
    java.nio.file.Files.writeString(dom, "<domain type='kvm'><name>g</name><memory>1048576</memory>"
        + "<os><type>hvm</type></os><cpu><topology sockets='2' dies='1' cores='4' threads='1'/>"
        + "</cpu></domain>");
    java.nio.file.Path caps = tmp.resolve("caps.xml");
    java.nio.file.Files.writeString(caps, java.nio.file.Files.readString(
            java.nio.file.Path.of("samples/skylake-a.xml"))
        .replace("<doi>0</doi>", ""));
    CliRun r = CliRun.run("inspect", dc.toString(), dom.toString(), caps.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain("null")
        .contains("emulator        not reported")
        .contains("machine not set (the hypervisor's default)")
        .contains("topology 2×1×4×1").contains("(sockets×dies×cores×threads)")
        .contains("apparmor (doi not reported)");
  }

  @Test
  void amdHostShowsSvmAsNestedVirtualization() {
    String out = CliRun.run("inspect", "samples/epyc-rome.xml").out();
    assertThat(out).contains("nested virt     yes (svm").contains("x86-64 level    x86-64-v3");
  }

  @Test
  void broadwellCannotScaleTsc() {
    assertThat(CliRun.run("inspect", "samples/broadwell.xml").out())
        .contains("TSC             2199.998 MHz; scaling no; invtsc yes");
  }

  @Test
  void domcapsShowHostModelAndModelUsability() {
    String out = CliRun.run("inspect", "samples/skylake-a-domcaps.xml").out();
    assertThat(out)
        .contains("host-model      Intel Skylake-Server-IBRS, fallback forbid")
        .contains("  maxphysaddr   mode passthrough, limit 46")
        .contains("  features      89 after expanding the model through the map")
        .contains("passthrough     supported; migratable on/off")
        .contains("usable (32)")
        .contains("unusable (21)   Cascadelake-Server,")
        .contains("not supported   gic, sev, sgx");
  }

  @Test
  void newerDomcapsReadWithTheDefaultMapAndSayWhichLibvirtWroteThem() {
    String file = SharedData.caps("qemu_9.2.0-q35.x86_64.xml").toString();
    CliRun bundled = CliRun.run("inspect", file);
    assertThat(bundled.exit()).as(bundled.toString()).isZero();
    assertThat(bundled.err()).isEmpty();
    assertThat(bundled.out())
        .contains("host-model      AMD EPYC-Rome, fallback forbid")
        .contains("written by      libvirt ≥ 11.3.0 (its CPU names)")
        .endsWith("cpu_map         bundled cpu_map (libvirt 12.8.0)\n");
  }

  @Test
  void inspectDegradesOnNamesItsLibvirtDoesNotKnowAndVerdictsReject() {
    String file = SharedData.caps("qemu_9.2.0-q35.x86_64.xml").toString();
    CliRun old = CliRun.run("inspect", "--libvirt", "9.0.0", file);
    assertThat(old.exit()).as(old.toString()).isZero();
    assertThat(old.out())
        .contains("not expanded: the bundled cpu_map (libvirt 9.0.0) does not know feature gds-no")
        .contains("host-model      AMD EPYC-Rome, fallback forbid")
        .contains("written by      libvirt ≥ 11.3.0");
    assertThat(old.err().lines())
        .singleElement()
        .asString()
        .startsWith("migcheck: warning: " + file + ": the bundled cpu_map (libvirt 9.0.0) does not know")
        .contains("feature gds-no (libvirt ≥ 11.3.0)");
    CliRun verdict = CliRun.run("compare", "--libvirt", "9.0.0", file, file);
    assertThat(verdict.exit()).as(verdict.toString()).isEqualTo(2);
    assertThat(verdict.err()).contains("gds-no").contains("try --libvirt 11.3.0 or newer");
  }

  @Test
  void anUnknownPpc64ModelIsFlagged() throws java.io.IOException {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("power42", ".xml");
    java.nio.file.Files.writeString(
        f, "<cpu><arch>ppc64le</arch><model>POWER42</model><vendor>IBM</vendor></cpu>");
    CliRun r = CliRun.run("inspect", f.toString());
    java.nio.file.Files.delete(f);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("does not know model POWER42 (none");
    assertThat(r.err()).contains("warning").contains("POWER42 (none bundled)");
  }

  @Test
  void newerDomcapsShowBlockersWithAnotherMap() {
    String file = SharedData.caps("qemu_9.2.0-q35.x86_64.xml").toString();
    CliRun latest =
        CliRun.run("inspect", "--cpu-map", SharedData.latestCpuMap().toString(), file);
    assertThat(latest.exit()).as(latest.toString()).isZero();
    assertThat(latest.out())
        .contains("host-model      AMD EPYC-Rome, fallback forbid")
        .contains("  disable       xsaves")
        .contains("Broadwell-noTSX (erms invpcid pcid),")
        .contains("cpu_map         cpu_map " + SharedData.latestCpuMap());
    // the line wraps where the path's length puts it
    assertThat(latest.out().replaceAll("\\s+", " ")).contains("(emulating libvirt 12.8.0)");
    assertThat(latest.out().lines().filter(l -> !l.startsWith("== ") && !l.startsWith("cpu_map ")))
        .allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(100));
  }

  @Test
  void deprecatedMachinesAndModelsAreFlagged() {
    String out = CliRun.run("inspect", SharedData.caps("qemu_6.2.0-q35.x86_64.xml").toString()).out();
    assertThat(out).contains("[deprecated]");
  }

  @Test
  void s390xWorksWithoutACpuMap() {
    CliRun r = CliRun.run("inspect", SharedData.caps("qemu_11.0.0.s390x.xml").toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("no cpu_map for s390x");
  }

  @Test
  void jsonHasAStableTopLevelShape() {
    String out = CliRun.run("inspect", "--format", "json", "samples/skylake-a.xml").out();
    assertThat(out).startsWith("{\n  \"cpuMap\": \"bundled cpu_map (libvirt 12.8.0)\",\n  \"documents\": [\n");
    assertThat(out)
        .contains("\"kind\": \"capabilities\"")
        .contains("\"expandedFeatureCount\": 100")
        .contains("\"nestedVirtualization\": true")
        .contains("\"logicalCpus\": 80");
  }

  @Test
  void filesDirectoriesAndStdinAreInspectedInOrder(@TempDir Path dir) throws IOException {
    Files.copy(Path.of("samples/skylake-b.xml"), dir.resolve("b.xml"));
    Files.copy(Path.of("samples/broadwell.xml"), dir.resolve("a.xml"));
    String concatenated =
        Files.readString(Path.of("samples/epyc-rome.xml"))
            + Files.readString(Path.of("samples/guest-host-model.xml"));
    CliRun r = CliRun.runWithStdin(concatenated, "inspect", "samples/cascadelake.xml", dir.toString(), "-");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("== ")))
        .containsExactly(
            "== samples/cascadelake.xml: host capabilities",
            "== " + dir.resolve("a.xml") + ": host capabilities",
            "== " + dir.resolve("b.xml") + ": host capabilities",
            "== <stdin>#1: host capabilities",
            "== <stdin>#2: domain build-runner07");
    assertThat(r.out().lines().filter(l -> l.startsWith("cpu_map "))).hasSize(5);
  }

  @Test
  void outputFileGetsTheReport(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("report.json");
    CliRun r = CliRun.run("inspect", "--format", "json", "-o", target.toString(), "samples/skylake-a.xml");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo(CliRun.run("inspect", "--format", "json", "samples/skylake-a.xml").out());
  }

  @Test
  void machinesAreInNaturalOrderAndAliasesKeepTheirCanonicalName() {
    String out = CliRun.run("inspect", "--format", "json", "samples/skylake-a.xml").out();
    assertThat(out.indexOf("\"name\": \"pc-q35-2.9\""))
        .isPositive()
        .isLessThan(out.indexOf("\"name\": \"pc-q35-2.10\""));
    assertThat(out.indexOf("\"name\": \"pc-q35-4.0\""))
        .isLessThan(out.indexOf("\"name\": \"pc-q35-4.0.1\""));
    assertThat(out)
        .contains("\"name\": \"q35\",\n              \"canonical\": \"pc-q35-7.2\"");
  }

  @Test
  void guestsShowWhatTheyAskOfTheirHost() {
    String out = CliRun.run("inspect", "samples/guest-passthrough.xml", "samples/guest-custom.xml").out();
    assertThat(out)
        .contains("CPU             mode host-passthrough, check none, migratable on, topology 1×1×8×2")
        .contains("clock           offset utc; TSC timer frequency 2394.374 MHz")
        .contains("  features      require pku, require ssbd, disable hle, disable rtm")
        .contains("memory          16 GiB")
        .contains("seclabels       dynamic apparmor (relabel yes)")
        .contains("hugepages       yes, 1 GiB");
  }

  @Test
  void bareCpuDocumentsAreExpanded() {
    // libvirt's Haswell models lack abm and f16c, so only listing them reaches x86-64-v3
    CliRun r =
        CliRun.runWithStdin(
            "<cpu><arch>x86_64</arch><model>Haswell-noTSX</model><vendor>Intel</vendor>"
                + "<feature name='vmx'/><feature name='abm'/><feature name='f16c'/></cpu>",
            "inspect", "-");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("== <stdin>: host <cpu>")
        .contains("CPU             x86_64 Intel Haswell-noTSX")
        .contains("listed          vmx, abm, f16c")
        .contains("features        51 after expanding the model through the map")
        .contains("x86-64 level    x86-64-v3");
  }
}
