package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.migcheck.testing.SharedData;

/** A cpuid -r dump is read wherever a host is: the commands treat it as that host's capabilities. */
class RawCpuInputTest {
  private static final Path DIR = SharedData.repo().resolve("src/test/resources/rawcpu");
  private static final String DUMP = DIR.resolve("amd-zen3-vm.cpuid").toString();
  private static final String CAPS = DIR.resolve("amd-zen3-vm-caps.xml").toString();

  @Test
  void diffAgainstLibvirtsOwnViewOfTheSameMachineFindsNothing() {
    CliRun r = CliRun.run("diff", DUMP, CAPS);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Only in A: nothing", "Only in B: nothing", "AMD kvm64, family 25 model 17 stepping 1");
  }

  @Test
  void inspectCheckAndFleetReadTheDump() {
    CliRun inspect = CliRun.run("inspect", DUMP);
    assertThat(inspect.exit()).as(inspect.toString()).isZero();
    assertThat(inspect.out()).contains("host capabilities", "AMD kvm64");
    CliRun check = CliRun.run("check", DUMP, CAPS);
    assertThat(check.exit()).as(check.toString()).isZero();
    CliRun fleet = CliRun.run("fleet", DUMP, CAPS);
    assertThat(fleet.exit()).as(fleet.toString()).isZero();
    assertThat(fleet.out()).contains("2 hosts in 1 class");
  }

  @Test
  void procCpuinfoIsAHostToo() {
    String cpuinfo = DIR.resolve("amd-zen3-vm.cpuinfo").toString();
    CliRun r = CliRun.run("diff", cpuinfo, CAPS);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    // the kernel does not list OSXSAVE: the one documented difference on this machine
    assertThat(r.out()).contains("Only in A: nothing", "Only in B (1):", "osxsave");
    CliRun inspect = CliRun.run("inspect", cpuinfo);
    assertThat(inspect.out()).contains("cpuinfo:", "1 socket × 1 die × 2 cores × 1 thread", "microcode 0x1000065");
  }
}
