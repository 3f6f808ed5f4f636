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

  public static Result run(Path virsh, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(virsh.toString());
    cmd.add("-q");
    cmd.add("-c");
    cmd.add("test:///default");
    cmd.addAll(List.of(args));
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
