package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.SharedData;

/**
 * A concatenation of many capabilities documents from standard input, the form collection scripts
 * produce: every document is read, in order, each the same as the document read alone, and the
 * reader (with its per-thread parser state) can be used again. Speed is measured by
 * bench/baseline.sh and bench/fleet.sh, not here.
 */
class ManyDocumentsTest {
  @Test
  void manyCapabilitiesDocuments() throws IOException {
    byte[] one = Files.readAllBytes(SharedData.caps("caps-qemu-kvm.xml"));
    int copies = 100;
    byte[] all = new byte[one.length * copies];
    for (int i = 0; i < copies; i++) {
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    ParsedDocument alone =
        new InputReader(() -> new ByteArrayInputStream(one)).readAll(List.of("-")).get(0);
    InputReader reader = new InputReader(() -> new ByteArrayInputStream(all));
    for (int round = 0; round < 2; round++) {
      List<ParsedDocument> seen = new ArrayList<>();
      reader.stream(List.of("-"), seen::add);
      assertThat(seen).hasSize(copies);
      assertThat(seen).allSatisfy(d -> assertThat(d)
          .usingRecursiveComparison()
          .ignoringFields("source", "line", "cpu.source", "cpu.line") // where each one starts
          .isEqualTo(alone));
    }
  }
}
