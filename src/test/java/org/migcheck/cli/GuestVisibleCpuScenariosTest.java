package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.CliRun.run;
import static org.migcheck.cli.SampleArgs.host;
import static org.migcheck.cli.SampleArgs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts built on what guests really get (issue: suggestions from capabilities alone, QEMU
 * blockers, physical address bits), on the samples and the Rome pair with libvirt's real QEMU
 * 8.2 domcapabilities (samples/rome-qemu82).
 */
class GuestVisibleCpuScenariosTest {
  @TempDir Path tmp;

  /** The features of finding 1: host CPUID bits KVM never gives guests by default. */
  static final List<String> HOST_ONLY =
      List.of("ds", "acpi", "ht", "tm", "pbe", "dtes64", "monitor", "ds_cpl", "smx", "est", "tm2",
          "xtpr", "pdcm", "dca", "osxsave", "cmt", "intel-pt", "ospke", "mbm_total", "mbm_local");

  static final List<String> README_HOSTS = List.of("skylake-a", "cascadelake", "icelake-notsx");

  /** Capabilities copied alone, so no domcapabilities are found beside them. */
  private List<String> capsOnly(List<String> hosts) throws IOException {
    List<String> out = new ArrayList<>();
    for (String h : hosts) {
      Path p = tmp.resolve(h + ".xml");
      Files.copy(Path.of(sample(h + ".xml")), p);
      out.add(p.toString());
    }
    return out;
  }

  private static String[] args(String command, List<String> inputs, String... options) {
    List<String> a = new ArrayList<>(List.of(command));
    a.addAll(inputs);
    a.addAll(List.of(options));
    return a.toArray(String[]::new);
  }

  private static String rome(String file) {
    return sample("rome-qemu82/" + file);
  }

  // ---- finding 1

  @Test
  void capsOnlySuggestionRequiresNoHostOnlyBitsAndSaysItIsApproximate() throws IOException {
    CliRun r = run(args("suggest", capsOnly(README_HOSTS)));
    assertThat(r.exit()).as(r.toString()).isZero();
    for (String f : HOST_ONLY) {
      assertThat(r.out()).as(f).doesNotContain("name='" + f + "'");
    }
    assertThat(r.err()).contains("runs on every host (approximate: no domcapabilities for"
        + " skylake-a, cascadelake, icelake-notsx)")
        .contains("capabilities, approximate: no domcapabilities");
    CliRun fleet = run("fleet", tmp.toString());
    assertThat(fleet.out()).contains("(approximate: no domcapabilities)")
        .contains("suggested custom CPU: Cascadelake-Server", "approximate: no\n  domcapabilities for C");
    CliRun fleetJson = run("fleet", tmp.toString(), "--format", "json");
    assertThat(fleetJson.out()).contains("\"approximate\": true");
    CliRun json = run(args("suggest", capsOnly(List.of("skylake-b")), "--format", "json"));
    assertThat(json.out()).contains("\"approximate\": true")
        .contains("\"approximate\": [\n    \"skylake-b\"\n  ]");
  }

  @Test
  void capsOnlySuggestionAgreesWithEachHostsDomcaps() throws IOException {
    CliRun r = run(args("suggest", capsOnly(README_HOSTS)));
    Path cpu = tmp.resolve("suggested.xml");
    Files.writeString(cpu, r.out());
    for (String h : README_HOSTS) {
      CliRun c = run("compare", sample(h + "-domcaps.xml"), cpu.toString());
      assertThat(c.exit()).as(h + "\n" + c).isZero();
      assertThat(c.out()).matches("(?s)(IDENTICAL|SUPERSET).*");
    }
  }

