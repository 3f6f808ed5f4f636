package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.SampleArgs.host;

import org.junit.jupiter.api.Test;

/**
 * check's libvirt-version axis on the scenarios: each host read with its own libvirt's
 * cpu_map, the guest CPU compared between the source's and the destination's libvirt.
 */
class VersionAxisCommandTest {
  private static CliRun check(String srcVersion, String dstVersion, String... more) {
    String[] base = {"check", "--format", "json", host("skylake-a"), host("skylake-b"),
        "--host-libvirt", "skylake-a=" + srcVersion, "--host-libvirt", "skylake-b=" + dstVersion};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.run(args);
  }

  @Test
  void skylakeServerIbrsLosesMpxFrom9To11() {
    CliRun r = check("9.0.0", "11.3.0", "--model", "Skylake-Server-IBRS");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("\"axis\": \"LIBVIRT_VERSION\"")
        .contains("Skylake-Server-IBRS means less on libvirt 11.3.0 (skylake-b) than on libvirt 9.0.0"
            + " (skylake-a): the guest loses mpx");
    CliRun same = check("11.3.0", "11.3.0", "--model", "Skylake-Server-IBRS");
    assertThat(same.out()).doesNotContain("\"axis\": \"LIBVIRT_VERSION\"");
  }

  @Test
  void aFeatureTheDestinationsLibvirtDoesNotKnowIsUnsafe() {
    CliRun r = check("11.3.0", "9.0.0", "--model", "Skylake-Server-IBRS", "--feature", "+gds-no");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("\"axis\": \"LIBVIRT_VERSION\"")
        .contains("which libvirt 9.0.0 on skylake-b does not know");
    CliRun back = check("9.0.0", "11.3.0", "--model", "Skylake-Server-IBRS", "--feature", "+gds-no");
    assertThat(back.out()).contains("which libvirt 9.0.0 on skylake-a does not know: no such guest"
        + " runs there");
  }

  @Test
  void withoutAnyVersionTheAxisIsSilent() {
    CliRun r = CliRun.run("check", "--format", "json", host("skylake-a"), host("skylake-b"),
        "--model", "Skylake-Server-IBRS");
    assertThat(r.out()).doesNotContain("LIBVIRT_VERSION");
  }
}
