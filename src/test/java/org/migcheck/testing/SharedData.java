package org.migcheck.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to ../shared (libvirt reference data) for tests. When it is missing the test is skipped
 * with a visible reason, except under CI=true, where a missing reference is a failure.
 */
public final class SharedData {
  private SharedData() {}

  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** The shared directory, or skip/fail. */
  public static Path root() {
    String prop = System.getProperty("migcheck.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
    require(Files.isDirectory(p), "../shared reference data not found at " + p.toAbsolutePath());
    return p;
  }

  public static Path reference(String sub) {
    Path p = root().resolve("reference").resolve(sub);
    require(Files.exists(p), "reference data missing: " + p.toAbsolutePath());
    return p;
  }

  public static Path caps(String file) {
    return reference("libvirt-caps").resolve(file);
  }

  public static Path cputest(String file) {
    return reference("libvirt-cputest").resolve(file);
  }

  public static Path latestCpuMap() {
    return reference("libvirt-cpu-map-latest");
  }

  /** Skip (or fail in CI) unless the condition holds. */
  public static void require(boolean condition, String reason) {
    if (condition) {
      return;
    }
    if (inCi()) {
      fail("CI=true and " + reason);
    }
    assumeTrue(false, "skipped: " + reason);
  }

  /** The repository root (where pom.xml is). */
  public static Path repo() {
    String prop = System.getProperty("migcheck.basedir");
    return prop != null ? Path.of(prop) : Path.of(".");
  }
}
