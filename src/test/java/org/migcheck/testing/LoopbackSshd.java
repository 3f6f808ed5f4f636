package org.migcheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * An OpenSSH server of the test's own on 127.0.0.1 and a free port: its own host key, and an
 * authorized key the test makes, so the remote transport (qemu+ssh) runs for real without touching
 * the machine's ssh setup. Needs root (sshd switches to the login user) and openssh-server.
 */
public final class LoopbackSshd implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Process process;

  private LoopbackSshd(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  public static LoopbackSshd start(Path dir) throws IOException, InterruptedException {
    Path sshd = Path.of("/usr/sbin/sshd");
    SharedData.require(Files.isExecutable(sshd), "openssh-server not installed (apt-get install openssh-server)");
    SharedData.require(
        "root".equals(System.getProperty("user.name")), "the loopback sshd test needs root (sshd switches users)");
    keygen(dir.resolve("host_key"));
    keygen(dir.resolve("client_key"));
    keygen(dir.resolve("stranger_key"));
    Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
    Files.writeString(
        dir.resolve("sshd_config"),
        String.join(
            "\n",
            "ListenAddress 127.0.0.1",
            "Port " + port,
            "HostKey " + dir.resolve("host_key"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "StrictModes no",
            "UsePAM no",
            "PidFile " + dir.resolve("sshd.pid"),
            ""));
    Process p =
        new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sshd.log").toFile())
            .start();
    for (int i = 0; i < 100 && p.isAlive(); i++) {
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return new LoopbackSshd(dir, port, p);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    p.destroy();
    throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
  }

  private static void keygen(Path key) throws IOException, InterruptedException {
    LiveHosts.Result r =
        LiveHosts.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
    if (r.exit() != 0) {
      throw new IllegalStateException("ssh-keygen failed: " + r.err());
    }
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
  }

  /** qemu+ssh://root@127.0.0.1:PORT/system with the given key, no host-key check, no prompt. */
  public String uri(String keyName) {
    return "qemu+ssh://root@127.0.0.1:" + port + "/system?keyfile=" + dir.resolve(keyName)
        + "&no_verify=1&no_tty=1";
  }

  @Override
  public void close() {
    process.destroy();
  }
}
