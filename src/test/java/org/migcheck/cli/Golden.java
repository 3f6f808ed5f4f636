package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.migcheck.testing.SharedData;

/**
 * Golden files of CLI output under src/test/resources/golden/cli, compared exactly. They are read
 * from the source tree (not the classpath) so that
 *
 * <pre>mvn -B -ntp test -Dtest='*GoldenTest' -Dmigcheck.updateGoldens=true</pre>
 *
 * rewrites them from the current output; review the diff before committing. Paths under ../shared
 * are written as {@code $SHARED} so the files do not depend on where the checkout is.
 */
final class Golden {
  private Golden() {}

  static final boolean UPDATE = Boolean.getBoolean("migcheck.updateGoldens");

  static Path dir() {
    return SharedData.repo().resolve("src/test/resources/golden/cli");
  }

  static void assertMatches(String name, String actual) {
    String normal = normalise(actual);
    Path file = dir().resolve(name);
    try {
      if (UPDATE) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, normal, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (run with -Dmigcheck.updateGoldens=true)", name).exists();
      assertThat(normal).as("output against golden %s", name)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String normalise(String s) {
    String root = System.getProperty("migcheck.shared");
    return root == null ? s : s.replace(root, "$SHARED");
  }
}
