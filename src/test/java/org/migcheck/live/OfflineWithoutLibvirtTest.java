package org.migcheck.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.testing.LiveHosts;
import org.migcheck.testing.SharedData;

/**
 * Offline commands never load libvirt's binding, JNA or the in-memory file system, so they run on a
 * machine without libvirt0: checked in a fresh JVM that lists every class it loads.
 */
class OfflineWithoutLibvirtTest {
  @Test
  void offlineCommandsLoadNothingOfLibvirt() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path samples = SharedData.repo().resolve("samples");
    for (List<String> args :
        List.of(
            List.of("inspect", samples.resolve("skylake-a.xml").toString()),
            List.of("fleet", samples.resolve("skylake-a.xml").toString(), samples.resolve("cascadelake.xml").toString()))) {
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), "org.migcheck.cli.Main"));
      cmd.addAll(args);
      LiveHosts.Result r = LiveHosts.run(cmd);
      assertThat(r.exit()).as("%s: %s", args, r.err()).isIn(0, 1);
      assertThat(r.out()).as("%s", args).contains("[class,load] org.migcheck.");
      assertThat(r.out().lines().filter(l -> l.contains("[class,load]")))
          .as("%s", args)
          .noneMatch(l -> l.contains(" org.libvirt.") || l.contains(" com.sun.jna.") || l.contains(" com.google.common.jimfs."));
    }
  }
}
