package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.testing.SharedData;

/**
 * The checkout launcher (./migcheck) builds the jar when it is missing or older than a source,
 * and records class data when it is missing or older than the jar, each only then: it asks
 * whether the jar is stale while it works out the JVM options, and must still build before it
 * records or runs. Run in a copy of the checkout with a fake {@code mvn} (which writes the jar)
 * and a fake {@code java} (which logs each call and writes what it is asked to record).
 */
class CheckoutLauncherTest {
  @TempDir Path tmp;

  private Path repo;
  private Path log;
  private String path;

  private static final String FAKE_MVN = """
      #!/bin/bash
      echo mvn >> "$LOG"
      echo "built $RANDOM" > target/migcheck-all.jar
      """;

  private static final String FAKE_JAVA = """
      #!/bin/bash
      for a in "$@"; do
        case "$a" in
          -XX:DumpLoadedClassList=*) echo "java training" >> "$LOG"; echo some/Class > "${a#*=}" ;;
          -Xshare:dump) dump=yes ;;
          -XX:SharedArchiveFile=*) archive=${a#*=} ;;
          -jar) echo "java run ${archive:+with class data}" >> "$LOG" ;;
        esac
      done
      if [ -n "${dump:-}" ]; then
        echo "java dump" >> "$LOG"
        echo archive > "$archive"
      fi
      exit 0
      """;

  @BeforeEach
  void checkout() throws IOException {
    repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("src/release/lib"));
    Files.createDirectories(repo.resolve("src/main/java"));
    Files.createDirectories(repo.resolve("cpu-maps"));
    Files.createDirectories(repo.resolve("samples"));
    Files.createDirectories(repo.resolve("target"));
    Path real = SharedData.repo();
    Files.copy(real.resolve("migcheck"), repo.resolve("migcheck"));
    Files.copy(real.resolve("src/release/lib/jvm.sh"), repo.resolve("src/release/lib/jvm.sh"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Files.writeString(repo.resolve("src/main/java/A.java"), "class A {}");
    Files.writeString(repo.resolve("cpu-maps/x86_A.xml"), "<cpus/>");
    // a fake JDK: bin/java and the release file the launcher reads the runtime's version from
    Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
    executable(jdk.resolve("java"), FAKE_JAVA);
    Files.writeString(tmp.resolve("jdk/release"), "JAVA_RUNTIME_VERSION=\"17.0.99+1\"\n");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    executable(bin.resolve("mvn"), FAKE_MVN);
    Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("java"));
    for (String tool : List.of("bash", "find", "sed", "du", "readlink", "mv", "rm")) {
      Files.createSymbolicLink(bin.resolve(tool), Launch.which(tool));
    }
    path = bin.toString();
    log = tmp.resolve("log");
  }

  private static void executable(Path p, String text) throws IOException {
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** One run of ./migcheck baseline: what the fakes were asked to do, in order. */
  private List<String> run() throws Exception {
    Files.deleteIfExists(log);
    Launch.Result r = Launch.run(repo, List.of("bash", repo.resolve("migcheck").toString(),
        "baseline", "x.xml"), Map.of("PATH", path, "LOG", log.toString()), 60, TimeUnit.SECONDS);
    assertThat(r.exit()).as(r.toString()).isZero();
    return Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
  }

  private void age(String file, int secondsAgo) throws IOException {
    Files.setLastModifiedTime(repo.resolve(file),
        FileTime.from(Instant.now().minusSeconds(secondsAgo)));
  }

  @Test
  void buildsAndRecordsOnlyWhenSomethingIsStale() throws Exception {
    // no jar: built, then its class data recorded (baseline's own), then run with it
    assertThat(run()).containsExactly("mvn", "java training", "java dump",
        "java run with class data");
    assertThat(repo.resolve("target/migcheck-java-17.0.99+1-cpu.jsa")).exists();
    // all fresh: neither
    assertThat(run()).containsExactly("java run with class data");
    // a source newer than the jar: built again, and the class data (now older) recorded again,
    // once, for the new jar (even where it was older than the old one too)
    age("target/migcheck-all.jar", 100);
    age("target/migcheck-java-17.0.99+1-cpu.jsa", 200);
    Files.writeString(repo.resolve("src/main/java/A.java"), "class A { int x; }");
    assertThat(run()).containsExactly("mvn", "java training", "java dump",
        "java run with class data");
    assertThat(run()).containsExactly("java run with class data");
    // the same for the pom and the cpu_maps
    for (String source : List.of("pom.xml", "cpu-maps/x86_A.xml")) {
      age("target/migcheck-all.jar", 100);
      age("target/migcheck-java-17.0.99+1-cpu.jsa", 100);
      Files.writeString(repo.resolve(source), "<changed/>");
      assertThat(run()).as(source).containsExactly("mvn", "java training", "java dump",
          "java run with class data");
    }
    // class data older than a fresh jar: recorded, without a build
    age("target/migcheck-java-17.0.99+1-cpu.jsa", 100);
    assertThat(run()).containsExactly("java training", "java dump", "java run with class data");
    assertThat(run()).containsExactly("java run with class data");
  }
}
