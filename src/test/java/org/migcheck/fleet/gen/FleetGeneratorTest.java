package org.migcheck.fleet.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.BaselineOptions;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.CpuError;
import org.migcheck.engine.X86Decoder;
import org.migcheck.engine.X86Driver;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuSignature;
import org.migcheck.model.CpuType;
import org.migcheck.model.CpuXml;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.Virsh;

class FleetGeneratorTest {
  static final CpuNamer NAMER = CpuNamer.bundled();
  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  static final X86Driver X86 = ENGINE.x86("test");

  @TempDir Path tmp;

  private FleetGenerator generator(long seed, FleetMix mix) {
    return new FleetGenerator(seed, mix, NAMER);
  }

  @Test
  void sameSeedGivesTheSameBytes() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    generator(42, FleetMix.DEFAULT)
        .write(40, new FleetGenerator.Output(a, a.resolve("all.xml"), true));
    generator(42, FleetMix.DEFAULT)
        .write(40, new FleetGenerator.Output(b, b.resolve("all.xml"), true));
    List<String> names;
    try (Stream<Path> s = Files.list(a)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(names).hasSize(40 * 2 + 2).contains("host-00000.xml", "host-00039-domcaps.xml",
        "all.xml", "all-domcaps.xml");
    for (String n : names) {
      assertThat(Files.readAllBytes(b.resolve(n))).as(n).isEqualTo(Files.readAllBytes(a.resolve(n)));
    }
    // the concatenation is the per-host files back to back
    StringBuilder concat = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      concat.append(Files.readString(a.resolve(FleetGenerator.fileName(i, 40) + ".xml")));
    }
    assertThat(Files.readString(a.resolve("all.xml"))).isEqualTo(concat.toString());

