package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuType;

/**
 * Host CPUs with the same bytes are read once per run and shared: each host still gets its own
 * source, and errors still name each file's own line.
 */
class HostCpuSpellingsTest {
  @TempDir Path dir;

  private static String host(String cpu, int blankLines) {
    return "<capabilities>\n" + "\n".repeat(blankLines) + "  <host>\n    <uuid>u</uuid>\n    "
        + cpu + "\n  </host>\n</capabilities>\n";
  }

  private static final String GOOD =
      "<cpu>\n      <arch>x86_64</arch>\n      <model>Skylake-Client</model>\n"
          + "      <vendor>Intel</vendor>\n      <feature name='vmx'/>\n    </cpu>";

  private static final String BAD =
      "<cpu>\n      <arch>x86_64</arch>\n      <model>Skylake-Client</model>\n"
          + "      <topology sockets='x' cores='1' threads='1'/>\n    </cpu>";

  @Test
  void repeatedCpusReadTheSameWithTheirOwnSources() throws IOException {
    Path f = dir.resolve("fleet.xml");
    Files.writeString(f, host(GOOD, 0) + host(GOOD, 3) + host(GOOD, 1));
    List<CpuDef> cpus = new InputReader().extractCpus(f.toString());
    assertThat(cpus).hasSize(3);
    assertThat(cpus).extracting(CpuDef::source)
        .containsExactly(f + "#1", f + "#2", f + "#3");
    assertThat(cpus).extracting(CpuDef::features).containsOnly(cpus.get(0).features());
    assertThat(cpus).extracting(CpuDef::model).containsOnly("Skylake-Client");
  }

  /**
   * A repeated CPU is mapped once per CPU type: read as auto, host or guest (in any order, after
   * the other types), every host gets what its own CPU maps to as that type, under its own source.
   */
  @Test
  void repeatedCpusKeepTheirTypes() throws IOException {
    String cpu = GOOD.replace("'vmx'", "'pdpe1gb'");
    Path single = dir.resolve("single.xml");
    Files.writeString(single, host(cpu, 0));
    Path f = dir.resolve("fleet.xml");
    Files.writeString(f, host(cpu, 2) + host(cpu, 0));
    InputReader reader = new InputReader();
    for (CpuType type : new CpuType[] {CpuType.GUEST, null, CpuType.HOST, null, CpuType.GUEST}) {
      List<CpuDef> cpus = reader.extractCpus(f.toString(), type);
      CpuDef alone = reader.extractCpus(single.toString(), type).get(0);
      assertThat(cpus).extracting(CpuDef::source).containsExactly(f + "#1", f + "#2");
      for (CpuDef c : cpus) {
        assertThat(c.withSource(null)).as("%s", type).isEqualTo(alone.withSource(null));
      }
      assertThat(cpus.get(0).type()).isEqualTo(type == null ? CpuType.HOST : type);
    }
  }

