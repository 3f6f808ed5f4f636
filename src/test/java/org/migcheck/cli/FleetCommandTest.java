package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.CliRun.run;
import static org.migcheck.cli.SampleArgs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCommandTest {
  @TempDir Path tmp;

  static final List<String> HOSTS =
      List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell",
          "coffeelake-e2288g", "epyc-rome");

  static String[] args(List<String> hosts, boolean domcaps, String... options) {
    List<String> a = new ArrayList<>(List.of("fleet"));
    for (String h : hosts) {
      a.add(sample(h + ".xml"));
      if (domcaps) {
        a.add(sample(h + "-domcaps.xml"));
      }
    }
    a.addAll(List.of(options));
    return a.toArray(String[]::new);
  }

  @Test
  void textLeadsWithTheAnswer() {
    CliRun r = run(args(HOSTS, true));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("7 hosts in 6 classes, 2 vendors (Intel 6, AMD 1): no CPU model runs"
        + " everywhere\n  libvirt's baseline fails: CPU vendors do not match\n"
        + "  Intel (6 hosts, 5 classes): Broadwell-noTSX-IBRS");
    Golden.assertMatches("fleet-samples.txt", r.out());
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void oneVendorHasOneBaseline() {
    CliRun r = run(args(List.of("skylake-a", "cascadelake", "broadwell"), false));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("3 hosts in 3 classes, 1 vendor (Intel 3)\nbaseline: Broadwell-IBRS (v3")
        .contains("suggested custom CPU: Broadwell-IBRS (v3, 46 address bits");
  }

  @Test
  void jsonIsCompleteAndStable() throws IOException {
    CliRun r = run(args(HOSTS, true, "--format", "json"));
    assertThat(r.exit()).isZero();
    Golden.assertMatches("fleet-samples.json", r.out());
    Path out = tmp.resolve("fleet.json");
    CliRun written = run(args(HOSTS, true, "--format", "json", "-o", out.toString()));
    assertThat(written.out()).isEmpty();
    assertThat(Files.readString(out)).isEqualTo(r.out());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    CliRun guest = run("fleet", sample("skylake-a.xml"), sample("guest-custom.xml"));
    assertThat(guest.exit()).isEqualTo(2);
    assertThat(guest.out()).isEmpty();
    assertThat(guest.errLines()).singleElement().asString()
        .startsWith("migcheck: " + sample("guest-custom.xml") + ":")
        .contains("unsupported document <domain>");
    Path broken = tmp.resolve("broken.xml");
    Files.writeString(broken, Files.readString(Path.of(sample("broadwell.xml"))).replace("</cpu>", "</cpux>"));
    CliRun bad = run("fleet", broken.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.errLines()).singleElement().asString().startsWith("migcheck: " + broken + ":")
        .contains("malformed XML");
  }
}
