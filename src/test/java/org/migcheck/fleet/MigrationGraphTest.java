package org.migcheck.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.DomainCapabilities;

class MigrationGraphTest {
  private static String name(FleetAnalysis a, FleetClass c) {
    return a.hosts(c).get(0).name().replaceAll(".*/", "").replace(".xml", "");
  }

  /** The graph's answer for every pair, against libvirt's compare run here by hand. */
  @Test
  void everyPairIsLibvirtsCompareOfTheHostModels() {
    FleetAnalysis a = Fleets.analyse(Fleets.samples(Fleets.SAMPLE_HOSTS, true));
    MigrationGraph g = a.graph();
    InputReader reader = new InputReader();
    List<CpuDef> guest = new ArrayList<>();
    List<CpuDef> host = new ArrayList<>();
    for (FleetClass c : g.classes()) {
      DomainCapabilities dc =
          (DomainCapabilities) reader.readAll(List.of(Fleets.sample(name(a, c) + "-domcaps.xml"))).get(0);
      CpuDef hm = dc.hostModelCpuDef();
      host.add(hm.withArch("x86_64"));
      // libvirt starts host-model guests without the non-migratable features
      List<CpuFeature> kept =
          hm.features().stream().filter(f -> !List.of("invtsc", "xsaves").contains(f.name())).toList();
      guest.add(hm.withFeatures(kept));
    }
    int moves = 0;
    for (int i = 0; i < g.classes().size(); i++) {
      for (int j = 0; j < g.classes().size(); j++) {
        boolean expected = i == j || Fleets.ENGINE.compare(host.get(j), guest.get(i)).verdict().compatible();
        assertThat(g.canMove(i, j)).as("%s -> %s", name(a, g.classes().get(i)), name(a, g.classes().get(j)))
            .isEqualTo(expected);
        moves += i != j && expected ? 1 : 0;
      }
    }
    assertThat(moves).isGreaterThan(2);
  }

  @Test
  void directionalStepsOnTheSamples() {
    FleetAnalysis a = Fleets.analyse(Fleets.samples(Fleets.SAMPLE_HOSTS, true));
    MigrationGraph g = a.graph();
    List<String> steps = new ArrayList<>();
    for (int[] s : g.steps()) {
      steps.add(name(a, g.classes().get(g.groups().get(s[0]).get(0))) + " -> "
          + name(a, g.classes().get(g.groups().get(s[1]).get(0))));
    }
    // skylake-a -> cascadelake is one way (the samples README); broadwell guests go to skylake
    assertThat(steps).contains("skylake-a -> cascadelake", "broadwell -> skylake-a")
        .doesNotContain("cascadelake -> skylake-a");
    int epyc = g.classes().indexOf(Fleets.classOf(a.fleet(), "epyc-rome.xml"));
    assertThat(g.targets(epyc)).isEmpty();
    assertThat(g.sources(epyc)).isEmpty();
  }

  @Test
  void identicalHostModelsMoveBothWays() {
    // without domcapabilities, skylake-a and skylake-b are one class; with broadwell's
    // capabilities twice under two names they are one class too: a group needs two classes
    // that differ only where compare does not look, e.g. the written model name
    FleetAnalysis a = Fleets.analyse(Fleets.samples(List.of("skylake-a", "skylake-b", "cascadelake"), false));
    MigrationGraph g = a.graph();
    assertThat(g.groups()).allSatisfy(members -> assertThat(members).hasSize(1));
    assertThat(g.steps()).hasSize(1);
  }
}
