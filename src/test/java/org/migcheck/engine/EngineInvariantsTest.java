package org.migcheck.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.fleet.gen.FleetGenerator;
import org.migcheck.input.InputReader;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.CpuDef;

/**
 * {@link EngineInvariants} over thousands of seeded random host sets: drifting fleets, vendor
 * mixes and vendorless models from {@link RandomHosts}, and realistic CPUs from the fleet
 * generator.
 */
class EngineInvariantsTest {
  private static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  private static final CpuMap MAP = ENGINE.x86("test").map();
  private static final EngineInvariants INVARIANTS = new EngineInvariants(ENGINE);

  static LongStream seeds() {
    return LongStream.range(0, 1500);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomHostSets(long seed) {
    INVARIANTS.check(new RandomHosts(MAP, seed).hostSet());
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> bundledSeeds() {
    return java.util.stream.Stream.of("7.0.0", "11.3.0", "12.8.0")
        .flatMap(v -> LongStream.range(0, 300).mapToObj(s -> org.junit.jupiter.params.provider.Arguments.of(v, s)));
  }

  /** The same invariants with every other bundled map, leaning on the models that changed. */
  @ParameterizedTest(name = "libvirt {0} seed {1}")
  @MethodSource("bundledSeeds")
  void randomHostSetsWithEveryBundledMap(String version, long seed) {
    CpuEngine engine = BUNDLED.computeIfAbsent(version, v -> new CpuEngine(CpuMapLoader.bundled(v)));
    new EngineInvariants(engine).check(new RandomHosts(engine.x86("test").map(), seed, true).hostSet());
  }

  private static final java.util.Map<String, CpuEngine> BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();

  static LongStream fleetSeeds() {
    return LongStream.range(0, 100);
  }

  /** Four consecutive hosts of a generated fleet: real models with their microcode gaps. */
  @ParameterizedTest
  @MethodSource("fleetSeeds")
  void generatedFleets(long seed) {
    FleetGenerator g = new FleetGenerator(seed);
    List<CpuDef> hosts =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> cpuOf(g, i))
            .toList();
    INVARIANTS.check(hosts);
  }

  private static CpuDef cpuOf(FleetGenerator g, int i) {
    byte[] xml = g.capabilities(g.host(i)).getBytes(StandardCharsets.UTF_8);
    HostCapabilities caps =
        (HostCapabilities)
            new InputReader(() -> new ByteArrayInputStream(xml)).readAll(List.of("-")).get(0);
    return caps.cpu().toCpuDef();
  }
}
