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
