package org.migcheck.rawcpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.engine.CpuEngine;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.testing.SharedData;

/**
 * Recorded real data of one machine (an AMD Zen 3 VM with KVM): its {@code cpuid -r} and the
 * capabilities its libvirtd 9.0.0 reported at the same time. The decode must give libvirt's host
 * CPU; the live variant of this test is CpuidHostLiveTest.
 */
class CpuidDecodeTest {
  private static final Path DIR = SharedData.repo().resolve("src/test/resources/rawcpu");
  private static final CpuMaps MAPS = CpuMapLoader.bundled("9.0.0");

  private static CpuDef decode(CpuidData raw) {
    return CpuidHost.decode(raw, new CpuEngine(MAPS), MAPS.forLibvirtArch("x86_64", "t"), "t");
  }

  private static CpuDef recordedHost() {
    HostCapabilities caps =
        (HostCapabilities) new InputReader().readAll(java.util.List.of(DIR.resolve("amd-zen3-vm-caps.xml").toString())).get(0);
    return caps.cpu().toCpuDef();
  }

  @Test
  void cpuidRDecodesToTheHostCpuLibvirtdReported() throws IOException {
    CpuidData raw = CpuidParser.parse(Files.readString(DIR.resolve("amd-zen3-vm.cpuid")), "dump");
    CpuDef cpu = decode(raw);
    CpuDef host = recordedHost();
    assertThat(cpu.model()).isEqualTo(host.model());
    assertThat(cpu.vendor()).isEqualTo(host.vendor());
    assertThat(cpu.features()).extracting(f -> f.name()).containsExactlyInAnyOrderElementsOf(
        host.features().stream().map(f -> f.name()).toList());
  }

  @Test
  void libvirtsCpudataFormatDecodesTheSame() throws IOException {
    CpuidData raw = CpuidParser.parse(Files.readString(DIR.resolve("amd-zen3-vm.cpuid")), "dump");
    StringBuilder xml = new StringBuilder("<cpudata arch='x86'>\n");
    for (Map.Entry<CpuidData.Leaf, long[]> e : raw.leaves().entrySet()) {
      long[] r = e.getValue();
      xml.append(String.format(Locale.ROOT,
          "  <cpuid eax_in='0x%08x' ecx_in='0x%02x' eax='0x%08x' ebx='0x%08x' ecx='0x%08x' edx='0x%08x'/>%n",
          e.getKey().eaxIn(), e.getKey().ecxIn(), r[0], r[1], r[2], r[3]));
    }
    xml.append("</cpudata>\n");
    CpuidData again = CpuidParser.parse(xml.toString(), "cpudata");
    assertThat(CpuidParser.sniff(xml.toString())).isEqualTo(CpuidParser.Kind.CPUDATA);
    assertThat(again.leaves().keySet()).isEqualTo(raw.leaves().keySet());
    assertThat(decode(again)).usingRecursiveComparison().isEqualTo(decode(raw));
  }

  @Test
  void onlyTheFirstCpuOfADumpCounts() throws IOException {
    String text = Files.readString(DIR.resolve("amd-zen3-vm.cpuid"));
    assertThat(text).contains("CPU 1:");
    CpuidData all = CpuidParser.parse(text, "dump");
    CpuidData first = CpuidParser.parse(text.substring(0, text.indexOf("CPU 1:")), "dump");
    assertThat(all.leaves().keySet()).isEqualTo(first.leaves().keySet());
  }

  @Test
  void anMsrInCpudataAddsItsFeatures() {
    // arch-capabilities MSR 0x10a bit 0 is rdctl-no; libvirt reads the MSR when CPUID 7.0 EDX[29] says it exists
    String base =
        "<cpudata arch='x86'>"
            + "<cpuid eax_in='0x0' ecx_in='0x0' eax='0x7' ebx='0x756e6547' ecx='0x6c65746e' edx='0x49656e69'/>"
            + "<cpuid eax_in='0x1' ecx_in='0x0' eax='0x000906e9' ebx='0' ecx='0' edx='0x078bfbff'/>"
            + "<cpuid eax_in='0x7' ecx_in='0x0' eax='0' ebx='0' ecx='0' edx='0x20000000'/>";
    CpuDef without = decode(CpuidParser.parse(base + "</cpudata>", "a"));
    CpuDef with = decode(CpuidParser.parse(base + "<msr index='0x10a' edx='0x0' eax='0x1'/></cpudata>", "b"));
    assertThat(without.features()).extracting(f -> f.name()).doesNotContain("rdctl-no").contains("arch-capabilities");
    assertThat(with.features()).extracting(f -> f.name()).contains("rdctl-no");
    assertThat(with.vendor()).isEqualTo("Intel");
    assertThat(CpuidHost.signature(CpuidParser.parse(base + "</cpudata>", "a"))).containsExactly(6, 158, 9);
  }

  @Test
  void badDumpsNameTheFileAndLine() {
    assertThatThrownBy(() -> CpuidParser.parse("CPU 0:\n   0x00000000 0x00: eax=0x1 ebx=0x2 ecx=0x3 edx=0x4\n  garbage\n", "d.txt"))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).oneLine()).startsWith("d.txt:3"));
    assertThatThrownBy(() -> CpuidParser.parse("<cpudata arch='arm'><cpuid/></cpudata>", "c.xml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("arch='arm'");
    assertThatThrownBy(() -> CpuidParser.parse("<cpudata arch='x86'><cpuid eax_in='0x1' ecx_in='0' eax='zz' ebx='0' ecx='0' edx='0'/></cpudata>", "c.xml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("eax='zz'");
    assertThat(CpuidParser.sniff("<capabilities>")).isNull();
    assertThat(CpuidParser.sniff("processor\t: 0\n")).isNull();
  }
}
