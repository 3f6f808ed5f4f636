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
   * engine's expansion of the host CPU and its signature (not how its model is written), and the
   * host-model's expansion.
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
        keys.put(h.source(), Arrays.asList(cpu.vendor(), h.cpu().signature(), x86.effectiveBits(cpu)));
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

  /**
   * Issue finding 6: a host CPU written as Skylake-Server + spec-ctrl is the Skylake-Server-IBRS
   * of another host (diff calls them identical): one class, whatever order the hosts come in.
   */
  @Test
  void twoSpellingsOfOneCpuAreOneClass() throws java.io.IOException {
    Path dir = tmp.resolve("spellings");
    java.nio.file.Files.createDirectories(dir);
    String b = java.nio.file.Files.readString(Path.of(Fleets.sample("skylake-b.xml")));
    String c = b.replace("<model>Skylake-Server-IBRS</model>",
            "<model>Skylake-Server</model>\n      <feature name='spec-ctrl'/>")
        .replaceFirst("<uuid>[^<]*</uuid>", "<uuid>11111111-2222-4333-8444-555555555555</uuid>");
    assertThat(c).contains("<model>Skylake-Server</model>");
    java.nio.file.Files.writeString(dir.resolve("skylake-c.xml"), c);
    // without domcapabilities: the class is the host CPU alone
    java.nio.file.Files.copy(Path.of(Fleets.sample("skylake-a.xml")), dir.resolve("skylake-a.xml"));
    String a = dir.resolve("skylake-a.xml").toString();
    String spelt = dir.resolve("skylake-c.xml").toString();
    for (List<String> order : List.of(List.of(a, spelt), List.of(spelt, a))) {
      FleetAnalysis an = Fleets.analyse(order);
      assertThat(an.classes()).as("%s", order).singleElement().satisfies(k -> {
        assertThat(an.hosts(k)).hasSize(2);
        // the least spelling stands for both, so reports do not depend on the order
        assertThat(k.cpu().cpu().model()).isEqualTo("Skylake-Server");
      });
    }
    // with skylake-a's domcapabilities the two are two classes of one host CPU, and the one
    // without domcapabilities is not said to have "another host-model"
    FleetAnalysis mixed = Fleets.analyse(List.of(Fleets.sample("skylake-a.xml"),
        Fleets.sample("skylake-a-domcaps.xml"), spelt));
    assertThat(mixed.classes()).hasSize(2);
    String text = new org.migcheck.report.FleetText(mixed, "map").render();
    assertThat(text).contains("the same host CPU, another host-model:\n    C1 = C2 (no domcapabilities for ");
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
