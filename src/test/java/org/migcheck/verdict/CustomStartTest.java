package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.verdict.Fixtures.host;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;

/**
 * The start rule for custom CPUs on a sample host (Skylake with domcapabilities): the same rules
 * RealQemuOracleTest checks against real QEMU on the machine at hand.
 */
class CustomStartTest {
  private static final CustomStart START =
      new CustomStart(Fixtures.ENGINE, Fixtures.ENGINE.featureMap("test"));
  private static final Host SKYLAKE = host("skylake-a");

  private static CpuDef cpu(String model, CpuCheck check, String vendor, CpuFeature... features) {
    return new CpuDef(CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT, check, null, model,
        Fallback.FORBID, null, vendor, List.of(features), "test");
  }

  private static CpuFeature require(String name) {
    return new CpuFeature(name, FeaturePolicy.REQUIRE);
  }

  private static List<Finding> findings(CpuDef cpu) {
    return START.findings(cpu, SKYLAKE);
  }

  @Test
  void partialComparesWithTheHostCpuAndQemuDropsWhatKvmLacks() {
    // monitor is in skylake-a's CPUID but not in its host-model: libvirt's compare passes
    CpuDef c = cpu("Skylake-Client-IBRS", CpuCheck.PARTIAL, null, require("monitor"));
    assertThat(findings(c)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.RISKY);
      assertThat(f.features()).containsExactly("monitor");
    });
    // the default check of a custom CPU under KVM is partial
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.DEFAULT, null, require("monitor"))))
        .isEqualTo(findings(c));
    // a feature the host CPU lacks is refused by the compare
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.PARTIAL, null, require("svm"))))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
          assertThat(f.features()).containsExactly("svm");
        });
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.PARTIAL, "AMD")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("vendor"));
  }

  @Test
  void fullRefusesEveryDifferenceQemuMakes() {
    // QEMU sets hypervisor on every model; Skylake-Client-IBRS has x2apic already
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.FULL, null)))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
          assertThat(f.features()).containsExactly("hypervisor");
        });
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.FULL, null, require("hypervisor"))))
        .isEmpty();
    // what KVM cannot give is "missing" after start
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.FULL, null, require("hypervisor"),
        require("monitor")))).singleElement().satisfies(f -> assertThat(f.features())
            .containsExactly("monitor"));
    // no compare before start: another vendor is not refused
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.FULL, "AMD", require("hypervisor"))))
        .isEmpty();
    // but a forbidden feature the host has is
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.FULL, null, require("hypervisor"),
        new CpuFeature("aes", FeaturePolicy.FORBID)))).singleElement()
        .satisfies(f -> assertThat(f.features()).containsExactly("aes"));
  }

  @Test
  void noneChecksNothingButTheModelName() {
    assertThat(findings(cpu("Skylake-Client-IBRS", CpuCheck.NONE, "AMD", require("svm"))))
        .extracting(Finding::severity).containsExactly(Safety.RISKY);
    assertThat(findings(cpu("Icelake-Client", CpuCheck.NONE, null)))
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
          assertThat(f.message()).contains("does not offer model Icelake-Client");
        });
  }
}
