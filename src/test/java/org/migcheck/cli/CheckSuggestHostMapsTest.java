package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.SampleArgs.sample;

import org.junit.jupiter.api.Test;

/**
 * check and suggest read each host's CPU and host-model with its own libvirt's map, like fleet
 * and gate: libvirt 9.0.0's Skylake models include mpx, 11.3.0's and newer ones do not, so a
 * Skylake host of 9.0.0 gives its guests mpx even though the run's (newest) map leaves it out of
 * the model.
 */
class CheckSuggestHostMapsTest {
  private static final String DEBIAN12 = sample("versions/debian12"); // skylake-a, 9.0.0
  private static final String DEBIAN13 = sample("versions/debian13"); // skylake-b, 11.3.0
  private static final String A = sample("skylake-a.xml") + "," + sample("skylake-a-domcaps.xml");
  private static final String B = sample("skylake-b.xml") + "," + sample("skylake-b-domcaps.xml");

  @Test
  void aHostPassthroughGuestOfA900SkylakeLosesMpxOn1130() {
    CliRun r = CliRun.run("check", "--mode", "host-passthrough", DEBIAN12, DEBIAN13);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("host-passthrough  UNSAFE")
        .contains("skylake-b lacks 1 feature the guest sees on skylake-a")
        .containsPattern("mpx +CPUID 0x7\\.0 EBX\\[14\\]");
  }

  @Test
  void theHostModelCpuFixedOn900CarriesMpx() {
    CliRun r = CliRun.run("check", "--mode", "host-model", DEBIAN12, DEBIAN13);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    // the CPU axis sees the feature too, not only the libvirt-version axis
    assertThat(r.out())
        .contains("skylake-b lacks 1 feature of the host-model CPU fixed when the guest started on"
            + " skylake-a")
        .contains("Skylake-Server-IBRS means less on libvirt 11.3.0 (skylake-b) than on libvirt"
            + " 9.0.0 (skylake-a): the guest loses mpx");
  }

  @Test
  void oneMapForEveryHostWhenLibvirtIsChosen() {
    // --libvirt picks one map for every host: the hosts' own maps are not used
    CliRun r = CliRun.run("check", "--mode", "host-passthrough", "--libvirt", "11.3.0",
        DEBIAN12, DEBIAN13);
    assertThat(r.out()).doesNotContain("lacks 1 feature the guest sees on skylake-a");
  }

  @Test
  void suggestionsForA900And1130HostDisableMpx() {
    // made for the oldest libvirt (9.0.0, whose Skylake-Server-IBRS has mpx); skylake-b's 11.3.0
    // host-model does not give mpx, so the suggestion must not depend on it
    CliRun r = CliRun.run("suggest", "--format", "text", A, B,
        "--host-libvirt", "skylake-a=9.0.0", "--host-libvirt", "skylake-b=11.3.0");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("<model fallback='forbid'>Skylake-Server-IBRS</model>")
        .contains("<feature policy='disable' name='mpx'/>");
    CliRun same = CliRun.run("suggest", "--format", "text", A, B,
        "--host-libvirt", "skylake-a=9.0.0", "--host-libvirt", "skylake-b=9.0.0");
    assertThat(same.out()).doesNotContain("name='mpx'");
  }

  @Test
  void gatesGuestRulesReadEachHostWithItsOwnMap() {
    // skylake-b upgraded from libvirt 9.0.0 to 11.3.0: a host-passthrough guest of skylake-a
    // (9.0.0, mpx) can no longer go there
    CliRun r = CliRun.run("gate", "--fleet", DEBIAN12, sample("versions/reinstalled"),
        "--candidate", DEBIAN13, "--guests", sample("guests/guest-passthrough.xml"));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("FAILED guest-migration")
        .contains("to skylake-b from skylake-a: skylake-b lacks 1 feature the guest sees on"
            + " skylake-a (mpx)");
  }

  @Test
  void fleetSuggestionsAreSuggestsCpu() {
    // fleet's suggestion reads its hosts as suggest does: made for 9.0.0, mpx disabled
    CliRun fleet = CliRun.run("fleet", "--format", "json", DEBIAN12, DEBIAN13);
    CliRun suggest = CliRun.run("suggest", "--format", "xml", DEBIAN12, DEBIAN13);
    assertThat(suggest.exit()).as(suggest.toString()).isZero();
    assertThat(suggest.out()).contains("<feature policy='disable' name='mpx'/>");
    assertThat(fleet.out()).contains("<feature policy='disable' name='mpx'/>");
  }
}
