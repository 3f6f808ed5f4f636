package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands that read whole documents load no JAXB class when the fast reader takes their
 * documents (JAXB's classes and context were most of a short run's start-up), and still map with
 * JAXB what the fast reader hands back. Each case runs in a fresh JVM and reads its class-load log.
 */
class NoJaxbTest {
  @TempDir Path dir;

  private static final String S = "samples/";

  /** The classes a fresh JVM loaded running migcheck with {@code args}. */
  private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
    return ClassLoadLog.of(dir, args);
  }

  private static long jaxbClasses(List<String> loaded) {
    return loaded.stream()
        .filter(l -> l.contains(" jakarta.xml.bind.") || l.contains(" org.glassfish.jaxb."))
        .count();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "check " + S + "skylake-a.xml," + S + "skylake-a-domcaps.xml " + S + "cascadelake.xml,"
        + S + "cascadelake-domcaps.xml",
    "inspect " + S + "skylake-a.xml " + S + "skylake-a-domcaps.xml " + S + "guest-custom.xml",
    "compare " + S + "skylake-a.xml " + S + "cascadelake.xml",
    "diff " + S + "skylake-a.xml " + S + "cascadelake.xml",
    "suggest " + S + "skylake-a.xml " + S + "cascadelake.xml",
  })
  void samplesLoadNoJaxbClass(String args) throws Exception {
    List<String> loaded = loadedClasses(args.split(" "));
    assertThat(loaded).as("the class-load log").anyMatch(l -> l.contains("org.migcheck.parse.Binder "));
    assertThat(jaxbClasses(loaded)).as(args).isZero();
  }

  @Test
  void aDocumentTheFastReaderHandsBackIsMappedByJaxb() throws Exception {
    String guest = Files.readString(org.migcheck.testing.SharedData.repo().resolve(S + "guest-custom.xml"));
    Path f = dir.resolve("guest-\u00e9.xml");
    Files.writeString(f, guest.replace("<name>", "<!-- caf\u00e9 --><name>"), StandardCharsets.UTF_8);
    assertThat(jaxbClasses(loadedClasses("inspect", f.toString()))).isPositive();
  }
}
