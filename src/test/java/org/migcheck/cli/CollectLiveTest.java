package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.live.SnapshotWriterAccess;
import org.migcheck.testing.LiveHosts;
import org.migcheck.testing.LoopbackSshd;

/**
 * collect against the real QEMU driver (libvirtd answering qemu:///system) and over the remote
 * transport (qemu+ssh on loopback, through an sshd of the test's own); virsh is the oracle.
 */
class CollectLiveTest {
  private static final String SYSTEM = LiveHosts.SYSTEM;
  /** Guests the test defines (never starts), on two machine types. */
  private static final List<String> GUESTS = List.of("migcheck-collect-q35", "migcheck-collect-pc");

  @BeforeAll
  static void defineGuests(@TempDir Path tmp) throws IOException {
    LiveHosts.requireQemuDaemon();
    undefineGuests();
    String[] machines = {"pc-q35-7.2", "pc-i440fx-7.2"};
    String[] cpus = {"<cpu mode='host-model'/>", "<cpu mode='custom' match='exact'><model>qemu64</model></cpu>"};
    for (int i = 0; i < GUESTS.size(); i++) {
      Path xml = tmp.resolve(GUESTS.get(i) + ".xml");
      Files.writeString(
          xml,
          "<domain type='kvm'><name>" + GUESTS.get(i) + "</name><memory unit='MiB'>64</memory>"
              + "<vcpu>1</vcpu><os><type arch='x86_64' machine='" + machines[i] + "'>hvm</type></os>"
              + cpus[i] + "<devices/></domain>");
      LiveHosts.Result r = LiveHosts.virsh(SYSTEM, "define", xml.toString());
      assertThat(r.exit()).as(r.err()).isZero();
    }
  }

  @AfterAll
  static void undefineGuests() {
    for (String g : GUESTS) {
      LiveHosts.virsh(SYSTEM, "undefine", g);
    }
  }

  private static String virsh(String... args) {
    LiveHosts.Result r = LiveHosts.virsh(SYSTEM, args);
    assertThat(r.exit()).as("virsh %s: %s", List.of(args), r.err()).isZero();
    return r.out().strip();
  }

  private static String machineOf(String guest) {
    String xml = virsh("dumpxml", "--migratable", guest);
    int at = xml.indexOf("machine='") + 9;
    return xml.substring(at, xml.indexOf('\'', at));
  }

  /** Every file of a host's snapshot against what virsh prints for the same host. */
  private static void assertSnapshotOfThisMachine(Path out, String stem) throws IOException {
    assertThat(Files.readString(out.resolve(stem + ".xml")).strip()).isEqualTo(virsh("capabilities"));
    String domcaps = virsh("domcapabilities", "--virttype", "kvm");
    assertThat(Files.readString(out.resolve(stem + "-domcaps.xml")).strip()).isEqualTo(domcaps);
    String defaultMachine = domcaps.substring(domcaps.indexOf("<machine>") + 9, domcaps.indexOf("</machine>"));
    for (String g : GUESTS) {
      assertThat(Files.readString(out.resolve("guests/" + stem + "/" + g + ".xml")).strip())
          .isEqualTo(virsh("dumpxml", "--migratable", g));
      String machine = machineOf(g);
      Path perMachine = out.resolve("domcaps/" + stem + "/" + machine + ".xml");
      if (machine.equals(defaultMachine)) {
        assertThat(perMachine).doesNotExist();
      } else {
        assertThat(Files.readString(perMachine).strip())
            .isEqualTo(virsh("domcapabilities", "--virttype", "kvm", "--machine", machine));
      }
    }
  }

