package org.migcheck.rawcpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.engine.CpuEngine;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.HostCapabilities;
import org.migcheck.testing.LiveHosts;
import org.migcheck.testing.SharedData;

/**
 * /proc/cpuinfo against libvirt's host CPU of the same machine: the documented approximation is
 * that CPUID bits the kernel does not list as flags are missing, nothing else.
 */
class CpuInfoTest {
  /** CPUID bits libvirt decodes that Linux does not print in "flags" (OS-controlled bits). */
  static final Set<String> KERNEL_HIDES = Set.of("osxsave", "ospke");

  private static final Path DIR = SharedData.repo().resolve("src/test/resources/rawcpu");

  static void assertWithinApproximation(String cpuinfo, CpuDef host, CpuMaps maps) {
    CpuMap map = maps.forLibvirtArch("x86_64", "t");
    CpuInfo info = CpuInfo.parse(cpuinfo, "cpuinfo");
    CpuDef cpu = info.decode(new CpuEngine(maps), map, "cpuinfo");
    assertThat(cpu.vendor()).isEqualTo(host.vendor());
    assertThat(cpu.model()).isEqualTo(host.model());
    Set<String> got = names(cpu);
    Set<String> want = names(host);
    Set<String> extra = new TreeSet<>(got);
    extra.removeAll(want);
    Set<String> missing = new TreeSet<>(want);
    missing.removeAll(got);
    assertThat(extra).as("features /proc/cpuinfo adds").isEmpty();
    assertThat(missing).as("features /proc/cpuinfo lacks").isSubsetOf(KERNEL_HIDES);
  }

  private static Set<String> names(CpuDef cpu) {
    return new TreeSet<>(cpu.features().stream().map(CpuFeature::name).toList());
  }

  @Test
  void recordedCpuinfoDecodesToLibvirtsHostCpuButTheHiddenBits() throws IOException {
    HostCapabilities caps =
        (HostCapabilities) new InputReader().readAll(List.of(DIR.resolve("amd-zen3-vm-caps.xml").toString())).get(0);
    String text = Files.readString(DIR.resolve("amd-zen3-vm.cpuinfo"));
    assertWithinApproximation(text, caps.cpu().toCpuDef(), CpuMapLoader.bundled("9.0.0"));
    CpuInfo info = CpuInfo.parse(text, "cpuinfo");
    assertThat(List.of(info.family(), info.model(), info.stepping())).containsExactly(25, 17, 1);
    assertThat(List.of(info.sockets(), info.cores(), info.threads())).containsExactly(1, 2, 1);
    assertThat(info.microcode()).isEqualTo(0x1000065L);
    // kernel-only flags map to nothing; real CPUID flags in the kernel's spelling do map
    CpuMap map = CpuMapLoader.bundled("9.0.0").forLibvirtArch("x86_64", "t");
    assertThat(info.unmapped(map)).contains("constant_tsc", "rep_good").doesNotContain("sse4_1", "tsc_deadline_timer", "sha_ni");
  }

  @Test
  void thisMachinesCpuinfoAgainstTheRealLibvirtd() throws IOException {
    LiveHosts.requireQemuDaemon();
    String caps = LiveHosts.virsh(LiveHosts.SYSTEM, "capabilities").out();
    SharedData.require(caps.contains("<arch>x86_64</arch>"), "not an x86_64 machine");
    Path tmp = Files.createTempFile("caps", ".xml");
    try {
      Files.writeString(tmp, caps);
      HostCapabilities host = (HostCapabilities) new InputReader().readAll(List.of(tmp.toString())).get(0);
      assertWithinApproximation(Files.readString(Path.of("/proc/cpuinfo")), host.cpu().toCpuDef(), CpuMapLoader.load("system"));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Test
  void notACpuinfoIsOneLineNamingTheFile() {
    assertThatThrownBy(() -> CpuInfo.parse("processor\t: 0\nmodel\t: x\n", "c.txt"))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).oneLine()).startsWith("c.txt:2"));
    assertThatThrownBy(() -> CpuInfo.parse("processor\t: 0\n", "c.txt"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not an x86 /proc/cpuinfo");
  }
}
