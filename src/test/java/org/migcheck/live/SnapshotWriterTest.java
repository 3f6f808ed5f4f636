package org.migcheck.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotWriterTest {
  @TempDir Path dir;

  private static HostData host(String hostname, Map<String, String> domcaps, Map<String, String> guests) {
    return new HostData(
        "qemu+ssh://" + hostname + "/system", hostname, "uuid-" + hostname, "9.0.0", "QEMU 7.2.0",
        "2026-01-01T00:00:00Z", "<capabilities>" + hostname + "</capabilities>", domcaps, guests, List.of());
  }

  @Test
  void writesEveryFileAndTheManifestLast() throws IOException {
    Map<String, String> domcaps = new LinkedHashMap<>();
    domcaps.put("", "<domainCapabilities/>");
    domcaps.put("pc-q35-7.2", "<domainCapabilities>q35</domainCapabilities>");
    Map<String, String> guests = new LinkedHashMap<>();
    guests.put("web 1", "<domain>web</domain>");
    guests.put("../etc/passwd", "<domain>evil</domain>");
    SnapshotWriter w = new SnapshotWriter(dir, (file, text) -> org.migcheck.cli.OutputFile.write(text, file, null));
    w.add(new FleetCollector.Result(0, "qemu+ssh://a/system", host("a.example", domcaps, guests), null));
    assertThat(dir.resolve(SnapshotWriter.MANIFEST)).doesNotExist();
    w.add(new FleetCollector.Result(1, "qemu+tcp://b/system", null, "Connection refused"));
    w.add(new FleetCollector.Result(2, "qemu+ssh://a2/system", host("a.example", Map.of(), Map.of()), null));
    w.finish();

    assertThat(dir.resolve("a.example.xml")).hasContent("<capabilities>a.example</capabilities>");
    assertThat(dir.resolve("a.example-domcaps.xml")).hasContent("<domainCapabilities/>");
    assertThat(dir.resolve("domcaps/a.example/pc-q35-7.2.xml")).exists();
    assertThat(dir.resolve("guests/a.example/web_1.xml")).hasContent("<domain>web</domain>");
    assertThat(dir.resolve("guests/a.example/.._etc_passwd.xml")).exists();
    assertThat(dir.resolve("a.example-2.xml")).hasContent("<capabilities>a.example</capabilities>");
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
    }
    String json = Files.readString(dir.resolve(SnapshotWriter.MANIFEST));
    assertThat(json)
        .contains("\"host\": \"a.example\"", "\"uuid\": \"uuid-a.example\"", "\"libvirt\": \"9.0.0\"")
        .contains("\"hypervisor\": \"QEMU 7.2.0\"", "\"collectedAt\": \"2026-01-01T00:00:00Z\"")
        .contains("\"guests/a.example/web_1.xml\"", "\"domcaps/a.example/pc-q35-7.2.xml\"")
        .contains("\"error\": \"Connection refused\"", "\"host\": \"a.example-2\"");
    assertThat(json.indexOf("a.example\"")).isLessThan(json.indexOf("Connection refused"));
    assertThat(json.indexOf("Connection refused")).isLessThan(json.indexOf("a.example-2"));
  }

  @Test
  void namesAreSafeFileNames() {
    assertThat(SnapshotWriter.safeName("h1.example.com")).isEqualTo("h1.example.com");
    assertThat(SnapshotWriter.safeName("a/b\\c d")).isEqualTo("a_b_c_d");
    assertThat(SnapshotWriter.safeName("..")).isEqualTo("host");
    assertThat(SnapshotWriter.safeName("")).isEqualTo("host");
    assertThat(SnapshotWriter.safeName("x".repeat(300))).hasSize(100);
  }
}
