package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuTopology;
import org.migcheck.model.CpuType;
import org.migcheck.model.DomainDef;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.GuestCpu;
import org.migcheck.model.MaxPhysAddr;

class DomainDefTest {

  private static DomainDef domain(String fixture) {
    return Docs.one(Path.of(Fixtures.path(fixture)), DomainDef.class);
  }

  @Test
  void fullDomain() {
    DomainDef d = domain("domain-full.xml");
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.type()).isEqualTo("kvm");
    assertThat(d.name()).isEqualTo("db01");
    assertThat(d.uuid()).isEqualTo("3e3fce45-4f53-4fa7-bb32-11f34168b82b");
    assertThat(d.os()).isEqualTo(new DomainDef.Os("hvm", "x86_64", "pc-q35-8.2"));
    assertThat(d.memory()).isEqualTo(new DomainDef.Memory(16, "GiB"));
    assertThat(d.memory().kib()).isEqualTo(16L * 1024 * 1024);
    assertThat(d.vcpu()).isEqualTo(new DomainDef.Vcpu(8, 6, "static"));
    assertThat(d.hugePagesRequested()).isTrue();
    assertThat(d.hugePages())
        .containsExactly(
            new DomainDef.HugePage(1L, "G", "0-1"), new DomainDef.HugePage(2048L, "KiB", "2"));
    assertThat(d.numaTune().memory()).isEqualTo(new DomainDef.MemoryTune("strict", "0-1", null));
    assertThat(d.numaTune().memNodes())
        .containsExactly(
            new DomainDef.MemNode(0, "strict", "0"), new DomainDef.MemNode(1, "preferred", "1"));
    assertThat(d.features()).containsExactly("acpi", "apic", "hyperv", "vmport");
    assertThat(d.clock().offset()).isEqualTo("utc");
    assertThat(d.clock().timers())
        .extracting(t -> t.name(), t -> t.present(), t -> t.frequency(), t -> t.mode(), t -> t.tickPolicy())
        .containsExactly(
            tuple("rtc", null, null, null, "catchup"),
            tuple("hpet", false, null, null, null),
            tuple("tsc", null, 2593906000L, "native", null));
    assertThat(d.tscFrequency()).isEqualTo(2593906000L);
    assertThat(d.secLabels())
        .containsExactly(
            new DomainDef.SecLabel("dynamic", "selinux", true), new DomainDef.SecLabel("none", "dac", null));
    assertThat(d.devices().interfaceTypes()).containsExactly("network", "hostdev");
    assertThat(d.devices().hostDevs()).containsExactly(new DomainDef.HostDev("subsystem", "pci", 61));
    assertThat(d.devices().shmems()).containsExactly("ivshmem0");
    assertThat(d.migrationBlockers())
        .containsExactly(
            "hostdev (mode=subsystem, type=pci)", "interface type='hostdev'", "shmem 'ivshmem0'");

