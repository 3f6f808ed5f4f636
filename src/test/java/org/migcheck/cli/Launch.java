package org.migcheck.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real process (launchers, shells) with a chosen PATH, for tests. */
public final class Launch {
  private Launch() {}

  /** Exit status and both streams of one process. */
  public record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** A tool on this process's PATH (resolved through links), or fails. */
  public static Path which(String tool) throws IOException {
    Path p = which(tool, System.getenv("PATH"));
    if (p == null) {
      throw new IllegalStateException(tool + " not found on the PATH");
    }
    return p.toRealPath();
  }

  /** A tool on {@code path}, or null. */
  public static Path which(String tool, String path) {
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, tool);
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  public static Result run(Path dir, List<String> command, String path, long timeout,
      TimeUnit unit) throws IOException, InterruptedException {
    return run(dir, command, Map.of("PATH", path), timeout, unit);
  }

  /** Runs with only {@code env} (and HOME) as its environment. */
  public static Result run(Path dir, List<String> command, Map<String, String> env, long timeout,
      TimeUnit unit) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile("launch", ".out");
    Path err = Files.createTempFile("launch", ".err");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeout, unit)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
