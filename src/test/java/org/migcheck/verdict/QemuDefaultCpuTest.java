package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.verdict.Fixtures.checkGuest;
import static org.migcheck.verdict.Fixtures.host;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.DomainDef;
import org.migcheck.model.FeaturePolicy;

/**
 * Guests libvirt starts without a CPU check: no {@code <cpu>} (QEMU's default model, which libvirt
 * writes as qemu64 with check='none'), and custom CPUs with check='none' or without a vendor.
 */
class QemuDefaultCpuTest {
  private static final DomainDef NO_CPU = Fixtures.guest("guest-no-cpu");

  private static DomainDef withCpu(String cpuXml) {
    String xml = "<domain type='kvm'><name>t</name><memory>1048576</memory>"
        + "<os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>" + cpuXml + "</domain>";
    return (DomainDef) Fixtures.parse(xml);
  }

  @Test
  void betweenIdenticalIntelHostsItIsSafeBothWays() {
    List<ModeVerdict> vs = Fixtures.CHECKER.check(host("skylake-a"), host("skylake-b"),
        new CheckOptions(List.of(), NO_CPU, null, true));
    assertThat(vs).hasSize(2).allSatisfy(v -> {
      assertThat(v.mode()).isEqualTo(GuestMode.CUSTOM);
      assertThat(v.safety()).isEqualTo(Safety.SAFE);
      assertThat(v.notes()).noneMatch(n -> n.contains("cannot start"));
      // KVM on Intel gives no svm: QEMU leaves it out and libvirt records it as disabled
      assertThat(v.guestCpu().model()).isEqualTo("qemu64");
      assertThat(v.guestCpu().features()).containsExactly(new CpuFeature("svm", FeaturePolicy.DISABLE));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"skylake-a", "broadwell", "coffeelake-e2288g", "icelake-notsx", "epyc-rome"})
  void itStartsOnEveryHost(String name) {
    // nothing on the CPU axis (broadwell lacks the machine type, which is another axis)
    assertThat(Fixtures.CHECKER.startFindings(NO_CPU, host(name))).noneMatch(f -> f.axis() == Axis.CPU);
    assertThat(Fixtures.CHECKER.startFindings(NO_CPU, Fixtures.capsOnly(name)))
        .noneMatch(f -> f.axis() == Axis.CPU);
  }

  @Test
  void acrossVendorsTheVendorChangesUnderTheGuest() {
    ModeVerdict there = checkGuest(host("skylake-a"), host("epyc-rome"), NO_CPU).get(0);
    assertThat(there.safety()).isEqualTo(Safety.UNSAFE);
    assertThat(there.findings(Axis.CPU)).singleElement().satisfies(f -> assertThat(f.message())
        .startsWith("the vendor changes under a running guest").contains("Intel on skylake-a", "AMD on epyc-rome"));
    // AMD gives svm, so a guest started there keeps it, which no Intel host gives: refused
    ModeVerdict back = checkGuest(host("epyc-rome"), host("skylake-a"), NO_CPU).get(0);
    assertThat(back.findings(Axis.CPU)).hasSize(2)
        .anySatisfy(f -> assertThat(f.features()).containsExactly("svm"));
  }

  @Test
  void libvirtsWrittenFormOfTheDefaultIsTheDefault() {
    DomainDef written = withCpu("<cpu mode='custom' match='exact' check='none'>"
        + "<model fallback='forbid'>qemu64</model></cpu>");
    ModeVerdict v = checkGuest(host("skylake-a"), host("skylake-b"), written).get(0);
    assertThat(v.safety()).isEqualTo(Safety.SAFE);
    assertThat(v.notes()).anyMatch(n -> n.contains("as libvirt writes it for a domain without <cpu>"));
  }

  @Test
  void anExplicitCheckNoneModelIsSilentlyCutDown() {
    // Skylake-Server-IBRS with check='none' on a host without AVX-512: QEMU drops, libvirt does not refuse
    DomainDef g = Fixtures.testGuest("check-none.xml");
    List<Finding> start = Fixtures.CHECKER.startFindings(g, host("coffeelake-e2288g"));
    assertThat(start).filteredOn(f -> f.axis() == Axis.CPU).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.RISKY);
      assertThat(f.message()).startsWith("check='none': QEMU on coffeelake-e2288g silently drops");
      assertThat(f.features()).contains("avx512f");
    });
    assertThat(Fixtures.CHECKER.canStart(g, host("coffeelake-e2288g"))).isTrue();
    // started there it runs without AVX-512, and a Skylake host gives it all it kept
    ModeVerdict up = checkGuest(host("coffeelake-e2288g"), host("skylake-a"), g).get(0);
    assertThat(up.findings(Axis.CPU)).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Safety.RISKY));
    assertThat(up.guestCpu().features()).contains(new CpuFeature("avx512f", FeaturePolicy.DISABLE));
  }

  @Test
  void checkNoneDoesNotStartAModelQemuLacks() {
    // libvirt translates or refuses the model before QEMU runs, whatever check says
    Host without = TestHosts.withCustomModel(host("skylake-a"), "Skylake-Server-IBRS", null);
    List<Finding> start = Fixtures.CHECKER.startFindings(Fixtures.testGuest("check-none.xml"), without);
    assertThat(start).filteredOn(f -> f.axis() == Axis.CPU).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Safety.UNSAFE);
      assertThat(f.message()).isEqualTo("QEMU on skylake-a does not offer model Skylake-Server-IBRS (fallback='forbid')");
    });
  }

  @Test
  void aCheckedModelWithoutVendorAlsoChangesVendor() {
    DomainDef kvm64 = withCpu("<cpu mode='custom' match='exact'><model>kvm64</model></cpu>");
    ModeVerdict v = checkGuest(host("skylake-a"), host("epyc-rome"), kvm64).get(0);
    assertThat(v.findings(Axis.CPU)).anySatisfy(f -> assertThat(f.message())
        .startsWith("the vendor changes under a running guest"));
    // vendor_id pins what QEMU advertises: no change
    DomainDef pinned = withCpu("<cpu mode='custom' match='exact'>"
        + "<model vendor_id='GenuineIntel'>kvm64</model></cpu>");
    assertThat(checkGuest(host("skylake-a"), host("epyc-rome"), pinned).get(0).findings(Axis.CPU))
        .noneMatch(f -> f.message().startsWith("the vendor changes"));
    // a vendor the compare checks: libvirt refuses, no second finding
    DomainDef intel = withCpu("<cpu mode='custom' match='exact'><model>kvm64</model>"
        + "<vendor>Intel</vendor></cpu>");
    assertThat(checkGuest(host("skylake-a"), host("epyc-rome"), intel).get(0).findings(Axis.CPU))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("AMD CPU"));
  }
}