  /**
   * Of a host with two CPUs, or of two hosts, the last is the one read (every one is parsed, so
   * an XML error in any is an error), also when both CPUs were seen before and the prescan
   * found them.
   */
  @Test
  void theLastCpuOfTheLastHostCounts() throws IOException {
    String other = GOOD.replace("Skylake-Client", "Haswell");
    Path f = dir.resolve("two.xml");
    String twoCpus = "<capabilities>\n  <host>\n    " + GOOD + "\n    " + other
        + "\n  </host>\n</capabilities>\n";
    String twoHosts = "<capabilities>\n  <host>\n    " + GOOD + "\n  </host>\n  <host>\n    "
        + other + "\n  </host>\n</capabilities>\n";
    Files.writeString(f, host(GOOD, 0) + host(other, 0) + twoCpus + twoHosts);
    List<CpuDef> cpus = new InputReader().extractCpus(f.toString());
    assertThat(cpus).extracting(CpuDef::model)
        .containsExactly("Skylake-Client", "Haswell", "Haswell", "Haswell");
    String broken = twoCpus.replace("<vendor>Intel</vendor>", "<vendor>Intel</vendr>");
    Files.writeString(f, host(GOOD, 0) + host(other, 0) + broken);
    assertThatThrownBy(() -> new InputReader().extractCpus(f.toString()))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(28));
  }

  /**
   * Hosts whose CPUs differ only in what a CPU definition does not hold (microcode, topology)
   * are read as one CPU: the same features list, each under its own source.
   */
  @Test
  void cpusThatMapAlikeShareTheirFields() throws IOException {
    String withMicrocode = GOOD.replace("<vendor>Intel</vendor>",
        "<vendor>Intel</vendor>\n      <microcode version='42'/>\n"
            + "      <topology sockets='1' dies='1' cores='4' threads='2'/>");
    String other = withMicrocode.replace("'42'", "'43'").replace("cores='4'", "cores='8'");
    Path f = dir.resolve("fleet.xml");
    Files.writeString(f, host(withMicrocode, 0) + host(other, 0) + host(GOOD, 0));
    List<CpuDef> cpus = new InputReader().extractCpus(f.toString());
    assertThat(cpus).extracting(CpuDef::source).containsExactly(f + "#1", f + "#2", f + "#3");
    assertThat(cpus.get(1).features()).isSameAs(cpus.get(0).features());
    assertThat(cpus.get(2).features()).isSameAs(cpus.get(0).features());
    assertThat(cpus.get(1).model()).isSameAs(cpus.get(0).model());
  }

  /**
   * auto parses a CPU with an arch as host, but refuses one that also has a match attribute: such
   * a CPU read as host before is not reused as auto, whose error names this file's own line, and
   * as guest it is still read.
   */
  @Test
  void autoRefusesAHostCpuWithMatchWhereverItWasReadBefore() throws IOException {
    String matched = GOOD.replace("<cpu>", "<cpu match='exact'>");
    Path a = dir.resolve("a.xml");
    Path b = dir.resolve("b.xml");
    Files.writeString(a, host(matched, 0) + host(matched, 0));
    Files.writeString(b, host(matched, 9));
    InputReader reader = new InputReader();
    assertThat(reader.extractCpus(a.toString(), CpuType.HOST)).extracting(CpuDef::type)
        .containsExactly(CpuType.HOST, CpuType.HOST);
    assertThatThrownBy(() -> reader.extractCpus(b.toString(), null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'match' attribute")
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(13));
    assertThat(reader.extractCpus(b.toString(), CpuType.GUEST)).extracting(CpuDef::type)
        .containsExactly(CpuType.GUEST);
  }

  /**
   * A CPU parses as the type GuestCpu.parsedAs names (which lets one mapping serve two types):
   * asked for a type, it gives what asking for that one gives, result or error, and auto refuses
   * exactly a CPU with both an arch and a match attribute. With and without either.
   */
  @Test
  void aCpuParsesAsTheTypeParsedAsNames() throws IOException {
    String[] cpus = {
      "<cpu><arch>x86_64</arch><model>Haswell</model></cpu>",
      "<cpu match='minimum'><arch>x86_64</arch><model>Haswell</model></cpu>",
      "<cpu><model>Haswell</model></cpu>",
      "<cpu match='exact'><model>Haswell</model></cpu>",
    };
    List<String> refused = new java.util.ArrayList<>();
    for (String xml : cpus) {
      Path f = dir.resolve("cpu.xml");
      Files.writeString(f, xml);
      org.migcheck.model.GuestCpu g =
          ((org.migcheck.model.CpuDocument) new InputReader().readAll(List.of(f.toString())).get(0))
              .cpu();
      for (CpuType type : new CpuType[] {null, CpuType.HOST, CpuType.GUEST}) {
        CpuType as = g.parsedAs(type);
        if (as == null) {
          refused.add(xml);
          assertThatThrownBy(() -> g.toCpuDef(type)).as("%s as %s", xml, type)
              .hasMessageContaining("'match' attribute");
        } else {
          assertThat(outcome(g, type)).as("%s as %s", xml, type).isEqualTo(outcome(g, as));
          assertThat(as).isEqualTo(type != null ? type
              : xml.contains("<arch>") ? CpuType.HOST : CpuType.GUEST);
        }
      }
    }
    assertThat(refused).containsExactly(cpus[1]);
  }

  /** A CPU parsed as a type: what it gives, or the error's message. */
  private static Object outcome(org.migcheck.model.GuestCpu g, CpuType type) {
    try {
      return g.toCpuDef(type);
    } catch (InputException e) {
      return e.getMessage();
    }
  }

  @Test
  void errorsNameEachFilesOwnLine() throws IOException {
    Path a = dir.resolve("a.xml");
    Path b = dir.resolve("b.xml");
    Files.writeString(a, host(BAD, 0));
    Files.writeString(b, host(GOOD, 0) + host(BAD, 20));
    assertThatThrownBy(() -> new InputReader().extractCpus(a.toString()))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(7));
    // the same bad CPU again, further down another file: its own line, not a.xml's
    assertThatThrownBy(() -> new InputReader().extractCpus(b.toString()))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(11 + 27));
  }
}
