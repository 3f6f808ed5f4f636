package org.migcheck.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live parts collect tests use: libvirt's client library, the QEMU daemon behind
 * qemu:///system, and virsh against any URI as the oracle. Each is skipped with its reason on a
 * user's clone and fails under CI=true, where .ci/services.sh installs and starts them.
 */
public final class LiveHosts {
  private LiveHosts() {}

  public static final String SYSTEM = "qemu:///system";

  /** libvirt.so.0 (Debian libvirt0, pulled in by libvirt-clients). */
  public static void requireClientLibrary() {
    boolean found = false;
    for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")) {
      found |= Files.exists(Path.of(dir, "libvirt.so.0"));
    }
    SharedData.require(found, "libvirt.so.0 not installed (apt-get install libvirt0)");
  }

  /**
   * libvirtd with the QEMU driver answering qemu:///system. Only a machine without /dev/kvm
   * excuses it under CI=true.
   */
  public static void requireQemuDaemon() {
    requireClientLibrary();
    if (!Files.exists(Path.of("/dev/kvm"))) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: no /dev/kvm on this machine");
    }
    SharedData.require(
        Files.exists(Path.of("/run/libvirt/libvirt-sock")),
        "libvirtd is not running (apt-get install libvirt-daemon-system qemu-system-x86;"
            + " virtlogd -d; libvirtd -d; see .ci/services.sh)");
    Result v = virsh(SYSTEM, "domcapabilities", "--virttype", "kvm");
    SharedData.require(v.exit == 0, "qemu:///system has no KVM domain capabilities: " + v.err.strip());
  }

  public record Result(int exit, String out, String err) {}

  /** virsh -c URI ARGS, with the C locale. */
  public static Result virsh(String uri, String... args) {
    List<String> cmd = new ArrayList<>(List.of("virsh", "-c", uri));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  public static Result run(List<String> cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("LC_ALL", "C");
      Path out = Files.createTempFile("live-out", ".txt");
      Path err = Files.createTempFile("live-err", ".txt");
      try {
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("timed out: " + cmd);
        }
        return new Result(
            p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      SharedData.require(false, "cannot run " + cmd.get(0) + ": " + e.getMessage());
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
