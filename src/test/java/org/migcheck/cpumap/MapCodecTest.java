package org.migcheck.cpumap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.migcheck.testing.SharedData;

class MapCodecTest {
  static void assertSameMaps(CpuMaps a, CpuMaps b) {
    assertThat(a.source()).isEqualTo(b.source());
    assertThat(a.arches()).isEqualTo(b.arches());
    for (Arch arch : a.arches()) {
      CpuMap x = a.forArch(arch).orElseThrow();
      CpuMap y = b.forArch(arch).orElseThrow();
      assertThat(x.vendors()).isEqualTo(y.vendors());
      assertThat(x.features()).isEqualTo(y.features());
      assertThat(x.models()).isEqualTo(y.models());
      assertThat(x.nonMigratableBits()).isEqualTo(y.nonMigratableBits());
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"7.0.0", "9.0.0", "11.3.0", "12.8.0"})
  void theBuildPrecompilesEachBundledMapAndItEqualsTheXml(String version) {
    CpuMaps binary = CpuMapLoader.bundledFromBinary(version);
    assertThat(binary).as("%s from the build", CpuMapLoader.binaryName(version)).isNotNull();
    assertSameMaps(binary, CpuMapLoader.bundledFromXml(version));
  }

  @Test
  void listsTheBundledVersionsOldestFirst() {
    assertThat(CpuMapLoader.bundledVersions()).containsExactly("7.0.0", "9.0.0", "11.3.0", "12.8.0");
    assertThat(CpuMapLoader.bundled().source().libvirtVersion()).isEqualTo("12.8.0");
  }

  @Test
  void roundTripsTheNewestMap() throws IOException {
    CpuMaps latest = CpuMapLoader.load(SharedData.latestCpuMap().toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MapCodec.write(latest, bytes);
    assertSameMaps(MapCodec.read(new ByteArrayInputStream(bytes.toByteArray())), latest);
  }

  @Test
  void rejectsOtherData() {
    assertThatThrownBy(() -> MapCodec.read(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c'})))
        .isInstanceOf(IOException.class);
  }
}
