package org.migcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.CpuTopology;
import org.migcheck.model.CpuType;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.HostCapabilities.Guest;
import org.migcheck.model.HostCapabilities.NumaCell;
import org.migcheck.model.HostCpu;
import org.migcheck.model.MaxPhysAddr;
import org.migcheck.model.TscCounter;

/** Every {@code <capabilities>} file of the reference set, with values read from the files. */
class HostCapabilitiesTest {

  private static HostCapabilities caps(String file) {
    return Docs.caps(file, HostCapabilities.class);
  }

  @Test
  void qemuKvm() {
    HostCapabilities c = caps("caps-qemu-kvm.xml");
    assertThat(c.line()).isEqualTo(1);
    assertThat(c.uuid()).isEqualTo("a25c794c-34ad-11b2-a85c-b030533115b8");

    HostCpu cpu = c.cpu();
    assertThat(cpu.line()).isEqualTo(5);
    assertThat(cpu.arch()).isEqualTo("x86_64");
    assertThat(cpu.model()).isEqualTo("Haswell-noTSX");
    assertThat(cpu.vendor()).isEqualTo("Intel");
    assertThat(cpu.microcodeVersion()).isEqualTo(45L);
    assertThat(cpu.signature()).isNull();
    assertThat(cpu.counter()).isEqualTo(new TscCounter("tsc", 2596991000L, false));
    assertThat(cpu.topology()).isEqualTo(new CpuTopology(1, 1, null, 8, 1));
    assertThat(cpu.maxPhysAddr()).isEqualTo(new MaxPhysAddr("emulate", 39, null));
    assertThat(cpu.features()).hasSize(26).startsWith("vme", "ds", "acpi").endsWith("abm", "invtsc");
    assertThat(cpu.pages())
        .extracting(HostCpu.PageSize::unit, HostCpu.PageSize::size)
        .containsExactly(tuple("KiB", 4L), tuple("KiB", 2048L), tuple("KiB", 1048576L));

    assertThat(c.powerManagement()).containsExactly("suspend_mem", "suspend_disk", "suspend_hybrid");
    assertThat(c.iommuSupport()).isNull();
    assertThat(c.migrationFeatures().live()).isTrue();
    assertThat(c.migrationFeatures().uriTransports()).containsExactly("tcp", "rdma");

    assertThat(c.numaCells()).hasSize(2);
    NumaCell cell0 = c.numaCells().get(0);
    assertThat(cell0.id()).isZero();
    assertThat(cell0.memory()).isEqualTo(16175540L);
    assertThat(cell0.memoryUnit()).isEqualTo("KiB");
    assertThat(cell0.pages())
        .extracting(p -> p.size(), p -> p.count())
        .containsExactly(tuple(4L, 4043885L), tuple(2048L, 0L), tuple(1048576L, 0L));
    assertThat(cell0.distances()).extracting(d -> d.id(), d -> d.value()).containsExactly(tuple(0, 10), tuple(1, 21));
    assertThat(cell0.cpus()).hasSize(8);
    assertThat(cell0.cpus().get(1))
        .isEqualTo(new HostCapabilities.NumaCpu(2, 0, 0, null, 1, "2"));
    assertThat(c.numaCells().get(1).cpus().get(7))
        .isEqualTo(new HostCapabilities.NumaCpu(15, 1, 0, null, 7, "15"));

    assertThat(c.cacheBanks())
        .extracting(b -> b.id(), b -> b.level(), b -> b.type(), b -> b.size(), b -> b.unit(), b -> b.cpus())
        .containsExactly(
            tuple(0, 3, "both", 20L, "MiB", "0,2,4,6,8,10,12,14"),
            tuple(1, 3, "both", 20L, "MiB", "1,3,5,7,9,11,13,15"));

    assertThat(c.secModels()).extracting(s -> s.model(), s -> s.doi()).containsExactly(tuple("selinux", "0"), tuple("dac", "0"));
    assertThat(c.secModels().get(0).baseLabels())
        .extracting(l -> l.type(), l -> l.label())
        .containsExactly(
            tuple("kvm", "system_u:system_r:svirt_t:s0"),
            tuple("qemu", "system_u:system_r:svirt_tcg_t:s0"));
    assertThat(c.secModels().get(1).baseLabels())
        .extracting(l -> l.label())
        .containsExactly("+107:+107", "+107:+107");

    assertThat(c.guests()).hasSize(15);
    Guest i686 = c.guests().get(0);
    assertThat(i686.osType()).isEqualTo("hvm");
    assertThat(i686.arch().name()).isEqualTo("i686");
    assertThat(i686.arch().wordSize()).isEqualTo(32);
    assertThat(i686.arch().emulator()).isEqualTo("/usr/bin/qemu-system-i386");
    assertThat(i686.arch().machines())
        .extracting(m -> m.name(), m -> m.canonical(), m -> m.maxCpus())
        .containsExactly(
            tuple("pc-0.11", null, 255),
            tuple("pc", "pc-0.11", 255),
            tuple("pc-0.10", null, 255),
            tuple("isapc", null, 1));
    assertThat(i686.arch().domains()).extracting(d -> d.type()).containsExactly("qemu", "kvm");
    assertThat(i686.arch().domains().get(0).emulator()).isNull();
    assertThat(i686.arch().domains().get(0).machines()).isEmpty();
    assertThat(i686.arch().domains().get(1).emulator()).isEqualTo("/usr/bin/qemu-system-i386");
    assertThat(i686.arch().domains().get(1).machines()).extracting(m -> m.name()).containsExactly("pc-0.11", "pc", "pc-0.10", "isapc");
    assertThat(i686.features())
        .extracting(f -> f.name(), f -> f.defaultOn(), f -> f.toggle())
        .containsExactly(
            tuple("pae", null, null),
            tuple("nonpae", null, null),
            tuple("acpi", true, true),
            tuple("apic", true, false));
    Guest x86 = c.guests().get(1);
    assertThat(x86.arch().machines()).extracting(m -> m.maxCpus()).containsOnlyNulls();
    assertThat(c.guests().get(13).osType()).isEqualTo("xen");
    assertThat(c.guests().get(14).arch().machines()).extracting(m -> m.name()).containsExactly("xenner");
  }

