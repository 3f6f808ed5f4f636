package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a fresh JVM running migcheck loads: its -Xlog:class+load lines, for tests. */
final class ClassLoadLog {
  private ClassLoadLog() {}

  /**
   * The class-load log of one run of {@code args} from the repository's root (for the samples);
   * the log goes to {@code dir}, the run must end with a result (0 or 1).
   */
  static List<String> of(Path dir, String... args) throws IOException, InterruptedException {
    Path log = dir.resolve("classes.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .directory(Path.of(System.getProperty("migcheck.basedir", ".")).toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", args)).isIn(0, 1);
    return Files.readAllLines(log, StandardCharsets.UTF_8);
  }
}
