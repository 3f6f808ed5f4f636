package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.model.CpuDef;

class X86LevelTest {
  static final CpuMap MAP = CpuMapLoader.bundled("9.0.0").forArch(Arch.X86).orElseThrow();
  static final X86Driver X86 = new X86Driver(MAP);

  static X86Level levelOfModel(String model) {
    return X86Level.of(MAP, X86.effectiveBits(CpuDef.host("x86_64", model, null, List.of(), "t")));
  }

  @ParameterizedTest
  @CsvSource({
    "qemu64, V1",
    "kvm64, V1",
    "Nehalem, V2",
    "Westmere, V2",
    "SandyBridge, V2",
    // libvirt's Haswell and Broadwell models lack f16c and abm (lzcnt): not v3 without them
    "Haswell-noTSX, V2",
    "Broadwell, V2",
    "Skylake-Client-IBRS, V3",
    "Skylake-Server-IBRS, V4",
    "Cascadelake-Server, V4",
    "Icelake-Server, V4",
    "EPYC, V3",
    "EPYC-Rome, V3",
    "Opteron_G4, V2",
  })
  void modelsHaveTheirPsAbiLevel(String model, X86Level level) {
    assertThat(levelOfModel(model)).isEqualTo(level);
  }

  @Test
  void thirtyTwoBitModelsHaveNoLevel() {
    assertThat(levelOfModel("pentium3")).isNull();
    assertThat(levelOfModel("qemu32")).isNull();
  }

  @Test
  void missingNamesTheGap() {
    var bits = X86.effectiveBits(CpuDef.host("x86_64", "Westmere", null, List.of(), "t"));
    assertThat(X86Level.V3.missing(MAP, bits))
        .containsExactly("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave");
    assertThat(X86Level.V2.missingUpTo(MAP, bits)).isEmpty();
    assertThat(X86Level.parse("x86-64-v3")).isEqualTo(X86Level.V3);
    assertThat(X86Level.parse("v4")).isEqualTo(X86Level.V4);
    assertThat(X86Level.parse("v5")).isNull();
  }
}
