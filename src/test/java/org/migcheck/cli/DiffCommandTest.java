package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migcheck.testing.SharedData;

/** migcheck diff: goldens for the sample pairs, exit statuses and the non-x86 refusal. */
class DiffCommandTest {

  @ParameterizedTest
  @CsvSource({
    "skylake-a, cascadelake, 1",
    "skylake-a, skylake-b, 0",
    "skylake-a, epyc-rome, 1"
  })
  void samplePairsMatchTheirGoldens(String a, String b, int exit) {
    String[] files = {"samples/" + a + ".xml", "samples/" + b + ".xml"};
    CliRun text = CliRun.run("diff", files[0], files[1]);
    assertThat(text.exit()).as(text.toString()).isEqualTo(exit);
    assertThat(text.err()).isEmpty();
    Golden.assertMatches("diff-" + a + "-" + b + ".txt", text.out());
    CliRun json = CliRun.run("diff", "--format", "json", files[0], files[1]);
    assertThat(json.exit()).as(json.toString()).isEqualTo(exit);
    Golden.assertMatches("diff-" + a + "-" + b + ".json", json.out());
  }

  @Test
  void cascadelakeHasWhatSkylakeLacksByCategory() {
    String out = CliRun.run("diff", "samples/skylake-a.xml", "samples/cascadelake.xml").out();
    assertThat(out)
        .contains("   Intel Skylake-Server-IBRS, family 6 model 85 stepping 4, microcode 0x2007006")
        .contains("Only in A: nothing")
        .contains("Only in B (7):\n  SIMD and crypto instructions\n     avx512vnni          CPUID 0x7.0 ECX[11]")
        .contains("  TSX (transactional memory)\n     tsx-ctrl            MSR 0x10a EAX[7]")
        .contains("     mds-no              MSR 0x10a EAX[5]")
        .contains(
            "A→B would lose: nothing; B→A would lose: avx512vnni, arch-capabilities, rdctl-no,")
        .doesNotContain("! blocks migration");
  }

  @Test
  void differentVendorsAreNamed() {
    String out = CliRun.run("diff", "samples/skylake-a.xml", "samples/epyc-rome.xml").out();
    assertThat(out)
        .contains("vendor: A is Intel, B is AMD: a named CPU model cannot move between vendors")
        .contains("   x86-64-v4, 100 features after expansion")
        .contains("   x86-64-v3, 105 features after expansion");
  }

  @Test
  void nonMigratableFeaturesAreMarked() {
    CliRun r = CliRun.run("diff", "samples/guest-custom.xml", "samples/skylake-a.xml");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("A  samples/guest-custom.xml (domain CPU)")
        .contains("vendor: only B names one (Intel)")
        .contains("   ! invtsc")
        .contains("   ! xsaves")
        .contains("! blocks migration: migratable='no' in the cpu_map");
    CliRun json = CliRun.run("diff", "--format", "json", "samples/guest-custom.xml", "samples/skylake-a.xml");
    assertThat(json.out()).contains("\"name\": \"invtsc\",\n      \"category\": \"timing\",\n"
        + "      \"location\": \"CPUID 0x80000007.0 EDX[8]\",\n      \"blocksMigration\": true");
  }

  @Test
  void domcapsStandForTheirHostModel() {
    CliRun r = CliRun.run("diff", "samples/skylake-a-domcaps.xml", "samples/skylake-b-domcaps.xml");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("A  samples/skylake-a-domcaps.xml (host-model CPU)")
        .contains("A→B would lose: nothing; B→A would lose: nothing");
  }

  @Test
  void hostModelLacksWhatOnlyTheHostHas() {
    // KVM hides host-only features (ds, acpi, tm...) from guests: the host-model is a subset
    CliRun r = CliRun.run("diff", "samples/skylake-a.xml", "samples/skylake-a-domcaps.xml");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("Only in A (").contains("     acpi ");
  }

  @Test
  void nonX86HostsArePointedToCompare() {
    CliRun r = CliRun.run("diff", SharedData.caps("qemu_10.0.0.ppc64.xml").toString(), "samples/skylake-a.xml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err())
        .contains("qemu_10.0.0.ppc64.xml")
        .contains("diff works on x86 CPUs only")
        .contains("migcheck compare");
    CliRun arm = CliRun.run("diff", "samples/skylake-a.xml", SharedData.caps("vircaps-aarch64-basic-clusters.xml").toString());
    assertThat(arm.exit()).isEqualTo(2);
    assertThat(arm.err()).contains("aarch64 CPUs apart by model name alone");
  }

  @Test
  void guestWithoutModelCannotBeDiffed() {
    CliRun r = CliRun.run("diff", "samples/guest-passthrough.xml", "samples/skylake-a.xml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("migcheck: samples/guest-passthrough.xml: the domain's CPU (host-passthrough)");
  }

  @Test
  void sidesCanComeFromStandardInput() throws java.io.IOException {
    String cascadelake = java.nio.file.Files.readString(java.nio.file.Path.of("samples/cascadelake.xml"));
    CliRun r = CliRun.runWithStdin(cascadelake, "diff", "samples/skylake-a.xml", "-");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("B  - (host CPU)")
        .contains("Only in B (7):");
  }
}
