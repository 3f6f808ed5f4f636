package org.migcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.model.CpuDef;

/**
 * libvirt 7.0.0's model choice differs from 9.0.0's in code, not only in the map: the same map
 * under both rules gives other baselines (the differential test then shows which one virsh 7.0.0
 * agrees with).
 */
class LibvirtRulesTest {
  @Test
  void theSevenRuleChangesBaselinesOnTheSameMap() {
    CpuMaps seven = CpuMapLoader.bundled("7.0.0");
    CpuEngine old = new CpuEngine(seven);
    CpuEngine scored = new CpuEngine(seven.emulating("9.0.0"));
    int differ = 0;
    int compared = 0;
    for (int seed = 0; seed < 300; seed++) {
      List<CpuDef> hosts =
          new RandomHosts(seven.forArch(Arch.X86).orElseThrow(), 7000L + seed, true).hostSet();
      BaselineOptions opts = new BaselineOptions(false, false);
      CpuDef a;
      CpuDef b;
      try {
        a = old.baseline(hosts, opts);
        b = scored.baseline(hosts, opts);
      } catch (CpuError e) {
        continue;
      }
      compared++;
      if (!a.equals(b)) {
        differ++;
      }
    }
    assertThat(compared).isGreaterThan(150);
    assertThat(differ).as("baselines where 7.0.0's rule picks otherwise").isGreaterThan(5);
  }

  @Test
  void theIssuesExampleBroadwellAndCascadelakeWithExtras() {
    // 7.0.0 keeps the shortest feature list; 8.4.0+ prefers the input models (NEWS, 8.4.0)
    CpuMaps seven = CpuMapLoader.bundled("7.0.0");
    List<CpuDef> hosts =
        List.of(
            CpuDef.host("x86_64", "Broadwell", "Intel",
                List.of("mpx", "xsavec", "xgetbv1", "clflushopt", "xsaves", "avx512f", "avx512dq",
                    "avx512cd", "avx512bw", "avx512vl", "pku", "clwb"), "a"),
            CpuDef.host("x86_64", "Cascadelake-Server", "Intel", List.of(), "b"));
    CpuDef old = new CpuEngine(seven).baseline(hosts, new BaselineOptions(false, false));
    CpuDef scored =
        new CpuEngine(seven.emulating("9.0.0")).baseline(hosts, new BaselineOptions(false, false));
    assertThat(scored.model()).isEqualTo("Broadwell");
    // what virsh 7.0.0 prints for these two CPUs (checked by hand against the oracle)
    assertThat(old.model()).isEqualTo("Skylake-Server");
    assertThat(old.features().stream().filter(f -> f.policy() != null && f.policy().name().equals("DISABLE"))
            .map(f -> f.name()))
        .containsExactly("vme", "f16c", "rdrand", "arat", "xsaveopt", "pdpe1gb", "abm");
  }
}