    FleetGenerator other = generator(43, FleetMix.DEFAULT);
    assertThat(other.capabilities(other.host(0)))
        .isNotEqualTo(Files.readString(a.resolve("host-00000.xml")));
  }

  @Test
  void everyGeneratedHostReDecodesToItself() throws IOException {
    Path file = tmp.resolve("fleet.xml");
    generator(7, FleetMix.DEFAULT).write(300, new FleetGenerator.Output(null, file, false));
    List<ParsedDocument> docs = new InputReader().readAll(List.of(file.toString()));
    assertThat(docs).hasSize(300);
    for (ParsedDocument d : docs) {
      HostCapabilities caps = (HostCapabilities) d;
      CpuDef cpu = caps.cpu().toCpuDef();
      CpuSignature sig = caps.cpu().signature();
      Bits bits = X86.effectiveBits(cpu).or(X86.vendorBits(cpu.vendor()));
      CpuDef again =
          X86.decoder()
              .decode(X86Decoder.Request.host(bits, sig.family(), sig.model(), sig.stepping()), "t")
              .cpu();
      assertThat(again.model()).as(caps.uuid()).isEqualTo(cpu.model());
      assertThat(again.features()).as(caps.uuid()).isEqualTo(cpu.features());
    }
  }

  @Test
  void driftMakesManyDistinctHostClasses() {
    FleetGenerator g = generator(1, FleetMix.DEFAULT);
    Set<String> classes = new HashSet<>();
    Set<String> models = new HashSet<>();
    Set<String> vendors = new HashSet<>();
    Set<QemuRelease> qemus = new HashSet<>();
    Set<Long> tsc = new HashSet<>();
    Set<Integer> physBits = new HashSet<>();
    int tsxOff = 0;
    int nestedOff = 0;
    for (int i = 0; i < 2000; i++) {
      HostSpec h = g.host(i);
      CpuPart p = h.part();
      CpuDef cpu = NAMER.hostCpu(h.features(), p.vendor(), p.family(), p.model(), p.stepping());
      classes.add(CpuXml.format(cpu));
      models.add(cpu.model());
      vendors.add(cpu.vendor());
      qemus.add(h.qemu());
      tsc.add(h.tscHz());
      physBits.add(h.physBits());
      if (p.tsxCtrl() && !h.features().contains("rtm")) {
        tsxOff++;
      }
      if (!h.nested()) {
        nestedOff++;
      }
    }
    assertThat(classes.size()).isGreaterThanOrEqualTo(10);
    assertThat(models)
        .contains("Skylake-Server-IBRS", "Cascadelake-Server", "Cascadelake-Server-noTSX",
            "Broadwell-IBRS", "Broadwell-noTSX-IBRS", "EPYC-Rome", "EPYC-Milan");
    assertThat(vendors).containsExactlyInAnyOrder("Intel", "AMD");
    assertThat(qemus).containsExactlyInAnyOrder(QemuRelease.values());
    assertThat(tsc.size()).isGreaterThan(20);
    assertThat(physBits).contains(43, 46, 48);
    assertThat(tsxOff).isGreaterThan(100);
    assertThat(nestedOff).isGreaterThan(100);
  }

  @Test
  void virshBaselinesAGeneratedFleetLikeMigcheck() throws IOException {
    Path virsh = Virsh.require();
    Path file = tmp.resolve("intel.xml");
    generator(3, FleetMix.INTEL).write(50, new FleetGenerator.Output(null, file, false));
    List<CpuDef> cpus = new InputReader().extractCpus(file.toString(), CpuType.HOST);
    assertThat(cpus).hasSize(50);
    for (boolean expand : new boolean[] {false, true}) {
      Virsh.Result r =
          expand
              ? Virsh.run(virsh, "cpu-baseline", "--features", file.toString())
              : Virsh.run(virsh, "cpu-baseline", file.toString());
      assertThat(r.exit()).as(r.stderr()).isZero();
      CpuDef ours = ENGINE.baseline(cpus, new BaselineOptions(expand, false));
      assertThat(CpuXml.format(ours)).isEqualTo(Virsh.withoutTrailingBlankLine(r.stdout()));
    }

    // Intel and AMD hosts together: both refuse with libvirt's message
    Path mixed = tmp.resolve("mixed.xml");
    generator(3, FleetMix.DEFAULT).write(50, new FleetGenerator.Output(null, mixed, false));
    Virsh.Result r = Virsh.run(virsh, "cpu-baseline", mixed.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.stderr()).contains("CPU vendors do not match");
    List<CpuDef> mixedCpus = new InputReader().extractCpus(mixed.toString(), CpuType.HOST);
    assertThatThrownBy(() -> ENGINE.baseline(mixedCpus, BaselineOptions.DEFAULT))
        .isInstanceOf(CpuError.class)
        .hasMessageContaining("CPU vendors do not match");
  }

  @Test
  void domcapabilitiesAreConsistentWithTheirHosts() throws IOException {
    Path dir = tmp.resolve("d");
    generator(11, FleetMix.DEFAULT).write(30, new FleetGenerator.Output(dir, null, true));
    InputReader reader = new InputReader();
    for (int i = 0; i < 30; i++) {
      String name = FleetGenerator.fileName(i, 30);
      HostCapabilities caps =
          (HostCapabilities) reader.readAll(List.of(dir.resolve(name + ".xml").toString())).get(0);
      DomainCapabilities dc =
          (DomainCapabilities)
              reader.readAll(List.of(dir.resolve(name + "-domcaps.xml").toString())).get(0);
      CpuDef hostModel = dc.hostModelCpuDef();
      Bits offered = X86.effectiveBits(hostModel);
      CpuDef again =
          X86.decoder()
              .decode(X86Decoder.Request.guest(offered.or(X86.vendorBits(hostModel.vendor()))), name)
              .cpu();
      assertThat(again.model()).isEqualTo(hostModel.model());
      assertThat(again.features()).isEqualTo(hostModel.features());
      assertThat(hostModel.vendor()).isEqualTo(caps.cpu().vendor());
      assertThat(dc.cpu().hostModel().maxPhysAddr().limit())
          .isEqualTo(caps.cpu().maxPhysAddr().bits());
      List<String> machines = new ArrayList<>();
      caps.guests().forEach(gu -> gu.arch().machines().forEach(m -> machines.add(m.name())));
      assertThat(machines).contains(dc.machine());
      // KVM never offers what it cannot virtualize
      assertThat(NAMER.map().presentFeatures(offered))
          .extracting(f -> f.name())
          .doesNotContain("monitor", "ds", "acpi", "tm", "pbe", "osxsave", "cmt", "intel-pt");
    }
  }

  @Test
  void fileNamesSortInHostOrder() {
    assertThat(FleetGenerator.fileName(7, 1000)).isEqualTo("host-00007");
    assertThat(FleetGenerator.fileName(123456, 1_000_000)).isEqualTo("host-123456");
    assertThat(FleetGenerator.domcapsFile(Path.of("x/fleet.xml")))
        .isEqualTo(Path.of("x/fleet-domcaps.xml"));
  }
}
