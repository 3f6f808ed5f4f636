package org.migcheck.verdict;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.CpuEngine;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.fleet.gen.FleetMix;
import org.migcheck.fleet.gen.HostSpec;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.SharedData;

/** Sample and generated hosts and guests for the migration tests. */
final class Fixtures {
  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  static final MigrationChecker CHECKER = new MigrationChecker(ENGINE);
  static final Suggester SUGGESTER = new Suggester(ENGINE);

  static final List<String> HOSTS =
      List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell",
          "coffeelake-e2288g", "epyc-rome");

  private static final InputReader READER = new InputReader();
  private static final org.migcheck.fleet.gen.CpuNamer NAMER =
      org.migcheck.fleet.gen.CpuNamer.bundled();

  private Fixtures() {}

  static Path sample(String file) {
    return SharedData.repo().resolve("samples").resolve(file);
  }

  static ParsedDocument read(Path file) {
    return READER.readAll(List.of(file.toString())).get(0);
  }

  /** A sample host with its domcapabilities. */
  static Host host(String name) {
    return new Host(name, (HostCapabilities) read(sample(name + ".xml")),
        (DomainCapabilities) read(sample(name + "-domcaps.xml")));
  }

  /** A sample host from its capabilities alone. */
  static Host capsOnly(String name) {
    return new Host(name, (HostCapabilities) read(sample(name + ".xml")));
  }

  static DomainDef guest(String name) {
    return (DomainDef) read(sample(name + ".xml"));
  }

  /** A test domain from src/test/resources/org/migcheck/verdict. */
  static DomainDef testGuest(String file) {
    return (DomainDef) read(SharedData.repo()
        .resolve("src/test/resources/org/migcheck/verdict").resolve(file));
  }

  static ParsedDocument parse(String xml) {
    InputReader r = new InputReader(
        () -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return r.readAll(List.of("-")).get(0);
  }

  /** Host {@code index} of a generated fleet, with its domcapabilities. */
  static Host generated(FleetGenerator g, int index) {
    HostSpec spec = g.host(index);
    HostCapabilities caps = (HostCapabilities) parse(g.capabilities(spec));
    DomainCapabilities dc = (DomainCapabilities) parse(g.domainCapabilities(spec));
    return new Host("gen-" + index, caps, dc);
  }

  static List<Host> generated(long seed, FleetMix mix, int count) {
    FleetGenerator g = new FleetGenerator(seed, mix, NAMER);
    List<Host> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(generated(g, i));
    }
    return out;
  }

  /** The verdict of one mode and direction. */
  static ModeVerdict verdict(List<ModeVerdict> vs, GuestMode mode, String from) {
    return vs.stream()
        .filter(v -> v.mode() == mode && v.from().equals(from))
        .findFirst()
        .orElseThrow();
  }

  static List<ModeVerdict> check(Host a, Host b) {
    return CHECKER.check(a, b, CheckOptions.defaults());
  }

  static List<ModeVerdict> checkBothWays(Host a, Host b) {
    return CHECKER.check(a, b, new CheckOptions(List.of(), null, null, true));
  }

  static List<ModeVerdict> checkGuest(Host a, Host b, DomainDef guest) {
    return CHECKER.check(a, b, CheckOptions.forGuest(guest));
  }
}
