package org.migcheck.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real libvirt as an oracle: virsh with the test driver (no daemon needed). */
public final class Virsh {
  private Virsh() {}

  /** Output of one virsh run. */
  public record Result(int exit, String stdout, String stderr) {}

  public static Path find() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, "virsh");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Skips (or fails under CI=true) when virsh or its cpu_map is missing. */
  public static Path require() {
    Path v = find();
    SharedData.require(v != null, "virsh not installed (apt-get install libvirt-clients)");
    SharedData.require(
        Files.isRegularFile(Path.of("/usr/share/libvirt/cpu_map/index.xml")),
        "libvirt's cpu_map not installed in /usr/share/libvirt/cpu_map");
    return v;
  }

  /**
   * The virsh of one libvirt version: the installed one for its own version (9.0.0 on Debian 12),
   * else the one .ci/oracles.sh unpacked, run through .ci/virsh-oracle with that version's
   * cpu_map. Skips (or fails under CI=true) when it is missing or cannot run here.
   */
  public static List<String> requireOracle(String version) {
    Path system = find();
    if (system != null && version.equals(systemVersion(system))) {
      require();
      return List.of(system.toString());
    }
    Path wrapper = Path.of(System.getProperty("migcheck.basedir", "."), ".ci", "virsh-oracle");
    String root = System.getenv().getOrDefault("MIGCHECK_ORACLES", "/opt/migcheck-oracles");
    Path oracle = Path.of(root, "libvirt-" + version, "usr", "bin", "virsh");
    SharedData.require(
        Files.isExecutable(oracle),
        "virsh " + version + " oracle not installed in " + root + " (run .ci/oracles.sh as root)");
    List<String> cmd = List.of(wrapper.toString(), version);
    Result r = run(cmd, "--version");
    SharedData.require(
        r.exit() == 0 && r.stdout().trim().equals(version),
        "virsh " + version + " oracle does not run here (needs root for its mount namespace): "
            + r.stderr().trim());
    return cmd;
  }

  private static String systemVersion(Path virsh) {
    Result r = run(List.of(virsh.toString()), "--version");
    return r.exit() == 0 ? r.stdout().trim() : null;
  }

  public static Result run(Path virsh, String... args) {
    return run(List.of(virsh.toString()), args);
  }

  /** Runs a virsh command line (the binary, or a wrapper and its arguments) on the test driver. */
  public static Result run(List<String> virsh, String... args) {
    List<String> cmd = new ArrayList<>(virsh);
    boolean version = args.length == 1 && args[0].equals("--version");
    if (version) {
      cmd.add("--version");
      return exec(cmd);
    }
    cmd.add("-q");
    cmd.add("-c");
    cmd.add("test:///default");
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  private static Result exec(List<String> cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("LC_ALL", "C");
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("virsh timed out");
      }
      return new Result(
          p.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** virsh prints one extra blank line after the XML; migcheck does not. */
  public static String withoutTrailingBlankLine(String s) {
    return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
  }
}
