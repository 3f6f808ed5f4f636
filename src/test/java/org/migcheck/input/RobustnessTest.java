package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.SharedData;

/**
 * Damaged input of every kind must end in an {@link InputException}: no NullPointerException,
 * NumberFormatException or parser exception may escape, whatever the damage.
 */
class RobustnessTest {
  private static final byte[] DAMAGE = "<>&'\"/=!?x0 \n\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  private static void readAndUseEverything(byte[] bytes) {
    InputReader reader = new InputReader(() -> new ByteArrayInputStream(bytes));
    try {
      for (ParsedDocument d : reader.readAll(List.of("-"))) {
        DocumentUse.exercise(d);
      }
      reader.extractCpus("-");
    } catch (InputException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(expected.oneLine()).doesNotContain("\n").startsWith("<stdin>");
    }
  }

  private static List<byte[]> samples() throws IOException {
    return List.of(
        Files.readAllBytes(SharedData.caps("caps-qemu-kvm.xml")),
        Files.readAllBytes(SharedData.caps("qemu_8.2.0-q35.x86_64.xml")),
        Files.readAllBytes(Path.of(InputReaderTest.fixture("concat-declarations.xml"))),
        Files.readAllBytes(SharedData.cputest("x86_64-guest.xml")));
  }

  @Test
  void truncatedAtAnyPoint() throws IOException {
    for (byte[] full : samples()) {
      int step = Math.max(1, full.length / 400);
      for (int cut = 0; cut < full.length; cut += step) {
        readAndUseEverything(java.util.Arrays.copyOf(full, cut));
      }
    }
  }

  @Test
  void randomDamage() throws IOException {
    Random random = new Random(42);
    for (byte[] full : samples()) {
      for (int round = 0; round < 300; round++) {
        byte[] b = full.clone();
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
          int at = random.nextInt(b.length);
          b[at] = random.nextBoolean() ? DAMAGE[random.nextInt(DAMAGE.length)] : (byte) random.nextInt(256);
        }
        readAndUseEverything(b);
      }
    }
  }

  @Test
  void damagedAttributeValues() {
    String[] values = {"", " ", "-1", "1e3", "0x10", "99999999999999999999", "yes", "on", "bogus"};
    String[] templates = {
      "<cpu><topology sockets='%s' cores='1' threads='1'/></cpu>",
      "<cpu mode='%s'/>",
      "<cpu><model fallback='%s'>x</model></cpu>",
      "<cpu><arch>x86_64</arch><model>x</model><counter name='tsc' frequency='%s'/></cpu>",
      "<capabilities><host><cpu><microcode version='%s'/></cpu></host></capabilities>",
      "<capabilities><host><topology><cells><cell id='%s'/></cells></topology></host></capabilities>",
      "<capabilities><guest><arch name='x'><machine maxCpus='%s'>pc</machine></arch></guest></capabilities>",
      "<capabilities><guest><features><acpi default='%s' toggle='%<s'/></features></guest></capabilities>",
      "<domainCapabilities><vcpu max='%s'/><cpu><mode name='custom' supported='%<s'><model usable='%<s'>x</model></mode></cpu></domainCapabilities>",
      "<domainCapabilities><devices><disk supported='%s'/></devices></domainCapabilities>",
      "<domain><vcpu current='%s'>%<s</vcpu><memory unit='%<s'>%<s</memory></domain>",
      "<domain><numatune><memnode cellid='%s'/></numatune><seclabel relabel='%<s'/></domain>",
    };
    for (String t : templates) {
      for (String v : values) {
        readAndUseEverything(String.format(t, v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }
}
