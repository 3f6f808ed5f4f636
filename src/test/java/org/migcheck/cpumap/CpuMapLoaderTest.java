package org.migcheck.cpumap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.testing.SharedData;

class CpuMapLoaderTest {
  static final String V900_X86_ORDER =
      "486 pentium pentium2 pentium3 pentiumpro coreduo n270 core2duo qemu32 kvm32 cpu64-rhel5"
          + " cpu64-rhel6 qemu64 kvm64 Conroe Penryn Nehalem Nehalem-IBRS Westmere Westmere-IBRS"
          + " SandyBridge SandyBridge-IBRS IvyBridge IvyBridge-IBRS Haswell-noTSX"
          + " Haswell-noTSX-IBRS Haswell Haswell-IBRS Broadwell-noTSX Broadwell-noTSX-IBRS"
          + " Broadwell Broadwell-IBRS Skylake-Client Skylake-Client-IBRS"
          + " Skylake-Client-noTSX-IBRS Skylake-Server Skylake-Server-IBRS"
          + " Skylake-Server-noTSX-IBRS Cascadelake-Server Cascadelake-Server-noTSX Icelake-Client"
          + " Icelake-Client-noTSX Icelake-Server Icelake-Server-noTSX Cooperlake Snowridge athlon"
          + " phenom Opteron_G1 Opteron_G2 Opteron_G3 Opteron_G4 Opteron_G5 EPYC EPYC-IBPB"
          + " EPYC-Rome EPYC-Milan Dhyana";

  static String names(CpuMap m) {
    return String.join(" ", m.models().stream().map(CpuModel::name).toList());
  }

  @Test
  void bundledMapIsLibvirt900InMapOrder() {
    CpuMaps maps = CpuMapLoader.bundled("9.0.0");
    assertThat(maps.source().libvirtVersion()).isEqualTo("9.0.0");
    assertThat(maps.source().describe()).isEqualTo("bundled cpu_map (libvirt 9.0.0)");
    CpuMap x86 = maps.forArch(Arch.X86).orElseThrow();
    assertThat(names(x86)).isEqualTo(V900_X86_ORDER);
    assertThat(x86.features()).hasSize(212);
    assertThat(x86.features().get(0).name()).isEqualTo("fpu");
    assertThat(x86.vendors().stream().map(Vendor::name)).containsExactly("Intel", "AMD", "Hygon");
    assertThat(
            x86.features().stream().filter(f -> !f.migratable()).map(Feature::name).toList())
        .containsExactly("xsaves", "invtsc");
    assertThat(maps.forArch(Arch.PPC64).orElseThrow().models()).hasSize(7);
    assertThat(maps.forArch(Arch.ARM).orElseThrow().features()).hasSize(17);
  }

  @Test
  void featuresCarryTheirCpuidAndMsrBits() {
    CpuMap x86 = CpuMapLoader.bundled("9.0.0").forArch(Arch.X86).orElseThrow();
    Feature vme = x86.feature("vme").orElseThrow();
    assertThat(vme.cpuid()).containsExactly(new CpuidBits(1, 0, 0, 0, 0, 2));
    assertThat(vme.location()).isEqualTo("CPUID 0x1.0 EDX[1]");
    Feature rdctl = x86.feature("rdctl-no").orElseThrow();
    assertThat(rdctl.msr()).containsExactly(new MsrBits(0x10a, 1, 0));
    assertThat(rdctl.location()).isEqualTo("MSR 0x10a EAX[0]");
    assertThat(x86.feature("avx512f").orElseThrow().location()).isEqualTo("CPUID 0x7.0 EBX[16]");
    assertThat(x86.featureByAlias("sse3").map(Feature::name)).contains("pni");
    assertThat(x86.feature("sse3")).isEmpty();
    // every feature has its own bits
    assertThat(x86.features().stream().map(Feature::bits).distinct()).hasSize(212);
  }

  @Test
  void modelsResolveAncestryVendorsSignaturesDecodeAndRemovedFeatures() {
    CpuMap x86 = CpuMapLoader.bundled("9.0.0").forArch(Arch.X86).orElseThrow();
    CpuModel epyc = x86.model("EPYC").orElseThrow();
    assertThat(epyc.vendor().name()).isEqualTo("AMD");
    assertThat(epyc.removedFeatures().stream().map(Feature::name)).containsExactly("monitor");
    assertThat(epyc.bits().containsAll(x86.feature("monitor").orElseThrow().bits())).isFalse();
    assertThat(epyc.matchesSignature(23, 1, 2)).isTrue();

    CpuModel noTsx = x86.model("Skylake-Client-noTSX-IBRS").orElseThrow();
    assertThat(noTsx.decodeHost()).isTrue();
    assertThat(noTsx.decodeGuest()).isFalse();
    assertThat(noTsx.signatures()).hasSize(4);
    assertThat(x86.model("cpu64-rhel6").orElseThrow().decodeHost()).isFalse();
    assertThat(x86.model("qemu64").orElseThrow().vendor()).isNull();

    // inheritance: Penryn has everything Conroe has
    CpuModel conroe = x86.model("Conroe").orElseThrow();
    CpuModel penryn = x86.model("Penryn").orElseThrow();
    assertThat(penryn.bits().containsAll(conroe.bits())).isTrue();
    assertThat(penryn.bits().cardinality()).isGreaterThan(conroe.bits().cardinality());

    // the vendor string is CPUID leaf 0: 96 bits
    assertThat(x86.vendor("Intel").orElseThrow().bits().cardinality())
        .isEqualTo(bitCount("GenuineIntel"));
  }

