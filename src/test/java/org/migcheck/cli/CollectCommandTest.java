package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.testing.LiveHosts;
import org.migcheck.testing.SharedData;

/** collect against libvirt's test driver (no daemon), with virsh on the same URIs as the oracle. */
class CollectCommandTest {
  @TempDir Path tmp;

  @BeforeEach
  void needLibvirt() {
    LiveHosts.requireClientLibrary();
  }

  private Path node() throws IOException {
    Path node = tmp.resolve("node.xml");
    Files.copy(SharedData.repo().resolve("src/test/resources/live/node.xml"), node);
    return node;
  }

  private static String virsh(String uri, String... args) {
    LiveHosts.Result r = LiveHosts.virsh(uri, args);
    assertThat(r.exit()).as("virsh %s", List.of(args)).isZero();
    return r.out().strip();
  }

  @Test
  void defaultTestDriverIsCollectedAsVirshSeesIt() throws IOException {
    Path out = tmp.resolve("snap");
    CliRun r = CliRun.run("collect", "test:///default", "-o", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("collected 1 of 1 hosts");
    String host = virsh("test:///default", "hostname");
    String stem = org.migcheck.live.SnapshotWriterAccess.safeName(host);
    assertThat(Files.readString(out.resolve(stem + ".xml")).strip())
        .isEqualTo(virsh("test:///default", "capabilities"));
    assertThat(Files.readString(out.resolve("guests/" + stem + "/test.xml")).strip())
        .isEqualTo(virsh("test:///default", "dumpxml", "--migratable", "test"));
    String json = Files.readString(out.resolve("snapshot.json"));
    String version = virsh("test:///default", "version", "--daemon");
    assertThat(json)
        .contains("\"host\": \"" + stem + "\"", "\"uri\": \"test:///default\"", "\"libvirt\": \"9.0.0\"")
        .contains("\"hypervisor\": \"TEST 0.0.2\"", "\"error\": null")
        // the test driver has no domcapabilities: a note, not a failure
        .contains("virConnectGetDomainCapabilities");
    assertThat(version).contains("9.0.0");
  }

  @Test
  void guestSelectionPicksRunningAllOrNone() throws IOException {
    String uri = "test://" + node().toAbsolutePath();
    for (String which : List.of("running", "all", "none")) {
      Path out = tmp.resolve("snap-" + which);
      CliRun r = CliRun.run("collect", uri, "--guests", which, "-o", out.toString());
      assertThat(r.exit()).as(r.toString()).isZero();
      List<String> guests = new ArrayList<>();
      Path gdir = out.resolve("guests");
      if (Files.isDirectory(gdir)) {
        try (Stream<Path> s = Files.walk(gdir)) {
          s.filter(Files::isRegularFile).forEach(p -> guests.add(p.getFileName().toString()));
        }
      }
      switch (which) {
        case "running" -> assertThat(guests).containsExactlyInAnyOrder("web-1.xml", "db_1.xml");
        case "all" -> assertThat(guests).containsExactlyInAnyOrder("web-1.xml", "db_1.xml", "stopped.xml");
        default -> assertThat(guests).isEmpty();
      }
    }
    Path all = tmp.resolve("snap-all");
    try (Stream<Path> s = Files.walk(all.resolve("guests"))) {
      for (Path g : s.filter(Files::isRegularFile).toList()) {
        String name = g.getFileName().toString().replace(".xml", "").replace("db_1", "db 1");
        assertThat(Files.readString(g).strip()).isEqualTo(virsh(uri, "dumpxml", "--migratable", name));
      }
    }
  }

  @Test
  void severalHostsKeepInputOrderAndUniqueNames() throws IOException {
    String uri = "test://" + node().toAbsolutePath();
    Path list = tmp.resolve("hosts.txt");
    Files.writeString(list, "# the fleet\n" + uri + "\n\n  test:///default  \n");
    Path out = tmp.resolve("snap");
    CliRun r = CliRun.run("collect", "--from", list.toString(), uri, "--parallel", "2", "-o", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    String json = Files.readString(out.resolve("snapshot.json"));
    String stem = org.migcheck.live.SnapshotWriterAccess.safeName(virsh(uri, "hostname"));
    // arguments first, then --from; names in that order
    assertThat(json.indexOf("\"host\": \"" + stem + "\"")).isPositive();
    assertThat(json.indexOf("\"host\": \"" + stem + "\""))
        .isLessThan(json.indexOf("\"host\": \"" + stem + "-2\""));
    assertThat(json.indexOf("\"host\": \"" + stem + "-2\""))
        .isLessThan(json.indexOf("\"host\": \"" + stem + "-3\""));
    assertThat(json.indexOf("\"uri\": \"test:///default\"")).isGreaterThan(json.indexOf("\"host\": \"" + stem + "-2\""));
    assertThat(out.resolve(stem + "-3.xml")).exists();
  }

  @Test
  void aClosedPortIsOneLineAndTheOtherHostsAreKept() throws IOException {
    Path out = tmp.resolve("snap");
    CliRun r = CliRun.run("collect", "qemu+tcp://127.0.0.1:1/system", "test:///default", "-o", out.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("migcheck: qemu+tcp://127.0.0.1:1/system: ")
        .contains("Connection refused");
    assertThat(r.out()).contains("collected 1 of 2 hosts").contains("1 failed");
    String json = Files.readString(out.resolve("snapshot.json"));
    assertThat(json).contains("\"uri\": \"qemu+tcp://127.0.0.1:1/system\"", "Connection refused", "\"uri\": \"test:///default\"");
  }

  @Test
  void secretsInTheUriAreNeverPrintedNorStored() throws IOException {
    Path out = tmp.resolve("snap");
    String uri = "qemu+tcp://admin:hunter2@127.0.0.1:1/system?password=s3cret&no_tty=1";
    CliRun r = CliRun.run("collect", uri, "-o", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPATIBLE);
    assertThat(r.err() + r.out()).doesNotContain("hunter2").doesNotContain("s3cret");
    assertThat(r.err()).contains("qemu+tcp://admin:REDACTED@127.0.0.1:1/system?password=REDACTED&no_tty=1: ");
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).doesNotContain("hunter2").doesNotContain("s3cret");
      }
    }
  }

