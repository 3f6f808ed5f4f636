package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.HostCapabilities;
import org.migcheck.testing.LiveHosts;

/**
 * The QEMU-default rules against real libvirt and QEMU on this machine: what libvirt writes for a
 * domain without {@code <cpu>}, and which features QEMU leaves out when it starts it, against
 * what migcheck works out from this host's capabilities and domcapabilities.
 */
class QemuDefaultCpuLiveTest {
  @TempDir Path tmp;

  @Test
  void aDomainWithoutCpuIsWrittenAsUncheckedQemu64AndCutToTheHost() throws Exception {
    LiveHosts.requireQemuDaemon();
    String name = "migcheck-nocpu-" + ProcessHandle.current().pid();
    Path xml = tmp.resolve(name + ".xml");
    Files.writeString(xml, "<domain type='kvm'><name>" + name + "</name>"
        + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
        + "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices/></domain>");
    Path caps = tmp.resolve("caps.xml");
    Path domcaps = tmp.resolve("domcaps.xml");
    Files.writeString(caps, ok(LiveHosts.virsh(LiveHosts.SYSTEM, "capabilities")));
    Files.writeString(domcaps, ok(LiveHosts.virsh(LiveHosts.SYSTEM, "domcapabilities",
        "--virttype", "kvm", "--arch", "x86_64", "--machine", "q35")));
    ok(LiveHosts.virsh(LiveHosts.SYSTEM, "define", xml.toString()));
    try {
      Path inactive = tmp.resolve("inactive.xml");
      Files.writeString(inactive, ok(LiveHosts.virsh(LiveHosts.SYSTEM, "dumpxml", "--inactive", name)));
      DomainDef written = (DomainDef) Fixtures.read(inactive);
      // libvirt's qemuDomainDefSetDefaultCPU: custom qemu64, check='none', fallback='forbid'
      CpuDef w = written.cpuDef();
      assertThat(w.model()).isEqualTo("qemu64");
      assertThat(w.check()).isEqualTo(CpuCheck.NONE);
      assertThat(GuestProfile.writtenDefault(written, w)).isTrue();

      Host here = new Host("this-host", (HostCapabilities) Fixtures.read(caps),
          (DomainCapabilities) Fixtures.read(domcaps));
      assertThat(Fixtures.CHECKER.startFindings(written, here)).noneMatch(f -> f.axis() == Axis.CPU);
      ModeVerdict self = Fixtures.CHECKER.check(here, here, CheckOptions.forGuest(written)).get(0);

      ok(LiveHosts.virsh(LiveHosts.SYSTEM, "start", name));
      Path live = tmp.resolve("live.xml");
      Files.writeString(live, ok(LiveHosts.virsh(LiveHosts.SYSTEM, "dumpxml", name)));
      CpuDef running = ((DomainDef) Fixtures.read(live)).cpuDef();
      // it started (no check before), and libvirt checks the live CPU in full from now on
      assertThat(running.check()).isEqualTo(CpuCheck.FULL);
      List<String> disabled = new ArrayList<>();
      for (CpuFeature f : running.features()) {
        if (f.policy() == FeaturePolicy.DISABLE) {
          disabled.add(f.name());
        }
      }
      List<String> predicted = new ArrayList<>();
      for (CpuFeature f : self.guestCpu().features()) {
        if (f.policy() == FeaturePolicy.DISABLE) {
          predicted.add(f.name());
        }
      }
      assertThat(predicted).as("what migcheck says QEMU leaves out here")
          .containsExactlyInAnyOrderElementsOf(disabled);
    } finally {
      LiveHosts.virsh(LiveHosts.SYSTEM, "destroy", name);
      LiveHosts.virsh(LiveHosts.SYSTEM, "undefine", name);
    }
  }

  private static String ok(LiveHosts.Result r) {
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out();
  }
}
