package org.migcheck.fleet.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.input.InputReader;
import org.migcheck.testing.SharedData;

/**
 * Bad input fails in the fast reader exactly as in the full parser: same file or document, line,
 * column and message.
 */
class FleetReaderErrorsTest {
  @TempDir Path tmp;

  private static String caps() throws IOException {
    return Files.readString(SharedData.repo().resolve("samples/broadwell.xml"));
  }

  private static String domcaps() throws IOException {
    return Files.readString(SharedData.repo().resolve("samples/broadwell-domcaps.xml"));
  }

  /** The error of each reader, as "oneLine", or "ok". */
  private String[] outcomes(byte[] bytes) throws IOException {
    Path f = tmp.resolve("in.xml");
    Files.write(f, bytes);
    String full;
    try {
      new InputReader().readAll(List.of(f.toString())).forEach(d -> {});
      full = "ok";
    } catch (InputException e) {
      full = e.oneLine();
    }
    String fast = fastOutcome(f, org.migcheck.read.DocumentReader.WHOLE_FILE_LIMIT);
    String streamed = fastOutcome(f, 0);
    assertThat(streamed).as("read whole or streamed, the same").isEqualTo(fast);
    return new String[] {full, fast};
  }

  private static String fastOutcome(Path f, long wholeFileLimit) {
    try {
      new FleetReader(() -> System.in, 2, wholeFileLimit).read(List.of(f.toString()), d -> d, d -> {});
      return "ok";
    } catch (InputException e) {
      return e.oneLine();
    }
  }

  private void sameError(String text) throws IOException {
    sameError(text.getBytes(StandardCharsets.UTF_8));
  }

  private void sameError(byte[] bytes) throws IOException {
    String[] o = outcomes(bytes);
    assertThat(o[0]).as("the full parser fails").isNotEqualTo("ok");
    assertThat(o[1]).isEqualTo(o[0]);
  }

  @Test
  void structure() throws IOException {
    String c = caps();
    sameError("");
    sameError("  \n\n");
    sameError("<!-- only a comment -->\n");
    sameError(c + c.substring(0, c.length() / 2));
    sameError(c.substring(0, c.length() - 3));
    sameError(c + "\nthis is not XML\n" + c);
    sameError(c + "\n  " + "x".repeat(60) + "  \n" + c);
    sameError(c + "</capabilities>\n");
    sameError(c.replace("<host>", "<host><uuid>x</host>"));
    sameError(c.replace("</model>", "</mdl>"));
    sameError(c.replace("<vendor>Intel", "<vendor>&ent;Intel"));
    sameError(c + "<!-- unterminated");
    sameError(c + "<?pi unterminated");
    sameError(c + "<![CDATA[ text ]]>" + c);
  }

  /**
   * A root neither reader takes fails at the same line in both; fleet's message says what fleet
   * reads (host documents), not every root the full parser knows (fuzz find, run 3).
   */
  @Test
  void unsupportedRoot() throws IOException {
    String c = caps();
    String[] o = outcomes((c + c.replace("<capabilities>", "<capabilitias>").replace("</capabilities>", "</capabilitias>"))
        .getBytes(StandardCharsets.UTF_8));
    int line = (int) c.lines().count() + 1;
    assertThat(o[0]).endsWith("in.xml:" + line
        + ": unsupported document <capabilitias>: expected <capabilities>, <domainCapabilities>, <domain> or <cpu>");
    assertThat(o[1]).endsWith("in.xml:" + line
        + ": unsupported document <capabilitias>: fleet and gate read host <capabilities> and <domainCapabilities>");
    String[] guest = outcomes((c + "<domain type='kvm'><name>g</name></domain>\n").getBytes(StandardCharsets.UTF_8));
    assertThat(guest[0]).isEqualTo("ok");
    assertThat(guest[1]).endsWith("in.xml:" + line + ": unsupported document <domain>: fleet and gate read host"
        + " <capabilities> and <domainCapabilities>");
  }

  /** A control character between documents stands where the JDK parser finds it (fuzz find). */
  @Test
  void controlCharacterOutsideDocuments() throws IOException {
    String c = caps();
    sameError("\u001ccapabilities>\n\n" + c);
    sameError("ab\u001c\n" + c);
    sameError(c + "zz\n\u0001q\n" + c);
    sameError(c + "  \u0008" + c);
  }

  /** A processing instruction between documents is checked as the JDK parser does (fuzz find). */
  @Test
  void instructionsBetweenDocuments() throws IOException {
    String c = caps();
    sameError("<??>\n" + c);
    sameError("<? x?>\n" + c);
    sameError("<?9x?>\n" + c);
    sameError("<?cpu>\n" + c);
    sameError(c + "  <?cpu>\n" + c);
    sameError(c + "\n\n <?\n" + c);
    String[] fine = outcomes(("<?a?>\n<?x-1.b:c data?>\n<?xy\n?>" + c).getBytes(StandardCharsets.UTF_8));
    assertThat(fine).containsExactly("ok", "ok");
  }

