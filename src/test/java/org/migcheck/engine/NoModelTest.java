package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.model.CpuDef;

/** CPUs without a model (a custom {@code <cpu/>}: QEMU's default) meet no null lookups. */
class NoModelTest {
  private static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));

  @Test
  void updatingACustomCpuWithoutAModelChangesNothing() {
    CpuDef guest = CpuDef.guest(null, null, List.of(), "guest.xml");
    CpuDef host = CpuDef.host("x86_64", "Skylake-Client", "Intel", List.of(), "host.xml");
    assertThat(ENGINE.x86("test").update(guest, host)).isEqualTo(guest);
  }

  @Test
  void mapLookupsOfNullFindNothing() {
    var map = ENGINE.x86("test").map();
    assertThat(map.model(null)).isEmpty();
    assertThat(map.feature(null)).isEmpty();
    assertThat(map.featureByAlias(null)).isEmpty();
    assertThat(map.vendor(null)).isEmpty();
  }
}
