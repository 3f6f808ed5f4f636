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
