package org.migcheck.rawcpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.testing.LiveHosts;
import org.migcheck.testing.SharedData;

/**
 * This machine's {@code cpuid -r}, decoded by migcheck, against the host CPU the real libvirtd on
 * the same machine reports in its capabilities (same cpu_map: the system's, libvirt 9.0.0's).
 */
class CpuidHostLiveTest {
  @Test
  void cpuidOfThisMachineDecodesToTheHostCpuLibvirtdReports() {
    LiveHosts.requireQemuDaemon();
    LiveHosts.Result dump = LiveHosts.run(List.of("cpuid", "-r", "-1"));
    SharedData.require(dump.exit() == 0, "Debian's cpuid is not installed (apt-get install cpuid)");
    String caps = LiveHosts.virsh(LiveHosts.SYSTEM, "capabilities").out();
    String hostCpu = caps.substring(caps.indexOf("<cpu>"), caps.indexOf("</cpu>"));
    SharedData.require(hostCpu.contains("<arch>x86_64</arch>"), "not an x86_64 machine");

    CpuMaps maps = CpuMapLoader.load("system");
    CpuMap map = maps.forLibvirtArch("x86_64", "cpuid");
    CpuidData raw = CpuidParser.parse(dump.out(), "cpuid -r");
    CpuDef cpu = CpuidHost.decode(raw, new CpuEngine(maps), map, "cpuid -r");

    assertThat(cpu.model()).isEqualTo(tag(hostCpu, "model"));
    assertThat(cpu.vendor()).isEqualTo(tag(hostCpu, "vendor"));
    Matcher sig = Pattern.compile("<signature family='(\\d+)' model='(\\d+)' stepping='(\\d+)'/>").matcher(hostCpu);
    assertThat(sig.find()).isTrue();
    int[] s = CpuidHost.signature(raw);
    assertThat(List.of(s[0], s[1], s[2]))
        .containsExactly(Integer.parseInt(sig.group(1)), Integer.parseInt(sig.group(2)), Integer.parseInt(sig.group(3)));
    Set<String> expected = new TreeSet<>();
    Matcher f = Pattern.compile("<feature name='([^']+)'/>").matcher(hostCpu);
    while (f.find()) {
      expected.add(f.group(1));
    }
    Set<String> actual = new TreeSet<>(cpu.features().stream().map(CpuFeature::name).toList());
    assertThat(actual).isEqualTo(expected);
  }

  private static String tag(String xml, String name) {
    int a = xml.indexOf("<" + name + ">") + name.length() + 2;
    return xml.substring(a, xml.indexOf("</" + name + ">"));
  }
}
