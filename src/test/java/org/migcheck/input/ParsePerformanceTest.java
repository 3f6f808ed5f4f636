package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.model.HostCapabilities;
import org.migcheck.parse.DocumentParser;
import org.migcheck.testing.SharedData;

/**
 * Reads a concatenation of many capabilities documents through the streaming reader, the way fleet
 * analysis does, and reports the time per document. The bound is loose: it catches a pathological
 * regression (such as a parser or transformer built per element), not a slow machine.
 */
class ParsePerformanceTest {
  @Test
  void manyCapabilitiesDocuments() throws IOException {
    byte[] one = Files.readAllBytes(SharedData.caps("caps-qemu-kvm.xml"));
    int copies = 400;
    byte[] all = new byte[one.length * copies];
    for (int i = 0; i < copies; i++) {
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    DocumentParser.initialize();
    InputReader reader = new InputReader(() -> new ByteArrayInputStream(all));
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      int[] seen = {0};
      long start = System.nanoTime();
      reader.stream(
          List.of("-"),
          d -> {
            assertThat(d).isInstanceOf(HostCapabilities.class);
            seen[0]++;
          });
      best = Math.min(best, (System.nanoTime() - start) / copies);
      assertThat(seen[0]).isEqualTo(copies);
    }
    System.out.printf(
        "ParsePerformanceTest: %d-byte capabilities document: %.0f us each (best of 5 rounds of %d)%n",
        one.length, best / 1e3, copies);
    assertThat(best).isLessThan(5_000_000L);
  }
}