  @Test
  void qemuRealFull() {
    HostCapabilities c = caps("caps-qemu-real-full.xml");
    assertThat(c.uuid()).isEqualTo("29fb382a-ac39-8995-b33c-bcfce7b79434");
    HostCpu cpu = c.cpu();
    assertThat(cpu.model()).isEqualTo("Opteron_G3-v1");
    assertThat(cpu.vendor()).isEqualTo("AMD");
    assertThat(cpu.microcodeVersion()).isEqualTo(188760099L);
    assertThat(cpu.signature()).isEqualTo(new CpuSignature(26, 68, 0));
    assertThat(cpu.counter()).isEqualTo(new TscCounter("tsc", 4299979000L, true));
    assertThat(cpu.topology()).isEqualTo(new CpuTopology(1, 1, 1, 16, 2));
    assertThat(cpu.maxPhysAddr()).isEqualTo(new MaxPhysAddr("emulate", 48, null));
    assertThat(cpu.features()).hasSize(117).startsWith("pclmuldq", "monitor").endsWith("perfmon-v2");
    assertThat(c.powerManagement()).containsExactly("suspend_mem");
    assertThat(c.iommuSupport()).isTrue();
    assertThat(c.migrationFeatures().uriTransports()).containsExactly("tcp", "rdma");

    assertThat(c.numaCells()).hasSize(1);
    NumaCell cell = c.numaCells().get(0);
    assertThat(cell.memory()).isEqualTo(63393224L);
    assertThat(cell.pages().get(0).count()).isEqualTo(15848306L);
    assertThat(cell.cpus()).hasSize(32);
    assertThat(cell.cpus().get(8)).isEqualTo(new HostCapabilities.NumaCpu(8, 0, 1, 65535, 8, "8,24"));

    assertThat(c.cacheBanks()).hasSize(18);
    assertThat(c.cacheBanks().get(16).cpus()).isEqualTo("0-7,16-23");
    assertThat(c.cacheBanks().get(16).level()).isEqualTo(3);
    assertThat(c.cacheBanks().get(16).size()).isEqualTo(32L);

    assertThat(c.guests())
        .extracting(g -> g.arch().name())
        .containsExactly(
            "armv6l", "armv7l", "aarch64", "i686", "mips", "mipsel", "mips64", "mips64el", "ppc",
            "ppc64", "ppc64le", "riscv32", "riscv64", "s390x", "sparc", "sparc64", "x86_64");
    Guest x86 = c.guests().get(16);
    assertThat(x86.arch().machines()).hasSize(46);
    assertThat(x86.arch().machines())
        .filteredOn(m -> m.canonical() != null)
        .extracting(m -> m.name(), m -> m.canonical(), m -> m.maxCpus())
        .containsExactly(tuple("pc", "pc-i440fx-11.0", 255), tuple("q35", "pc-q35-11.0", 4096));
    assertThat(x86.arch().machines().get(2))
        .isEqualTo(new HostCapabilities.Machine("pc-q35-5.2", null, 288, true));
    assertThat(x86.arch().machines().get(0).deprecated()).isNull();
    assertThat(x86.features())
        .extracting(f -> f.name())
        .containsExactly("acpi", "apic", "cpuselection", "deviceboot", "disksnapshot", "externalSnapshot");
  }