  static int bitCount(String s) {
    int n = 0;
    for (char c : s.toCharArray()) {
      n += Integer.bitCount(c);
    }
    return n;
  }

  @Test
  void newestMapLoadsWithGroupsVersionedModelsMsrFeaturesAndSteppings() {
    CpuMaps maps = CpuMapLoader.load(SharedData.latestCpuMap().toString());
    assertThat(maps.source().layout()).isEqualTo("split");
    CpuMap x86 = maps.forArch(Arch.X86).orElseThrow();
    assertThat(x86.models()).hasSize(157);
    assertThat(x86.features()).hasSize(364);
    assertThat(x86.vendor("Zhaoxin CentaurHauls")).isPresent();
    CpuModel v1 = x86.model("Skylake-Client-v1").orElseThrow();
    assertThat(v1.ancestor()).isEqualTo("Skylake-Client");
    assertThat(v1.decodeHost()).isTrue();
    assertThat(v1.decodeGuest()).isFalse();
    assertThat(v1.bits()).isEqualTo(x86.model("Skylake-Client").orElseThrow().bits());
    CpuModel cascade = x86.model("Cascadelake-Server").orElseThrow();
    assertThat(cascade.checkPartial()).isEqualTo("compat");
    assertThat(cascade.addedFeatures()).hasSize(72);
    assertThat(cascade.addedFeatures())
        .noneMatch(f -> cascade.bits().containsAll(f.bits()))
        .allMatch(f -> f.name().startsWith("vmx-"));
    assertThat(cascade.matchesSignature(6, 85, 6)).isTrue();
    assertThat(cascade.matchesSignature(6, 85, 4)).isFalse();
    Feature vmx = x86.feature("vmx-exit-nosave-debugctl").orElseThrow();
    assertThat(vmx.location()).isEqualTo("MSR 0x48f EAX[2]");
    assertThat(x86.feature("waitpkg").orElseThrow().depends())
        .containsExactly("movdiri", "movdir64b", "cldemote");
    assertThat(x86.feature("pni").orElseThrow().aliases())
        .contains(new FeatureAlias("sse3", "qemu"));
    // models come in include order: a -vN model follows its base
    List<String> order = x86.models().stream().map(CpuModel::name).toList();
    assertThat(order.indexOf("Skylake-Client-v1")).isGreaterThan(order.indexOf("Skylake-Client"));
    assertThat(maps.forArch(Arch.PPC64).orElseThrow().model("POWER11")).isPresent();
    assertThat(maps.forArch(Arch.ARM).orElseThrow().vendor("Ampere").orElseThrow().value())
        .isEqualTo(0xc0L);
  }

  @Test
  void oldSingleFileLayoutWithFunctionSyntaxAndIncludes() {
    Path file = SharedData.repo().resolve("src/test/resources/cpumap/old-single/cpu_map.xml");
    CpuMaps maps = CpuMapLoader.load(file.toString());
    assertThat(maps.source().layout()).isEqualTo("single-file");
    CpuMap x86 = maps.forArch(Arch.X86).orElseThrow();
    assertThat(names(x86)).isEqualTo("pentium qemu64 Conroe Opteron_G1 Opteron_G2");
    assertThat(x86.feature("lm").orElseThrow().cpuid())
        .containsExactly(new CpuidBits(0x80000001L, 0, 0, 0, 0, 0x20000000));
    CpuModel g2 = x86.model("Opteron_G2").orElseThrow();
    assertThat(g2.vendor().name()).isEqualTo("AMD");
    assertThat(x86.presentFeatures(g2.bits()).stream().map(Feature::name))
        .containsExactly("fpu", "vme", "tsc", "cx8", "sse", "sse2", "pni", "cx16", "lm", "svm");
    // no <decode> in old maps: usable both ways
    assertThat(g2.decodeHost() && g2.decodeGuest()).isTrue();
    assertThat(maps.forArch(Arch.PPC64).orElseThrow().model("POWER7").orElseThrow().pvrs())
        .containsExactly(new Pvr(0x003f0000L, 0xffffffffL));
    // the directory form finds cpu_map.xml too
    assertThat(CpuMapLoader.load(file.getParent().toString()).source().layout())
        .isEqualTo("single-file");
  }

  @Test
  void systemMapOfInstalledLibvirtMatchesTheBundledOne() throws Exception {
    Path sys = Path.of(CpuMapLoader.SYSTEM_DIR);
    SharedData.require(Files.isDirectory(sys), "libvirt's cpu_map is not installed");
    CpuMaps system = CpuMapLoader.load("system");
    CpuMap a = system.forArch(Arch.X86).orElseThrow();
    CpuMap b = CpuMapLoader.bundled("9.0.0").forArch(Arch.X86).orElseThrow();
    assertThat(names(a)).isEqualTo(names(b));
    assertThat(a.features().stream().map(Feature::name).toList())
        .isEqualTo(b.features().stream().map(Feature::name).toList());
    assertThat(system.source().kind()).isEqualTo("system");
  }
}
