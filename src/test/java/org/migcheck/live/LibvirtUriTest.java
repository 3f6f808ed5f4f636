package org.migcheck.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibvirtUriTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "qemu:///system", "qemu+ssh://root@host/system", "test:///default", "test:///tmp/node.xml",
        "qemu+tcp://127.0.0.1:1/system", "xen+tls://h/", "ch:///session"
      })
  void urisAreUris(String s) {
    assertThat(LibvirtUri.isUri(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"host.xml", "dir/", "-", "/abs/qemu:///x", "C:/x.xml", "Qemu:///system", "qemu:/system"})
  void filesAreNot(String s) {
    assertThat(LibvirtUri.isUri(s)).isFalse();
  }

  static java.util.stream.IntStream seeds() {
    return java.util.stream.IntStream.range(0, 50);
  }

  /**
   * The hand-written check is the regular expression it replaced,
   * {@code [a-z][a-z0-9]*(\+[a-z0-9]+)?://.*} (DOTALL), on seeded strings built of the pieces
   * that matter: a driver and transport of letters, digits and odd characters, a separator near
   * "://", anything after.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("seeds")
  void isUriIsTheRegularExpressionItReplaced(int seed) {
    java.util.regex.Pattern uri =
        java.util.regex.Pattern.compile("^[a-z][a-z0-9]*(\\+[a-z0-9]+)?://.*", java.util.regex.Pattern.DOTALL);
    java.util.Random r = new java.util.Random(seed);
    String[] seps = {"://", ":/", ":///", "//", "", ":", "+://", "://\n"};
    int uris = 0;
    for (int i = 0; i < 400; i++) {
      String s = part(r, "az09Aq+-.") + (r.nextBoolean() ? "+" + part(r, "az09Z_") : "")
          + seps[r.nextInt(seps.length)] + part(r, "az/:\n .");
      boolean want = uri.matcher(s).matches();
      uris += want ? 1 : 0;
      assertThat(LibvirtUri.isUri(s)).as("'%s'", s).isEqualTo(want);
    }
    assertThat(uris).as("some of them are URIs").isPositive();
  }

  private static String part(java.util.Random r, String alphabet) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(5); i > 0; i--) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "qemu:///system|qemu:///system",
        "qemu+ssh://root@h/system?keyfile=/k&no_verify=1|qemu+ssh://root@h/system?keyfile=/k&no_verify=1",
        "qemu+ssh://root:pw@h/system|qemu+ssh://root:REDACTED@h/system",
        "qemu+tcp://u:p@ss:w@h:16509/system|qemu+tcp://u:REDACTED@h:16509/system",
        "qemu+tcp://h/system?password=x&no_tty=1|qemu+tcp://h/system?password=REDACTED&no_tty=1",
        "qemu+libssh2://h/system?sshauth=privkey&token=abc#f|qemu+libssh2://h/system?sshauth=privkey&token=REDACTED#f",
        "qemu+ssh://h:22/system|qemu+ssh://h:22/system",
      })
  void redactsSecretsOnly(String raw, String safe) {
    assertThat(LibvirtUri.redact(raw)).isEqualTo(safe);
  }

  @org.junit.jupiter.api.Test
  void messagesLoseTheSecretsToo() {
    String raw = "qemu+ssh://root:hunter2@h/system?passphrase=s3cret&no_tty=1";
    String msg = "Cannot recv data: root:hunter2@h: denied\nfor s3cret at " + raw;
    String out = LibvirtUri.redactIn(msg, raw);
    assertThat(out).doesNotContain("hunter2").doesNotContain("s3cret").doesNotContain("\n");
    assertThat(out).contains("root:REDACTED@h").contains("no_tty=1");
  }

  @org.junit.jupiter.api.Test
  void versionsDecodeLibvirtsNumbers() {
    assertThat(HostCollector.version(9_000_000)).isEqualTo("9.0.0");
    assertThat(HostCollector.version(7_002_022)).isEqualTo("7.2.22");
    assertThat(HostCollector.version(2)).isEqualTo("0.0.2");
  }
}