  @Test
  void oldTestDriverCapabilities() {
    HostCapabilities c = caps("caps-test.xml");
    assertThat(c.uuid()).isNull();
    assertThat(c.cpu().arch()).isEqualTo("i686");
    assertThat(c.cpu().model()).isNull();
    assertThat(c.cpu().features()).isEmpty();
    assertThat(c.migrationFeatures()).isNull();
    assertThat(c.powerManagement()).isEmpty();
    assertThat(c.secModels()).isEmpty();
    assertThat(c.numaCells()).extracting(NumaCell::id).containsExactly(0, 1);
    assertThat(c.numaCells().get(0).memory()).isNull();
    assertThat(c.numaCells().get(1).cpus())
        .extracting(HostCapabilities.NumaCpu::id)
        .containsExactly(1, 3, 5, 7, 9, 11, 13, 15);
    assertThat(c.numaCells().get(1).cpus().get(0).socketId()).isNull();
    assertThat(c.guests()).extracting(Guest::osType).containsExactly("hvm", "xen");
    assertThat(c.guests().get(0).arch().domains()).extracting(d -> d.type()).containsExactly("test");
    assertThat(c.guests().get(0).arch().emulator()).isEqualTo("/usr/bin/test-hv");
    assertThat(c.guests().get(1).features()).extracting(f -> f.name()).containsExactly("pae", "nonpae");
  }

  @Test
  void westmereWithoutGuests() {
    HostCapabilities c = caps("caps-test3.xml");
    assertThat(c.uuid()).isEqualTo("35383339-3134-5553-4531-30314e394a50");
    assertThat(c.cpu().model()).isEqualTo("Westmere");
    assertThat(c.cpu().topology()).isEqualTo(new CpuTopology(1, null, null, 6, 2));
    assertThat(c.cpu().counter()).isNull();
    assertThat(c.cpu().microcodeVersion()).isNull();
    assertThat(c.cpu().maxPhysAddr()).isNull();
    assertThat(c.cpu().features()).hasSize(20).startsWith("rdtscp", "pdpe1gb").endsWith("ds", "vme");
    assertThat(c.powerManagement()).containsExactly("suspend_disk");
    assertThat(c.migrationFeatures().uriTransports()).containsExactly("tcp");
    assertThat(c.numaCells()).extracting(NumaCell::memory).containsExactly(12572412L, 12582908L);
    assertThat(c.numaCells().get(0).cpus()).hasSize(12);
    assertThat(c.secModels()).extracting(s -> s.model()).containsExactly("none", "dac");
    assertThat(c.secModels().get(0).baseLabels()).isEmpty();
    assertThat(c.secModels().get(1).baseLabels())
        .extracting(l -> l.type(), l -> l.label())
        .containsExactly(tuple("kvm", "107:107"), tuple("qemu", "107:107"));
    assertThat(c.guests()).isEmpty();
    assertThat(c.cacheBanks()).isEmpty();
  }

  @Test
  void aarch64WithClusters() {
    HostCapabilities c = caps("vircaps-aarch64-basic-clusters.xml");
    assertThat(c.cpu().arch()).isEqualTo("aarch64");
    assertThat(c.cpu().model()).isNull();
    assertThat(c.powerManagement()).isEmpty();
    assertThat(c.iommuSupport()).isFalse();
    assertThat(c.migrationFeatures()).isNull();
    assertThat(c.numaCells()).hasSize(2);
    assertThat(c.numaCells().get(1).memory()).isEqualTo(2097152L);
    assertThat(c.numaCells().get(1).pages())
        .extracting(p -> p.count())
        .containsExactly(4096L, 6144L, 8192L);
    assertThat(c.numaCells().get(1).cpus().get(2))
        .isEqualTo(new HostCapabilities.NumaCpu(6, 3180, 0, 257, 257, "6-7"));
    assertThat(c.numaCells().get(0).distances()).isEmpty();
  }

  @Test
  void x86Basic() {
    HostCapabilities c = caps("vircaps-x86_64-basic.xml");
    assertThat(c.numaCells()).extracting(NumaCell::id).containsExactly(0, 1, 2, 3);
    assertThat(c.numaCells()).extracting(NumaCell::memory).containsExactly(1048576L, 2097152L, 3145728L, 4194304L);
    assertThat(c.numaCells().get(3).cpus()).extracting(HostCapabilities.NumaCpu::id).containsExactly(12, 13, 14, 15);
    assertThat(c.migrationFeatures()).isNull();
    assertThat(c.cacheBanks()).isEmpty();
  }

