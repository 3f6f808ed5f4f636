package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.testing.SharedData;

/** --libvirt, --host-libvirt and snapshot.json: which libvirt each run and host is read as. */
class LibvirtVersionsTest {
  @TempDir Path tmp;

  /** QEMU 9.2 on a libvirt ≥ 11.3.0 host (its host-model names gds-no), QEMU 7.2 on libvirt 9.0.0. */
  private Path[] mixedFleet() throws IOException {
    Path newer = tmp.resolve("newer.xml");
    Path older = tmp.resolve("older.xml");
    Files.copy(SharedData.caps("qemu_9.2.0-q35.x86_64.xml"), newer);
    Files.copy(SharedData.caps("qemu_7.2.0-q35.x86_64.xml"), older);
    return new Path[] {newer, older};
  }

  @Test
  void everyReportNamesTheLibvirtItEmulates() {
    CliRun def = CliRun.run("compare", "samples/skylake-a.xml", "samples/skylake-a.xml");
    assertThat(def.out()).contains("cpu_map: bundled cpu_map (libvirt 12.8.0)");
    CliRun exact = CliRun.run("compare", "--libvirt", "11.3", "samples/skylake-a.xml", "samples/skylake-a.xml");
    assertThat(exact.out()).contains("cpu_map: bundled cpu_map (libvirt 11.3.0)");
    CliRun between = CliRun.run("compare", "--libvirt", "10.0.0", "samples/skylake-a.xml", "samples/skylake-a.xml");
    assertThat(between.exit()).as(between.toString()).isZero();
    assertThat(between.out())
        .contains("cpu_map: bundled cpu_map (libvirt 9.0.0, the nearest older bundled map for libvirt 10.0.0)");
    CliRun tooOld = CliRun.run("compare", "--libvirt", "6.0", "samples/skylake-a.xml", "samples/skylake-a.xml");
    assertThat(tooOld.exit()).isEqualTo(2);
    assertThat(tooOld.err()).contains("--libvirt").contains("older than every bundled cpu_map");
    CliRun bad = CliRun.run("compare", "--libvirt", "eleven", "samples/skylake-a.xml", "samples/skylake-a.xml");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("'eleven' is not a libvirt version");
  }

  @Test
  void cpuMapWinsOverLibvirtAndNamesTheEmulatedVersion() {
    String latest = SharedData.latestCpuMap().toString();
    CliRun r = CliRun.run("compare", "--cpu-map", latest, "--libvirt", "7.0.0", "samples/skylake-a.xml",
        "samples/skylake-a.xml");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("cpu_map: cpu_map " + latest + " (emulating libvirt 7.0.0)");
  }

  @Test
  void versionListsTheBundledMaps() {
    assertThat(CliRun.run("--version").out())
        .contains("bundled cpu_maps: libvirt 7.0.0, 9.0.0, 11.3.0, 12.8.0");
  }

  @Test
  void aMixedFleetIsSuggestedWithTheOldestLibvirtsNames() throws IOException {
    Path[] f = mixedFleet();
    // (QEMU on the newer host blocks xsaves: the suggestion keeps it disabled and is usable)
    CliRun r = CliRun.run("suggest", "--format", "json", "--host-libvirt", "newer=11.3.0",
        "--host-libvirt", "older=9.0", f[0].toString(), f[1].toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("<feature policy='disable' name='xsaves'/>");
    assertThat(r.out()).contains("\"cpuMap\": \"bundled cpu_map (libvirt 9.0.0)\"");
    assertOnlyNames(r.out(), "9.0.0");
    // the same fleet without versions: the newest map
    CliRun unversioned = CliRun.run("suggest", "--format", "json", f[0].toString(), f[1].toString());
    assertThat(unversioned.out()).contains("\"cpuMap\": \"bundled cpu_map (libvirt 12.8.0)\"");
  }

  @Test
  void theSnapshotManifestGivesVersionsAndTheOptionWins() throws IOException {
    Path[] f = mixedFleet();
    Files.writeString(tmp.resolve("snapshot.json"), """
        {"schema": 1, "collectedAt": "2026-12-07T10:00:00Z", "hosts": [
          {"host": "newer", "uri": "qemu+ssh://a/system", "uuid": null, "libvirt": "11.3.0",
           "hypervisor": "9.2.0", "collectedAt": "2026-12-07T10:00:01Z", "files": ["newer.xml"],
           "notes": [], "error": null},
          {"host": "older", "uri": "qemu+ssh://b/system", "uuid": null, "libvirt": "9.0.0",
           "hypervisor": "7.2.0", "collectedAt": "2026-12-07T10:00:01Z", "files": ["older.xml"],
           "notes": [], "error": null},
          {"host": null, "uri": "qemu+ssh://c/system", "uuid": null, "libvirt": null,
           "hypervisor": null, "collectedAt": null, "files": [], "notes": [], "error": "refused"}
        ]}
        """);
    CliRun r = CliRun.run("suggest", "--format", "json", tmp.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\"cpuMap\": \"bundled cpu_map (libvirt 9.0.0)\"");
    assertOnlyNames(r.out(), "9.0.0");
    // --host-libvirt wins: the newer host declared 9.0.0 names gds-no, which 9.0.0 does not know
    CliRun wrong = CliRun.run("suggest", "--host-libvirt", "newer=9.0.0", tmp.toString());
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err().lines()).hasSize(1);
    assertThat(wrong.err())
        .contains("newer.xml")
        .contains("Unknown CPU feature gds-no for libvirt 9.0.0")
        .contains("libvirt ≥ 11.3.0 knows it");
  }

  @Test
  void aHostNamingWhatItsLibvirtDoesNotKnowIsBadInputInCheck() throws IOException {
    Path[] f = mixedFleet();
    Path host = Path.of("samples/skylake-a.xml");
    CliRun ok = CliRun.run("check", "--host-libvirt", "skylake-a=9.0.0", host.toString(), host.toString());
    assertThat(ok.exit()).as(ok.toString()).isZero();
    CliRun unknownHost = CliRun.run("check", "--host-libvirt", "nosuch=9.0.0", host.toString(), host.toString());
    assertThat(unknownHost.exit()).isEqualTo(2);
    assertThat(unknownHost.err()).contains("no host named 'nosuch'");
    CliRun malformed = CliRun.run("check", "--host-libvirt", "skylake-a", host.toString(), host.toString());
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.err()).contains("expected NAME=VERSION");
    assertThat(f).hasSize(2);
  }

  /** Every model and feature name in a suggestion's XML is known to that bundled libvirt. */
  private static void assertOnlyNames(String xml, String version) {
    CpuMap map = CpuMapLoader.bundled(version).forArch(Arch.X86).orElseThrow();
    String cpu = xml.substring(xml.indexOf("\"cpu\": \"<cpu"), xml.indexOf("</cpu>"));
    Matcher m = Pattern.compile("name='([^']+)'|<model[^>]*>([^<]+)</model>").matcher(cpu);
    int names = 0;
    while (m.find()) {
      names++;
      if (m.group(1) != null) {
        assertThat(map.feature(m.group(1))).as("feature %s in libvirt %s", m.group(1), version).isPresent();
      } else {
        assertThat(map.model(m.group(2))).as("model %s in libvirt %s", m.group(2), version).isPresent();
      }
    }
    assertThat(names).as("names in%n%s", xml).isGreaterThan(1);
  }
}
