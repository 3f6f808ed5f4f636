package org.migcheck.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.cpumap.Arch;
import org.migcheck.report.FleetJson;
import org.migcheck.report.FleetText;

/**
 * The reports do not depend on input order or on the number of parsing threads. (libvirt's
 * baseline depends on input order only for CPUs without a vendor, which capabilities never have;
 * the fleet feeds it the classes in the order of their first host, as virsh would see them.)
 */
class FleetDeterminismTest {
  @TempDir Path tmp;

  private static String reports(List<String> inputs, int threads) {
    FleetAnalysis a =
        new FleetAnalysis(Fleets.ENGINE, Fleets.load(new FleetRegistry(Fleets.ENGINE), inputs, threads));
    return new FleetText(a, "map").render()
        + new FleetJson(a, Fleets.ENGINE.maps().forArch(Arch.X86).orElseThrow(), "map").render();
  }

  @Test
  void inputOrderAndThreadsDoNotChangeTheReports() throws IOException {
    Path dir = Fleets.generate(tmp.resolve("fleet"), 21, 80, true, false);
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = new ArrayList<>(s.map(Path::toString).sorted().toList());
    }
    String expected = reports(List.of(dir.toString()), 2);
    Collections.shuffle(files, new Random(3));
    assertThat(reports(files, 1)).isEqualTo(expected);
    Collections.reverse(files);
    assertThat(reports(files, 4)).isEqualTo(expected);
  }
}