    GuestCpu cpu = d.cpu();
    assertThat(cpu.line()).isEqualTo(34);
    assertThat(cpu.topology()).isEqualTo(new CpuTopology(2, 1, null, 2, 2));
    assertThat(cpu.numaCells())
        .containsExactly(
            new GuestCpu.NumaCell(0, "0-3", 8L, "GiB", "shared"),
            new GuestCpu.NumaCell(1, "4-7", 8388608L, null, null));
    CpuDef def = d.cpuDef();
    assertThat(def.type()).isEqualTo(CpuType.GUEST);
    assertThat(def.check()).isEqualTo(CpuCheck.FULL);
    assertThat(def.model()).isEqualTo("Skylake-Server-IBRS");
    assertThat(def.fallback()).isEqualTo(Fallback.FORBID);
    assertThat(def.features())
        .containsExactly(
            new CpuFeature("invtsc", FeaturePolicy.REQUIRE),
            new CpuFeature("hle", FeaturePolicy.DISABLE),
            new CpuFeature("pcid", FeaturePolicy.REQUIRE));
    assertThat(new InputReader().extractCpus(Fixtures.path("domain-full.xml")))
        .containsExactly(def);
  }

  @Test
  void minimalDomain() {
    DomainDef d = domain("domain-minimal.xml");
    assertThat(d.type()).isEqualTo("qemu");
    assertThat(d.memory()).isEqualTo(new DomainDef.Memory(524288, "KiB"));
    assertThat(d.vcpu()).isEqualTo(new DomainDef.Vcpu(1, null, null));
    assertThat(d.os()).isEqualTo(new DomainDef.Os("hvm", null, null));
    assertThat(d.cpu()).isNull();
    assertThat(d.cpuDef()).isNull();
    assertThat(d.clock()).isNull();
    assertThat(d.tscFrequency()).isNull();
    assertThat(d.hugePagesRequested()).isFalse();
    assertThat(d.numaTune()).isNull();
    assertThat(d.secLabels()).isEmpty();
    assertThat(d.features()).isEmpty();
    assertThat(d.migrationBlockers()).isEmpty();
    String file = Fixtures.path("domain-minimal.xml");
    assertThatThrownBy(() -> new InputReader().extractCpus(file))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(
            "File '"
                + file
                + "' does not contain any <cpu> element or valid domain XML, host capabilities XML,"
                + " or domain capabilities XML");
  }

  @Test
  void hostPassthroughDomain() {
    DomainDef d = domain("domain-passthrough.xml");
    assertThat(d.memory().kib()).isEqualTo(2048L * 1024);
    assertThat(d.devices().hostDevs()).isEmpty();
    assertThat(d.cpu().maxPhysAddr()).isEqualTo(new MaxPhysAddr("passthrough", null, 39));
    assertThat(d.cpu().caches()).containsExactly(new GuestCpu.Cache(null, "passthrough"));
    CpuDef def = d.cpuDef();
    assertThat(def.mode()).isEqualTo(CpuMode.HOST_PASSTHROUGH);
    assertThat(def.migratable()).isTrue();
    assertThat(def.check()).isEqualTo(CpuCheck.NONE);
    assertThat(def.model()).isNull();
    assertThat(def.features()).containsExactly(new CpuFeature("vmx", FeaturePolicy.DISABLE));
  }

  @Test
  void invalidCpuInADomainFailsWhenTheCpuIsUsed() {
    DomainDef d =
        Docs.parse(
            "<domain type='kvm'>\n  <name>x</name>\n  <cpu>\n    <model>Penryn</model>\n"
                + "    <feature name='vmx'/>\n    <feature name='vmx'/>\n  </cpu>\n</domain>\n",
            DomainDef.class);
    assertThatThrownBy(d::cpuDef)
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("CPU feature 'vmx' specified more than once")
        .satisfies(e -> assertThat(((InputException) e).oneLine()).isEqualTo("<stdin>:6: " + e.getMessage()));
  }

  @Test
  void badMemoryUnit() {
    String file = Fixtures.path("domain-bad-memory-unit.xml");
    assertThatThrownBy(() -> new InputReader().readAll(List.of(file)))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(
            "Invalid value for attribute 'unit' in element 'memory': 'parsecs'. Expected a unit such"
                + " as KiB, MiB, GiB or bytes")
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
  }

  @Test
  void badNumbers() {
    assertThatThrownBy(() -> Docs.read("<domain><vcpu>four</vcpu></domain>"))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("Invalid value in element 'vcpu': 'four'. Expected a non-negative integer");
    assertThatThrownBy(() -> Docs.read("<domain><memory unit='KiB'/></domain>"))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage("Missing value in element 'memory'");
    assertThatThrownBy(() -> Docs.read("<domain><memory>99999999999999999999999</memory></domain>"))
        .isExactlyInstanceOf(InputException.class)
        .hasMessageStartingWith("Invalid value in element 'memory': '99999999999999999999999'");
    assertThatThrownBy(
            () -> Docs.read("<domain><clock><timer name='tsc' frequency='2.5GHz'/></clock></domain>"))
        .isExactlyInstanceOf(InputException.class)
        .hasMessage(
            "Invalid value for attribute 'frequency' in element 'timer': '2.5GHz'. Expected a"
                + " non-negative integer");
  }
}