  @Test
  void doctypeAnywhere() throws IOException {
    String c = caps();
    sameError("<!DOCTYPE capabilities>\n" + c);
    sameError(c + "\n  <!doctype x [<!ENTITY a 'b'>]>\n" + c);
    sameError(c.replace("<host>", "<host>\n <!DOCTYPE x>"));
  }

  @Test
  void encodings() throws IOException {
    String c = caps();
    byte[] good = c.getBytes(StandardCharsets.UTF_8);
    byte[] bad = good.clone();
    int at = c.indexOf("Broadwell-IBRS");
    bad[at] = (byte) 0xC3;
    bad[at + 1] = (byte) 0x28;
    sameError(bad);
    byte[] utf16 = c.getBytes(StandardCharsets.UTF_16);
    sameError(utf16);
    byte[] between = (c + "\n\u00e9\n" + c).getBytes(StandardCharsets.ISO_8859_1);
    sameError(between);
    // inside an attribute value and inside a comment: only non-ASCII documents are checked
    sameError(c.replace("<feature name='vme'/>", "<feature name='v\u00e9'/>").getBytes(StandardCharsets.ISO_8859_1));
    sameError(c.replace("<host>", "<host><!-- caf\u00e9 -->").getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void valuesFleetReads() throws IOException {
    String c = caps();
    String d = domcaps();
    sameError(c + c.replace("frequency='2199998000'", "frequency='2.2GHz'"));
    sameError(c.replace("family='6'", "family='-6'"));
    sameError(c.replace("<maxphysaddr mode='emulate'", "<maxphysaddr mode='guess'"));
    sameError(c.replace("<feature name='vme'/>", "<feature name=' '/>"));
    sameError(c.replace("<microcode version='", "<microcode version='x"));
    sameError(c.replace("<iommu support='yes'/>", "<iommu support='maybe'/>"));
    sameError(c.replace(">pc-i440fx-6.2<", " maxCpus='lots'>pc-i440fx-6.2<"));
    sameError(c.replace("<wordsize>64</wordsize>", "<wordsize>64-bit</wordsize>"));
    sameError(d.replace("<mode name='maximum' supported='yes'>", "<mode name='maximum' supported='sure'>"));
    sameError(d.replace("policy='require' name='ss'", "policy='want' name='ss'"));
    sameError(d.replace("<model fallback='forbid'>", "<model fallback='never'>"));
    sameError(d.replace("usable='yes'", "usable='perhaps'"));
    sameError(d.replace("<vcpu max='", "<vcpu max='-"));
  }

  /**
   * Random damage: the fast reader fails the way the full parser does, with two principled
   * exceptions. The full parser decodes UTF-8 ahead of where it parses, so which of a UTF-8 error
   * and a nearby XML error comes first depends on its buffer; and it rejects bad values in parts
   * fleet analysis does not read (such as the NUMA topology), which the fast reader passes over.
   */
  @Test
  void randomDamage() throws IOException {
    byte[] base = (caps() + domcaps()).getBytes(StandardCharsets.UTF_8);
    byte[] damage = "<>&'\"/=!?x0 \n".getBytes(StandardCharsets.ISO_8859_1);
    Random random = new Random(7);
    List<String> differences = new ArrayList<>();
    int same = 0;
    for (int round = 0; round < 200; round++) {
      byte[] b = base.clone();
      if (round % 5 == 0) {
        b = Arrays.copyOf(b, random.nextInt(b.length));
      }
      for (int i = 0; i < 1 + random.nextInt(3) && b.length > 0; i++) {
        int at = random.nextInt(b.length);
        b[at] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : damage[random.nextInt(damage.length)];
      }
      String[] o = outcomes(b);
      String full = o[0];
      String fast = o[1];
      if (full.equals(fast)) {
        same++;
        continue;
      }
      boolean bothFail = !full.equals("ok") && !fast.equals("ok");
      boolean utf8 = full.contains("UTF-8") || fast.contains("UTF-8");
      boolean unreadValue =
          isValueError(full) && (fast.equals("ok") || line(fast) > line(full));
      if (!(bothFail && utf8) && !unreadValue) {
        differences.add(full + "  <>  " + fast);
      }
    }
    assertThat(differences).isEmpty();
    assertThat(same).isGreaterThan(150);
  }

  private static boolean isValueError(String oneLine) {
    return oneLine.contains("Invalid value") || oneLine.contains("Missing");
  }

  private static int line(String oneLine) {
    String[] parts = oneLine.split(":");
    return Integer.parseInt(parts[1].trim());
  }
}
