package org.migcheck.fleet.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migcheck.InputException;
import org.migcheck.input.InputReader;

/**
 * A bad value early in a document and malformed XML later: the full parser reads the whole
 * document before converting values, so it reports the malformed XML; fleet's reader, which
 * converts as it goes, must say the same (the fuzzer found it reporting the value).
 */
class ValueErrorOrderTest {
  @TempDir Path dir;

  private static String error(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (InputException e) {
      return e.oneLine();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<feature name='ds'/><feature name='ds'/>",
        "<topology sockets='many' cores='1' threads='1'/>",
        "<feature/>"
      })
  void malformedXmlLaterInTheDocumentWins(String badValue) throws IOException {
    String caps =
        Files.readString(Path.of("samples/skylake-a.xml"))
            .replace("<feature name='ds'/>", badValue)
            .replace("</secmodel>", "</secmodel>\u0005");
    Path f = Files.writeString(dir.resolve("caps.xml"), caps);
    String full = error(() -> new InputReader().readAll(List.of(f.toString())));
    String fleet =
        error(() -> new FleetReader(() -> System.in, 2).read(List.of(f.toString()), d -> d, d -> {}));
    assertThat(full).contains("malformed XML: An invalid XML character (Unicode: 0x5)");
    assertThat(fleet).isEqualTo(full);
  }
}
