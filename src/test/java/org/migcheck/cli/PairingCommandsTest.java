package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.testing.SharedData;

/**
 * Every command pairs capabilities with domcapabilities by the same rule, whether the files come
 * as a directory or as file arguments, and says when a pair does not look like one host.
 */
class PairingCommandsTest {
  @TempDir Path tmp;

  private static String sample(String name) throws IOException {
    return Files.readString(SharedData.repo().resolve("samples").resolve(name));
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** a.xml a_domcaps.xml b.xml b_domcaps.xml: the directory. */
  private Path twoHosts() throws IOException {
    write("d/a.xml", sample("skylake-a.xml"));
    write("d/a_domcaps.xml", sample("skylake-a-domcaps.xml"));
    write("d/b.xml", sample("cascadelake.xml"));
    return write("d/b_domcaps.xml", sample("cascadelake-domcaps.xml")).getParent();
  }

  @Test
  void suggestAndFleetSeeTheSameTwoHostsInADirectory() throws IOException {
    Path dir = twoHosts();
    CliRun suggest = CliRun.run("suggest", "--format", "json", dir.toString());
    assertThat(suggest.exit()).as(suggest.toString()).isZero();
    assertThat(suggest.out()).contains("\"host\": \"a\"", "\"host\": \"b\"")
        .doesNotContain("a_domcaps", "b_domcaps");
    CliRun fleet = CliRun.run("fleet", "--format", "json", dir.toString());
    assertThat(fleet.exit()).as(fleet.toString()).isZero();
    assertThat(fleet.out()).contains("\"hosts\": 2,");
  }

  @Test
  void fileArgumentsBringTheirDomcapsFromBesideThemAndSaySo() throws IOException {
    Path dir = twoHosts();
    CliRun fromDir = CliRun.run("suggest", "--format", "json", dir.toString());
    CliRun fromFiles = CliRun.run("suggest", "--format", "json",
        dir.resolve("a.xml").toString(), dir.resolve("b.xml").toString());
    assertThat(fromFiles.exit()).as(fromFiles.toString()).isZero();
    assertThat(fromFiles.out()).isEqualTo(fromDir.out());
    assertThat(fromFiles.errLines()).containsExactly(
        "migcheck: note: " + dir.resolve("a.xml") + ": paired with " + dir.resolve("a_domcaps.xml")
            + ", found beside it",
        "migcheck: note: " + dir.resolve("b.xml") + ": paired with " + dir.resolve("b_domcaps.xml")
            + ", found beside it");
    assertThat(fromDir.err()).isEmpty();

    CliRun fleetFiles = CliRun.run("fleet", "--format", "json",
        dir.resolve("a.xml").toString(), dir.resolve("b.xml").toString());
    CliRun fleetDir = CliRun.run("fleet", "--format", "json", dir.toString());
    assertThat(fleetFiles.exit()).as(fleetFiles.toString()).isZero();
    assertThat(fleetFiles.errLines()).hasSize(2);
    assertThat(stripSources(fleetFiles.out())).isEqualTo(stripSources(fleetDir.out()));
  }

  /** Fleet JSON names its inputs; the analysis must not differ. */
  private static String stripSources(String json) {
    return json.replaceAll("\"inputs\": \\[[^\\]]*\\]", "");
  }

  @Test
  void checkPairsASiblingToo() throws IOException {
    Path dir = twoHosts();
    CliRun explicit = CliRun.run("check", "--format", "json",
        dir.resolve("a.xml") + "," + dir.resolve("a_domcaps.xml"),
        dir.resolve("b.xml") + "," + dir.resolve("b_domcaps.xml"));
    CliRun beside = CliRun.run("check", "--format", "json",
        dir.resolve("a.xml").toString(), dir.resolve("b.xml").toString());
    assertThat(beside.exit()).isEqualTo(explicit.exit());
    assertThat(beside.out()).isEqualTo(explicit.out());
    assertThat(beside.errLines()).hasSize(2).allMatch(l -> l.startsWith("migcheck: note: "));
  }

  @Test
  void aPairFromTwoHostsIsAWarningNamingBothFiles() throws IOException {
    Path caps = write("x/h.xml", sample("skylake-a.xml"));
    Path amd = write("x/h-domcaps.xml", sample("epyc-rome-domcaps.xml"));
    CliRun vendor = CliRun.run("suggest", "--format", "json", caps.getParent().toString());
    assertThat(vendor.errLines()).containsExactly("migcheck: warning: " + caps + " and " + amd
        + " look like two different hosts: the host CPU is Intel, the host-model AMD");

    Path caps2 = write("y/h.xml", sample("skylake-a.xml"));
    Path icelake = write("y/h-domcaps.xml", sample("icelake-notsx-domcaps.xml"));
    CliRun generation = CliRun.run("fleet", caps2.getParent().toString());
    assertThat(generation.exit()).isZero();
    assertThat(generation.errLines()).containsExactly("migcheck: warning: " + caps2 + " and "
        + icelake + " look like two different hosts: the host CPU (Skylake-Server-IBRS, family 6"
        + " model 85) is of another generation than the host-model Icelake-Server");

    Path caps3 = write("z/h.xml", sample("broadwell.xml"));
    Path arm = write("z/h-domcaps.xml",
        sample("broadwell-domcaps.xml").replace("<arch>x86_64</arch>", "<arch>aarch64</arch>"));
    for (String command : List.of("fleet", "suggest")) {
      CliRun r = CliRun.run(command, "--format", "json", caps3.getParent().toString());
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.errLines()).containsExactly("migcheck: warning: " + caps3 + " and " + arm
          + " look like two different hosts: the capabilities are of an x86_64 host, the"
          + " domcapabilities of aarch64");
    }
  }

  @Test
  void theSamplePairsLookLikeOneHostEach() {
    for (String host : List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx",
        "broadwell", "epyc-rome", "coffeelake-e2288g")) {
      CliRun r = CliRun.run("check", SampleArgs.host(host), SampleArgs.host(host));
      assertThat(r.err()).as(host).isEmpty();
    }
  }

  @Test
  void gateTakesAnExplicitCandidateHost() {
    CliRun r = CliRun.run("gate", "--fleet", SampleArgs.host("skylake-a"),
        "--candidate", SampleArgs.host("skylake-b"));
    assertThat(r.exit()).as(r.toString()).isZero();
  }
}
