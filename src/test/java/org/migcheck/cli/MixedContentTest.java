package org.migcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An element with text around a child reads one way in every command: JAXB's, which keeps the
 * text after the last child. Before the readers shared one walker, inspect and fleet read
 * Skylake-Server-IBRS here while baseline failed on "PenrynSkylake-Server-IBRS".
 */
class MixedContentTest {
  @TempDir Path dir;

  private String mixed() throws IOException {
    String xml = Files.readString(Path.of("samples/skylake-a.xml"));
    String edited =
        xml.replaceFirst(
            "<model>Skylake-Server-IBRS</model>", "<model>Penryn<x/>Skylake-Server-IBRS</model>");
    assertFalse(edited.equals(xml), "the sample's host model is where the test expects it");
    Path f = dir.resolve("mixed.xml");
    Files.writeString(f, edited);
    return f.toString();
  }

  @Test
  void everyCommandReadsTheTextAfterTheLastChild() throws IOException {
    String f = mixed();
    CliRun inspect = CliRun.run("inspect", f);
    assertEquals(0, inspect.exit(), inspect.toString());
    assertTrue(inspect.out().contains("Skylake-Server-IBRS"), inspect.toString());
    assertFalse(inspect.out().contains("Penryn"), inspect.toString());

    CliRun baseline = CliRun.run("baseline", f, "samples/skylake-a.xml");
    CliRun plain = CliRun.run("baseline", "samples/skylake-a.xml", "samples/skylake-a.xml");
    assertEquals(0, baseline.exit(), baseline.toString());
    assertEquals(plain.out(), baseline.out(), "the edited copy baselines like the sample");

    CliRun fleet = CliRun.run("fleet", f);
    assertEquals(0, fleet.exit(), fleet.toString());
    assertTrue(fleet.out().contains("Skylake-Server-IBRS"), fleet.toString());
    assertFalse(fleet.out().contains("Penryn"), fleet.toString());
  }
}
