package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.testing.Virsh;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** compare and baseline through the CLI: goldens, and baseline byte for byte against virsh. */
class CompareBaselineGoldenTest {
  private static final List<String> INTEL_HOSTS =
      List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell", "coffeelake-e2288g");

  @Test
  void compareMatchesGoldens() {
    CliRun up = CliRun.run("compare", "samples/cascadelake.xml", "samples/skylake-a.xml");
    assertThat(up.exit()).as(up.toString()).isZero();
    Golden.assertMatches("compare-cascadelake-skylake-a.txt", up.out());
    CliRun down = CliRun.run("compare", "samples/skylake-a.xml", "samples/cascadelake.xml");
    assertThat(down.exit()).isEqualTo(1);
    Golden.assertMatches("compare-skylake-a-cascadelake.txt", down.out());
    CliRun json = CliRun.run("compare", "--format", "json", "samples/skylake-a.xml", "samples/cascadelake.xml");
    assertThat(json.exit()).isEqualTo(1);
    Golden.assertMatches("compare-skylake-a-cascadelake.json", json.out());
    CliRun guest = CliRun.run("compare", "--format", "json", "samples/icelake-notsx-domcaps.xml", "samples/guest-custom.xml");
    assertThat(guest.exit()).as(guest.toString()).isZero();
    Golden.assertMatches("compare-icelake-notsx-domcaps-guest-custom.json", guest.out());
  }

  @Test
  void baselineMatchesGoldens() {
    String[] files = INTEL_HOSTS.stream().map(h -> "samples/" + h + ".xml").toArray(String[]::new);
    CliRun r = CliRun.run(concat("baseline", files));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.errLines()).containsExactly("migcheck: baseline of 6 CPUs with the bundled cpu_map (libvirt 12.8.0)");
    Golden.assertMatches("baseline-intel-samples.xml", r.out());
    CliRun features = CliRun.run(concat("baseline", concat("--features", files)));
    assertThat(features.exit()).isZero();
    Golden.assertMatches("baseline-intel-samples-features.xml", features.out());
  }

  @Test
  void baselineIsByteForByteVirsh(@TempDir Path dir) throws IOException {
    Path virsh = Virsh.require();
    StringBuilder all = new StringBuilder();
    for (String h : INTEL_HOSTS) {
      all.append(Files.readString(Path.of("samples", h + ".xml")));
    }
    Path file = dir.resolve("intel.xml");
    Files.writeString(file, all);
    for (String flag : List.of("", "--features")) {
      String[] args = flag.isEmpty() ? new String[] {"cpu-baseline", file.toString()}
          : new String[] {"cpu-baseline", flag, file.toString()};
      Virsh.Result expected = Virsh.run(virsh, args);
      assertThat(expected.exit()).as(expected.stderr()).isZero();
      // the installed virsh is libvirt 9.0.0: migcheck emulates it
      CliRun ours = flag.isEmpty() ? CliRun.run("baseline", "--libvirt", "9.0.0", file.toString())
          : CliRun.run("baseline", "--libvirt", "9.0.0", flag, file.toString());
      String theirs = Virsh.withoutTrailingBlankLine(expected.stdout());
      // XMLUnit first, for a readable difference; then the exact bytes
      Diff xml = DiffBuilder.compare(theirs).withTest(ours.out()).checkForIdentical().build();
      assertThat(xml.hasDifferences()).as("baseline %s: %s", flag, xml).isFalse();
      assertThat(ours.out()).as("baseline " + flag).isEqualTo(theirs);
    }
  }

  private static String[] concat(String first, String... rest) {
    String[] out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
