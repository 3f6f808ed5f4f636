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

  @Test
  void theBuildPrecompilesTheBundledMapAndItEqualsTheXml() {
    CpuMaps binary = CpuMapLoader.bundledFromBinary();
    assertThat(binary).as("target/classes/org/migcheck/cpumap/bundled.bin from the build").isNotNull();
    assertSameMaps(binary, CpuMapLoader.bundledFromXml());
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
