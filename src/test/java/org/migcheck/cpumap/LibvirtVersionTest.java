package org.migcheck.cpumap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.InputException;

class LibvirtVersionTest {
  /** The form parse accepted when it used a regex; the hand-written reader must agree with it. */
  private static final Pattern FORM =
      Pattern.compile("(\\d{1,4})(?:\\.(\\d{1,4}))?(?:\\.(\\d{1,4}))?");

  static LibvirtVersion byRegex(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    return new LibvirtVersion(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void readsWhatTheRegexRead(long seed) {
    Random r = new Random(seed);
    String alphabet = "0123456789....  \t-a+٣";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = r.nextInt(12); n > 0; n--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      assertThat(LibvirtVersion.parseOrNull(text)).as("'%s'", text).isEqualTo(byRegex(text));
    }
  }

  @Test
  void readsTheUsualForms() {
    assertThat(LibvirtVersion.parse("11.3", "x")).isEqualTo(new LibvirtVersion(11, 3, 0));
    assertThat(LibvirtVersion.parse(" 9.0.0\n", "x")).isEqualTo(new LibvirtVersion(9, 0, 0));
    assertThat(LibvirtVersion.parse("12", "x")).isEqualTo(new LibvirtVersion(12, 0, 0));
    assertThat(LibvirtVersion.parse("0012.0008.0001", "x")).isEqualTo(new LibvirtVersion(12, 8, 1));
    for (String bad : new String[] {"", "1.", ".1", "1..2", "1.2.3.4", "12345", "1.2a", "v1", "٣"}) {
      assertThat(LibvirtVersion.parseOrNull(bad)).as("'%s'", bad).isNull();
    }
    assertThat(LibvirtVersion.parseOrNull(null)).isNull();
    assertThatThrownBy(() -> LibvirtVersion.parse("1.x", "--libvirt"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'1.x' is not a libvirt version");
  }
}
