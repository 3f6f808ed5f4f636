package org.migcheck.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.engine.X86Driver;
import org.migcheck.engine.X86Level;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;

class FleetClassesTest {
  @TempDir Path tmp;

  @Test
  void samplesGroupByWhatGuestsSee() {
    FleetAnalysis a = Fleets.analyse(Fleets.samples(Fleets.SAMPLE_HOSTS, true));
    assertThat(a.classes()).hasSize(6);
    Fleet f = a.fleet();
    FleetClass skylake = Fleets.classOf(f, "skylake-a.xml");
    assertThat(Fleets.classOf(f, "skylake-b.xml")).isSameAs(skylake);
    assertThat(a.hosts(skylake)).extracting(h -> h.name().replaceAll(".*/", ""))
        .containsExactly("skylake-a.xml", "skylake-b.xml");
    assertThat(skylake.cpu().decodedModel()).isEqualTo("Skylake-Server-IBRS");
    assertThat(skylake.cpu().level()).isEqualTo(X86Level.V4);
    assertThat(skylake.hostModel().cpu().model()).isEqualTo("Skylake-Server-IBRS");
    FleetClass cascade = Fleets.classOf(f, "cascadelake.xml");
    // libvirt's guest decode names the Cascade Lake host-model Cooperlake
    assertThat(cascade.hostModel().cpu().model()).isEqualTo("Cooperlake");
    assertThat(Fleets.classOf(f, "epyc-rome.xml").vendor()).isEqualTo("AMD");
    // labels follow what classes are: AMD before Intel, weaker before stronger
    assertThat(a.classes()).extracting(a::label).containsExactly("C1", "C2", "C3", "C4", "C5", "C6");
    assertThat(a.label(Fleets.classOf(f, "epyc-rome.xml"))).isEqualTo("C1");
    assertThat(a.label(Fleets.classOf(f, "icelake-notsx.xml"))).isEqualTo("C6");
    // every host's domcapabilities were paired by name
    assertThat(f.hosts()).allSatisfy(h -> assertThat(h.domcaps()).endsWith("-domcaps.xml"));
  }

  @Test
  void withoutDomcapabilitiesAClassIsTheHostCpu() {
    FleetAnalysis a = Fleets.analyse(Fleets.samples(Fleets.SAMPLE_HOSTS, false));
    assertThat(a.classes()).hasSize(6).allSatisfy(c -> assertThat(c.hostModel()).isNull());
  }

  /**
   * The classes partition the hosts exactly as grouping them by hand does: full parser, the
   * engine's expansion of the host CPU, its signature and written model, and the host-model's
   * expansion.
   */
  @Test
  void classesMatchAnIndependentGrouping() {
    Path dir = Fleets.generate(tmp.resolve("fleet"), 11, 60, true, false);
    Fleet fleet = Fleets.load(List.of(dir.toString()));
    X86Driver x86 = Fleets.ENGINE.x86("test");
    Map<String, List<Object>> keys = new HashMap<>();
    Map<String, List<Object>> hostModels = new HashMap<>();
    for (ParsedDocument d : new InputReader().readAll(List.of(dir.toString()))) {
      if (d instanceof HostCapabilities h) {
        CpuDef cpu = h.cpu().toCpuDef();
        keys.put(h.source(), Arrays.asList(cpu.vendor(), cpu.model(), h.cpu().signature(), x86.effectiveBits(cpu)));
      } else {
        DomainCapabilities dc = (DomainCapabilities) d;
        CpuDef hm = dc.hostModelCpuDef();
        hostModels.put(dc.source().replace("-domcaps.xml", ".xml"),
            Arrays.asList(hm.model(), hm.vendor(), x86.effectiveBits(hm)));
      }
    }
    Map<List<Object>, Set<String>> expected = new HashMap<>();
    keys.forEach((host, key) -> {
      List<Object> k = new ArrayList<>(key);
      k.add(hostModels.get(host));
      expected.computeIfAbsent(k, x -> new HashSet<>()).add(host);
    });
    Set<Set<String>> got =
        fleet.members().values().stream()
            .map(hosts -> hosts.stream().map(FleetHost::name).collect(Collectors.toSet()))
            .collect(Collectors.toSet());
    assertThat(got).isEqualTo(new HashSet<>(expected.values()));
    assertThat(got.size()).isGreaterThan(5);
  }

  @Test
  void hostPassthroughSeesOneCpuWhereOnlyTheHostModelDiffers() {
    Path dir = Fleets.generate(tmp.resolve("fleet"), 3, 120, true, false);
    FleetAnalysis a = Fleets.analyse(List.of(dir.toString()));
    List<List<FleetClass>> groups = a.passthroughGroups();
    assertThat(groups).isNotEmpty();
    for (List<FleetClass> g : groups) {
      assertThat(g).extracting(c -> c.cpu().identity()).containsOnly(g.get(0).cpu().identity());
      assertThat(g.stream().map(FleetClass::hostModel).distinct()).hasSize(g.size());
    }
    assertThat(a.passthroughCpus()).isEqualTo(a.classes().size() - groups.stream().mapToInt(g -> g.size() - 1).sum());
  }
}