  @Test
  void x86Caches() {
    HostCapabilities c = caps("vircaps-x86_64-caches.xml");
    assertThat(c.migrationFeatures().live()).isTrue();
    assertThat(c.migrationFeatures().uriTransports()).isEmpty();
    assertThat(c.numaCells()).hasSize(1);
    assertThat(c.numaCells().get(0).cpus().get(4).siblings()).isEqualTo("0,4");
    assertThat(c.cacheBanks())
        .extracting(b -> b.id(), b -> b.level(), b -> b.size(), b -> b.unit(), b -> b.cpus())
        .containsExactly(tuple(0, 3, 8L, "MiB", "0-7"));
    assertThat(c.cacheBanks().get(0).controls()).isEmpty();
  }

  @Test
  void x86Hmat() {
    HostCapabilities c = caps("vircaps-x86_64-hmat.xml");
    assertThat(c.numaCells()).hasSize(2);
    assertThat(c.numaCells().get(0).cpus()).hasSize(24);
    assertThat(c.numaCells().get(1).cpus()).isEmpty();
    assertThat(c.cacheBanks()).hasSize(24);
    assertThat(c.cacheBanks().get(23).cpus()).isEqualTo("23");
    assertThat(c.cacheBanks().get(23).size()).isEqualTo(16L);
  }

  @Test
  void x86ResctrlIntel() {
    HostCapabilities c = caps("vircaps-x86_64-resctrl.xml");
    assertThat(c.numaCells()).hasSize(2);
    assertThat(c.numaCells().get(1).cpus().get(0)).isEqualTo(new HostCapabilities.NumaCpu(6, 1, 0, 0, 0, "6"));
    assertThat(c.cacheBanks()).hasSize(2);
    assertThat(c.cacheBanks().get(1).controls())
        .containsExactly(new HostCapabilities.CacheControl(768L, 1536L, "KiB", "both", 4));
    assertThat(c.memoryBandwidth())
        .containsExactly(
            new HostCapabilities.BandwidthNode(0, "0-5", new HostCapabilities.BandwidthControl(10, 10, 4)),
            new HostCapabilities.BandwidthNode(1, "6-11", new HostCapabilities.BandwidthControl(10, 10, 4)));
  }

  @Test
  void x86ResctrlAmd() {
    HostCapabilities c = caps("vircaps-x86_64-resctrl-amd.xml");
    assertThat(c.cpu().features()).isEmpty(); // monitor features are not CPU features
    assertThat(c.numaCells()).hasSize(2);
    assertThat(c.numaCells().get(0).cpus()).hasSize(32);
    assertThat(c.numaCells().get(0).cpus().get(4)).isEqualTo(new HostCapabilities.NumaCpu(4, 0, 2, 65535, 16, "4,36"));
    assertThat(c.cacheBanks()).hasSize(40);
    assertThat(c.cacheBanks()).filteredOn(b -> b.level() == 3).hasSize(8);
    assertThat(c.cacheBanks().get(32).controls())
        .containsExactly(new HostCapabilities.CacheControl(1L, null, "MiB", "both", 16));
    assertThat(c.memoryBandwidth()).extracting(n -> n.id()).containsExactly(0, 2, 4, 6, 8, 10, 12, 14);
    assertThat(c.memoryBandwidth().get(7).cpus()).isEqualTo("24-27,56-59");
    assertThat(c.memoryBandwidth().get(7).control()).isEqualTo(new HostCapabilities.BandwidthControl(1, 0, 16));
  }

  @Test
  void hostCpuToCpuDef() {
    HostCapabilities c = caps("caps-qemu-kvm.xml");
    CpuDef def = c.cpu().toCpuDef();
    assertThat(def.type()).isEqualTo(CpuType.HOST);
    assertThat(def.arch()).isEqualTo("x86_64");
    assertThat(def.model()).isEqualTo("Haswell-noTSX");
    assertThat(def.vendor()).isEqualTo("Intel");
    assertThat(def.mode()).isNull();
    assertThat(def.source()).isEqualTo(c.source());
    assertThat(def.features()).hasSize(26).allMatch(f -> f.policy() == null);
    assertThat(def.features().get(25).name()).isEqualTo("invtsc");
  }

  @Test
  void hostCpuWithoutModelIsStillACpuDef() {
    CpuDef def = caps("vircaps-aarch64-basic-clusters.xml").cpu().toCpuDef();
    assertThat(def.arch()).isEqualTo("aarch64");
    assertThat(def.model()).isNull();
    assertThat(def.features()).isEqualTo(List.of());
  }
}