  @Test
  void theQemuDriverIsCollectedAsVirshSeesIt(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("snap");
    CliRun r = CliRun.run("collect", SYSTEM, "--guests", "all", "-o", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    String stem = SnapshotWriterAccess.safeName(virsh("hostname"));
    assertSnapshotOfThisMachine(out, stem);
    String json = Files.readString(out.resolve("snapshot.json"));
    String version = virsh("version");
    String qemu = version.substring(version.indexOf("Running hypervisor: QEMU ") + 25).lines().findFirst().orElseThrow();
    assertThat(json).contains("\"hypervisor\": \"QEMU " + qemu.strip() + "\"", "\"libvirt\": \"9.0.0\"", "\"notes\": []");
    String uuid = virsh("capabilities");
    uuid = uuid.substring(uuid.indexOf("<uuid>") + 6, uuid.indexOf("</uuid>"));
    assertThat(json).contains("\"uuid\": \"" + uuid + "\"");

    // the snapshot is a normal input: the offline commands read it
    CliRun inspect = CliRun.run("inspect", out.toString());
    assertThat(inspect.exit()).as(inspect.toString()).isZero();
    assertThat(inspect.out()).contains(stem + "-domcaps.xml: domain capabilities");
    CliRun check = CliRun.run("check", out.toString(), out.toString());
    assertThat(check.exit()).as(check.toString()).isZero();
  }

  @Test
  void overSshOnLoopbackWithARefusedLoginAndAClosedPort(@TempDir Path tmp) throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(tmp)) {
      String good = sshd.uri("client_key");
      String refused = sshd.uri("stranger_key");
      String closed = "qemu+tcp://127.0.0.1:1/system";
      Path out = tmp.resolve("snap");
      CliRun r = CliRun.run("collect", good, refused, closed, "--guests", "all", "-o", out.toString());
      assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INCOMPATIBLE);
      assertThat(r.errLines()).hasSize(2);
      assertThat(r.errLines().get(0)).startsWith("migcheck: " + refused + ": ").contains("Permission denied");
      assertThat(r.errLines().get(1)).startsWith("migcheck: " + closed + ": ").contains("Connection refused");
      // the ssh host is this machine: its files equal what the local daemon says
      assertSnapshotOfThisMachine(out, SnapshotWriterAccess.safeName(virsh("hostname")));
      assertThat(Files.readString(out.resolve("snapshot.json"))).contains("\"uri\": \"" + good + "\"");
    }
  }

  /** A URI argument is collected in memory and read like the snapshot of the same host. */
  @Test
  void uriArgumentsReadLikeTheirSnapshot(@TempDir Path tmp) throws IOException {
    Path snap = tmp.resolve("snap");
    assertThat(CliRun.run("collect", SYSTEM, "--guests", "none", "-o", snap.toString()).exit()).isZero();
    String stem = SnapshotWriterAccess.safeName(virsh("hostname"));
    String caps = snap.resolve(stem + ".xml").toString();
    String pair = caps + "," + snap.resolve(stem + "-domcaps.xml");
    String sample = org.migcheck.testing.SharedData.repo().resolve("samples/skylake-a.xml").toString();
    List<List<List<String>>> same =
        List.of(
            List.of(List.of("check", SYSTEM, SYSTEM), List.of("check", pair, pair)),
            List.of(List.of("check", SYSTEM, sample), List.of("check", pair, sample)),
            List.of(List.of("suggest", SYSTEM, sample), List.of("suggest", pair, sample)),
            List.of(List.of("fleet", SYSTEM, sample), List.of("fleet", snap.toString(), sample)),
            List.of(
                List.of("gate", "--fleet", sample, "--candidate", SYSTEM),
                List.of("gate", "--fleet", sample, "--candidate", snap.toString())),
            List.of(List.of("inspect", SYSTEM), List.of("inspect", caps, snap.resolve(stem + "-domcaps.xml").toString())),
            List.of(List.of("diff", SYSTEM, sample), List.of("diff", caps, sample)));
    for (List<List<String>> c : same) {
      CliRun live = CliRun.run(c.get(0).toArray(String[]::new));
      CliRun offline = CliRun.run(c.get(1).toArray(String[]::new));
      assertThat(live.exit()).as("%s\n%s", c.get(0), live).isEqualTo(offline.exit());
      assertThat(live.err()).as("%s", c.get(0)).isEqualTo(offline.err());
      // the documents are named live:N/HOST.xml, or after the URI, instead of their file path
      String normalised =
          live.out().replaceAll("live:\\d+/", snap + "/").replace(SYSTEM + " ", caps + " ");
      assertThat(normalised).as("%s", c.get(0)).isEqualTo(offline.out());
    }
  }

  @Test
  void anUnreachableUriArgumentIsOneLineNamingIt() {
    CliRun r = CliRun.run("check", SYSTEM, "qemu+tcp://127.0.0.1:1/system");
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("migcheck: qemu+tcp://127.0.0.1:1/system: ")
        .contains("Connection refused");
    assertThat(r.out()).isEmpty();
  }
}