  @Test
  void capsOnlyCheckDoesNotCallAHostOnlyCpuSafe() throws IOException {
    // the CPU today's main suggested for the README hosts: what it requires KVM never gives
    StringBuilder features = new StringBuilder();
    for (String f : HOST_ONLY) {
      features.append("    <feature policy='require' name='").append(f).append("'/>\n");
    }
    Path guest = tmp.resolve("guest.xml");
    Files.writeString(guest, "<domain type='kvm'>\n  <name>old-suggestion</name>\n"
        + "  <memory unit='GiB'>4</memory>\n  <vcpu>2</vcpu>\n"
        + "  <os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>\n"
        + "  <cpu mode='custom' match='exact' check='partial'>\n"
        + "    <model fallback='forbid'>Cascadelake-Server</model>\n"
        + features + "    <feature policy='disable' name='hle'/>\n"
        + "    <feature policy='disable' name='rtm'/>\n"
        + "    <feature policy='disable' name='avx512vnni'/>\n"
        + "    <feature policy='disable' name='mpx'/>\n"
        + "  </cpu>\n</domain>\n");
    List<String> hosts = capsOnly(List.of("skylake-a", "skylake-b"));
    CliRun r = run("check", hosts.get(0), hosts.get(1), "--guest", guest.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("UNSAFE").doesNotContain(": SAFE")
        .contains("approximate: no domcapabilities for skylake-a");
    // with domcapabilities QEMU says the same
    CliRun real = run("check", host("skylake-a"), host("skylake-b"), "--guest", guest.toString());
    assertThat(real.exit()).isEqualTo(1);
    // and the caps-only custom suggestion between the two is SAFE and starts where QEMU says
    CliRun bare = run("check", hosts.get(0), hosts.get(1), "--mode", "custom");
    assertThat(bare.exit()).as(bare.toString()).isZero();
    assertThat(bare.out()).contains("custom, skylake-a -> skylake-b: SAFE");
  }

  @Test
  void aHostWithDomcapsAndItsTwinWithoutAgree() throws IOException {
    // QEMU's answer and the approximation differ in detail: a mixed pair compares like with like
    String twin = capsOnly(List.of("skylake-b")).get(0);
    CliRun r = run("check", "--both-ways", host("skylake-a"), twin);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain("UNSAFE", "RISKY")
        .contains("approximate: no domcapabilities for skylake-b");
    // the caps-only suggestion is the one QEMU's domcapabilities give
    Path approx = tmp.resolve("approx.xml");
    Files.writeString(approx, run(args("suggest", capsOnly(README_HOSTS))).out());
    List<String> real = new ArrayList<>();
    README_HOSTS.forEach(h -> real.add(host(h)));
    Path exact = tmp.resolve("exact.xml");
    Files.writeString(exact, run(args("suggest", real)).out());
    CliRun diff = run("diff", approx.toString(), exact.toString());
    assertThat(diff.out()).as(diff.toString()).contains("Only in A: nothing", "Only in B: nothing");
  }

  // ---- finding 3

  @Test
  void romeSuggestionKeepsXsavesDisabledAndIsUsable() {
    CliRun r = run("suggest", rome("rome-a.xml"), rome("rome-b.xml"), "--format", "text");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("<model fallback='forbid'>EPYC-Rome</model>")
        .contains("<feature policy='disable' name='xsaves'/>")
        .contains("runs on every host")
        .doesNotContain("NOT USABLE", "approximate");
    CliRun without = run("suggest", rome("rome-a.xml"), rome("rome-b.xml"), "--format", "text",
        "--without", "xsaves");
    assertThat(without.exit()).isZero();
    assertThat(without.out()).contains("xsaves: already disabled")
        .doesNotContain("not in the suggestion anyway");
  }

  @Test
  void romeCheckIsSafeForCustom() {
    CliRun r = run("check", rome("rome-a.xml"), rome("rome-b.xml"));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("custom, rome-a -> rome-b: SAFE").doesNotContain("UNSAFE");
  }

  @Test
  void romeFleetRunsItsOwnSuggestion() {
    CliRun r = run("fleet", sample("rome-qemu82"));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("suggested custom CPU: EPYC-Rome (v3, 43 address bits")
        .doesNotContain("cannot run it");
  }

  // ---- finding 5

  @Test
  void romeFleetReportsTheUsableAddressBits() {
    CliRun text = run("fleet", sample("rome-qemu82"));
    assertThat(text.out()).contains("phys bits       43; fewest (43)").doesNotContain("64");
    CliRun json = run("fleet", sample("rome-qemu82"), "--format", "json");
    assertThat(json.out()).contains("\"physBits\": 43").doesNotContain("\"physBits\": 64");
  }

  // ---- gate: the fleet baseline from guest-visible CPUs

  @Test
  void gateBaselineIgnoresLossesGuestsNeverHad() throws IOException {
    Path fleet = Files.createDirectories(tmp.resolve("fleet"));
    Path cand = Files.createDirectories(tmp.resolve("cand"));
    for (String h : List.of("skylake-a", "skylake-b")) {
      Files.copy(Path.of(sample(h + ".xml")), fleet.resolve(h + ".xml"));
      Files.copy(Path.of(sample(h + "-domcaps.xml")), fleet.resolve(h + "-domcaps.xml"));
    }
    // a BIOS update hides PT and the monitoring leaves from the host: KVM never gave them anyway
    String caps = Files.readString(Path.of(sample("skylake-b.xml")));
    String updated = caps.replace("      <feature name='intel-pt'/>\n", "")
        .replace("      <feature name='ospke'/>\n", "").replace("      <feature name='cmt'/>\n", "");
    assertThat(updated).isNotEqualTo(caps).doesNotContain("intel-pt");
    Files.writeString(cand.resolve("skylake-b.xml"), updated);
    Files.copy(Path.of(sample("skylake-b-domcaps.xml")), cand.resolve("skylake-b-domcaps.xml"));
    CliRun r = run("gate", "--fleet", fleet.toString(), "--candidate", cand.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("gate: PASS").doesNotContain("intel-pt", "ospke");
    // the same update that also loses what guests do get fails
    Files.writeString(cand.resolve("skylake-b-domcaps.xml"),
        Files.readString(Path.of(sample("skylake-b-domcaps.xml")))
            .replace("<feature policy='require' name='pku'/>", "<feature policy='disable' name='pku'/>"));
    CliRun lost = run("gate", "--fleet", fleet.toString(), "--candidate", cand.toString());
    assertThat(lost.exit()).as(lost.toString()).isEqualTo(1);
    assertThat(lost.out()).contains("removes pku from the fleet baseline");
  }
}
