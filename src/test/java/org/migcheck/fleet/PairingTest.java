package org.migcheck.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;

/** How domcapabilities find their host's capabilities (and when they cannot). */
class PairingTest {
  @TempDir Path tmp;

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(Fleets.sample(file)));
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void byNameInOneDirectoryAcrossDirectoriesAndDocumentByDocument() throws IOException {
    write("a/h1.xml", read("skylake-a.xml"));
    write("a/h1-domcaps.xml", read("skylake-a-domcaps.xml"));
    write("caps/h2.xml", read("broadwell.xml"));
    write("domcaps/h2_domcaps.xml", read("broadwell-domcaps.xml"));
    write("all.xml", read("cascadelake.xml") + read("epyc-rome.xml"));
    write("all-domcaps.xml", read("cascadelake-domcaps.xml") + read("epyc-rome-domcaps.xml"));
    Fleet f = Fleets.load(List.of(tmp.resolve("a").toString(), tmp.resolve("domcaps").toString(),
        tmp.resolve("caps").toString(), tmp.resolve("all-domcaps.xml").toString(),
        tmp.resolve("all.xml").toString()));
    assertThat(f.hosts()).extracting(h -> h.domcaps().substring(tmp.toString().length() + 1))
        .containsExactly("a/h1-domcaps.xml", "domcaps/h2_domcaps.xml", "all-domcaps.xml#1", "all-domcaps.xml#2");
    assertThat(f.hosts().get(3).fleetClass().hostModel().cpu().model()).isEqualTo("EPYC-Rome");
  }

  @Test
  void rightAfterItsCapabilitiesInOneFileOrByUuid() throws IOException {
    String uuid = "5a6c7f7e-0000-4000-8000-000000000001";
    String broadwell = read("broadwell.xml").replaceFirst("<uuid>[^<]*</uuid>", "<uuid>" + uuid + "</uuid>");
    Path one = write("host.xml", read("skylake-a.xml") + read("skylake-a-domcaps.xml") + broadwell);
    Path other = write("x/collected.xml",
        read("broadwell-domcaps.xml").replace("<domainCapabilities>", "<domainCapabilities><uuid>" + uuid + "</uuid>"));
    Fleet f = Fleets.load(List.of(one.toString(), other.toString()));
    assertThat(f.hosts()).extracting(FleetHost::domcaps).containsExactly(one + "#2", other.toString());
    assertThat(f.hosts().get(1).fleetClass().hostModel().cpu().model()).isEqualTo("Broadwell-IBRS");
  }

  @Test
  void mistakesAreInputErrors() throws IOException {
    Path lone = write("lone-domcaps.xml", read("skylake-a-domcaps.xml"));
    assertThatThrownBy(() -> Fleets.load(List.of(lone.toString())))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("no capabilities document to pair these domain capabilities with: expected " + tmp.resolve("lone.xml"));
    Path caps = write("h.xml", read("skylake-a.xml"));
    Path twice = write("h-domcaps.xml", read("skylake-a-domcaps.xml"));
    Path again = write("d/h.domcaps.xml", read("skylake-a-domcaps.xml"));
    assertThatThrownBy(() -> Fleets.load(List.of(caps.toString(), twice.toString(), again.toString())))
        .hasMessageStartingWith("a second domain capabilities document for host " + caps);
    Path tcg = write("t.xml", read("broadwell.xml") + read("broadwell-domcaps.xml").replace("<domain>kvm</domain>", "<domain>qemu</domain>"));
    assertThatThrownBy(() -> Fleets.load(List.of(tcg.toString())))
        .hasMessageContaining("virt type 'qemu'");
    // arches that differ are a warning now, and the domcapabilities are not used (PairingCommandsTest)
    Path arm = write("arm.xml", read("broadwell.xml") + read("broadwell-domcaps.xml").replace("<arch>x86_64</arch>", "<arch>aarch64</arch>"));
    assertThat(Fleets.load(List.of(arm.toString())).hosts().get(0).domcaps()).isNull();
    Path unknownUuid = write("u.xml", read("broadwell-domcaps.xml").replace("<domainCapabilities>", "<domainCapabilities><uuid>nope</uuid>"));
    assertThatThrownBy(() -> Fleets.load(List.of(caps.toString(), unknownUuid.toString())))
        .hasMessageContaining("host uuid nope, which no capabilities document has");
  }
}