  @Test
  void aHostThatNeverAnswersTimesOut() throws IOException {
    // accepts the connection, never says a word: libvirt waits for its RPC reply
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String uri = "qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system";
      Path out = tmp.resolve("snap");
      CliRun r = CliRun.run("collect", uri, "test:///default", "--timeout", "1", "-o", out.toString());
      assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
      assertThat(r.errLines()).containsExactly("migcheck: " + uri + ": no answer within 1 s");
      assertThat(Files.readString(out.resolve("snapshot.json"))).contains("no answer within 1 s", "\"uri\": \"test:///default\"");
    }
  }

  @Test
  void badArgumentsAreOneLineExit2AndWriteNothing() {
    Path out = tmp.resolve("snap");
    List<List<String>> cases =
        List.of(
            List.of("collect", "-o", out.toString()),
            List.of("collect", "host.xml", "-o", out.toString()),
            List.of("collect", "test:///default", "--parallel", "0", "-o", out.toString()),
            List.of("collect", "test:///default", "--timeout", "0", "-o", out.toString()),
            List.of("collect", "test:///default", "--guests", "some", "-o", out.toString()),
            List.of("collect", "--from", tmp.resolve("missing.txt").toString(), "-o", out.toString()));
    for (List<String> args : cases) {
      CliRun r = CliRun.run(args.toArray(String[]::new));
      assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.errLines()).as(r.toString()).singleElement().asString().startsWith("migcheck: ");
      assertThat(r.out()).isEmpty();
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void withoutLibvirtCollectSaysSoInOneLine() {
    Path out = tmp.resolve("snap");
    String before = System.getProperty("migcheck.libvirt.library");
    System.setProperty("migcheck.libvirt.library", "migcheck-no-such-libvirt");
    try {
      CliRun r = CliRun.run("collect", "test:///default", "-o", out.toString());
      assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.errLines()).singleElement().asString().contains("libvirt.so.0", "libvirt0");
      assertThat(out).doesNotExist();
    } finally {
      if (before == null) {
        System.clearProperty("migcheck.libvirt.library");
      } else {
        System.setProperty("migcheck.libvirt.library", before);
      }
    }
  }
}
