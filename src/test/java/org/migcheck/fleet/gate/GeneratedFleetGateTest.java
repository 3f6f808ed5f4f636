package org.migcheck.fleet.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.engine.X86Driver;
import org.migcheck.engine.X86Level;
import org.migcheck.fleet.HostNames;
import org.migcheck.fleet.gen.CpuNamer;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.fleet.gen.FleetMix;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.report.GateJson;

/** Gate verdicts on generated fleets, against answers worked out here from the full parser. */
class GeneratedFleetGateTest {
  @TempDir Path tmp;

  private Path generate(String name, long seed, int hosts, FleetMix mix) throws IOException {
    Path dir = tmp.resolve(name);
    new FleetGenerator(seed, mix, CpuNamer.bundled()).write(hosts, new FleetGenerator.Output(dir, null, true));
    // candidates get their own names and uuids, as new hosts would (the generator's uuids
    // depend on the host's index, so another seed repeats some)
    if (!name.equals("fleet")) {
      int n = 0;
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          String text = Files.readString(f).replaceFirst("<uuid>[^<]*</uuid>",
              String.format("<uuid>00000000-0000-4000-8000-%012d</uuid>", n++));
          Files.writeString(f.resolveSibling(name + "-" + f.getFileName()), text);
          Files.delete(f);
        }
      }
    }
    return dir;
  }

  @Test
  void newHostsOfAnotherVendorOrBelowTheLevelAreBlamed() throws IOException {
    Path fleet = generate("fleet", 31, 30, FleetMix.INTEL);
    Path cands = generate("new", 32, 12, FleetMix.DEFAULT);
    Policy policy = new Policy(X86Level.V4, List.of(), List.of(), List.of(), false, null, null, List.of(), true);
    GateResult r = GateTest.gate(policy, List.of(fleet.toString()), List.of(cands.toString()), List.of());

    // independently: vendors and levels of the domcapabilities host-models (what guests get)
    X86Driver x86 = GateTest.ENGINE.x86("test");
    TreeSet<String> amd = new TreeSet<>();
    TreeSet<String> belowV4 = new TreeSet<>();
    TreeSet<String> newHosts = new TreeSet<>();
    for (Path dir : List.of(fleet, cands)) {
      for (ParsedDocument d : new InputReader().readAll(List.of(dir.toString()))) {
        String host = HostNames.shortName(d.source().replace("-domcaps.xml", ".xml"));
        if (d instanceof HostCapabilities h && dir == cands) {
          newHosts.add(host);
          if ("AMD".equals(h.cpu().vendor())) {
            amd.add(host);
          }
        } else if (d instanceof DomainCapabilities dc) {
          CpuDef hm = dc.hostModelCpuDef();
          X86Level level = X86Level.of(x86.map(), x86.effectiveBits(hm));
          if (level == null || level.compareTo(X86Level.V4) < 0) {
            belowV4.add(host);
          }
        }
      }
    }
    assertThat(amd).as("the mix brings AMD hosts").isNotEmpty();
    assertThat(r.candidates()).containsExactlyInAnyOrderElementsOf(newHosts);
    assertThat(new TreeSet<>(GateTest.failing(r, "single-vendor"))).isEqualTo(amd);
    assertThat(new TreeSet<>(GateTest.failing(r, "min-level"))).isEqualTo(belowV4);
    // the Intel fleet had a baseline; every AMD candidate leaves it without one
    assertThat(new TreeSet<>(GateTest.failing(r, "baseline"))).containsAll(amd);
    assertThat(GateTest.rule(r, "min-level").checked()).isEqualTo(42);
    assertThat(r.passed()).isFalse();
  }

  @Test
  void aCopyOfAFleetHostUnderAnotherNameChangesNothing() throws IOException {
    Path fleet = generate("fleet", 41, 20, FleetMix.INTEL);
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    String caps = Files.readString(fleet.resolve("host-00007.xml"));
    Files.writeString(copy.resolve("twin.xml"), caps.replaceFirst("<uuid>[^<]*</uuid>", "<uuid>00000000-0000-4000-8000-0000000000aa</uuid>"));
    Files.copy(fleet.resolve("host-00007-domcaps.xml"), copy.resolve("twin-domcaps.xml"));
    GateResult r = GateTest.gate(Policy.NONE, List.of(fleet.toString()), List.of(copy.toString()), List.of());
    assertThat(r.passed()).isTrue();
    assertThat(GateTest.rule(r, "baseline").passed()).containsExactly("twin");
    assertThat(r.baselineAfter().cpu()).isEqualTo(r.baselineBefore().cpu());
  }

  @Test
  void theReportDoesNotDependOnInputOrder() throws IOException {
    Path fleet = generate("fleet", 51, 24, FleetMix.DEFAULT);
    Path cands = generate("new", 52, 6, FleetMix.DEFAULT);
    Policy policy = new Policy(X86Level.V3, List.of(), List.of("avx2"), List.of(), false,
        new Policy.TscSpread(250, true), 44, List.of("pc-q35-7.2"), false);
    List<String> files;
    try (Stream<Path> s = Files.list(fleet)) {
      files = new ArrayList<>(s.map(Path::toString).sorted().toList());
    }
    String expected = new GateJson(GateTest.gate(policy, List.of(fleet.toString()), List.of(cands.toString()), List.of()), "m").render();
    Collections.shuffle(files, new Random(9));
    String shuffled = new GateJson(GateTest.gate(policy, files, List.of(cands.toString()), List.of()), "m").render();
    assertThat(shuffled).isEqualTo(expected);
  }
}
