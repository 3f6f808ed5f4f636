package org.migcheck.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.NaturalOrder;
import org.migcheck.verdict.PlatformAxis;
import org.migcheck.verdict.TscAxis;

class FleetFactsTest {
  private static List<String> names(List<FleetHost> hosts) {
    return hosts.stream().map(h -> HostNames.shortName(h.name())).toList();
  }

  @Test
  void theSamples() {
    FleetFacts f = Fleets.analyse(Fleets.samples(Fleets.SAMPLE_HOSTS, true)).facts();
    assertThat(f.hosts()).isEqualTo(7);
    // broadwell runs QEMU 6.2: the 7.x machine types are missing there only
    assertThat(f.missingMachines()).extracting(PlatformAxis.MissingMachine::machine)
        .containsExactly("pc-i440fx-7.0", "pc-i440fx-7.1", "pc-i440fx-7.2", "pc-q35-7.0", "pc-q35-7.1", "pc-q35-7.2");
    assertThat(f.missingMachines()).allSatisfy(m -> assertThat(names(m.missingOn())).containsExactly("broadwell"));
    assertThat(f.newestCommonMachines()).contains("pc-i440fx-6.2", "pc-q35-6.2");
    assertThat(f.commonMachines()).contains("pc-q35-2.10").doesNotContain("q35", "pc");
    // natural order: 2.9 before 2.10
    assertThat(f.commonMachines().indexOf("pc-q35-2.9")).isLessThan(f.commonMachines().indexOf("pc-q35-2.10"));
    TscAxis.FleetTsc<FleetHost> tsc = f.tsc();
    assertThat(tsc.minHz()).isEqualTo(2_000_000_000L);
    assertThat(tsc.maxHz()).isEqualTo(3_696_000_000L);
    assertThat(tsc.spreadPpm()).isEqualTo(848_000.0);
    assertThat(names(tsc.noScaling())).containsExactly("broadwell");
    // skylake-a and skylake-b share a rate; icelake-notsx is the slowest
    assertThat(tsc.distinctRates()).isEqualTo(6);
    assertThat(names(tsc.beyondTolerance())).doesNotContain("icelake-notsx").hasSize(6);
    assertThat(f.physBits().min()).isEqualTo(39);
    assertThat(names(f.physBits().atMin())).containsExactly("coffeelake-e2288g");
    assertThat(f.vendors()).extracting(FleetFacts.Share::value).containsExactly("Intel", "AMD");
    assertThat(f.secModels()).extracting(FleetFacts.Share::value)
        .containsExactly("apparmor, dac +64055:+994", "selinux, dac +107:+107", "apparmor, dac +0:+0");
    assertThat(f.noLiveMigration()).isEmpty();
    assertThat(f.duplicateUuids()).isEmpty();
  }

  @Test
  void duplicateUuidsAreFound() {
    FleetFacts f =
        Fleets.analyse(List.of(Fleets.sample("skylake-a.xml"), Fleets.sample("skylake-a.xml"))).facts();
    assertThat(f.duplicateUuids()).hasSize(1);
  }

  @Test
  void naturalOrderAndMachineFamilies() {
    assertThat(NaturalOrder.INSTANCE.compare("host-9", "host-10")).isNegative();
    assertThat(NaturalOrder.INSTANCE.compare("pc-q35-4.0.1", "pc-q35-4.0")).isPositive();
    assertThat(NaturalOrder.family("pc-q35-7.2")).isEqualTo("pc-q35");
    assertThat(NaturalOrder.family("pc-q35-rhel9.2.0")).isEqualTo("pc-q35-rhel");
    assertThat(NaturalOrder.family("microvm")).isEqualTo("microvm");
    assertThat(NaturalOrder.family("virt-8.2")).isEqualTo("virt");
  }
}
