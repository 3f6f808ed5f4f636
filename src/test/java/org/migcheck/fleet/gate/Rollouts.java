package org.migcheck.fleet.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.migcheck.testing.SharedData;

/** Candidate hosts for gate tests, made from the samples. */
public final class Rollouts {
  private Rollouts() {}

  private static Path sample(String file) {
    return SharedData.repo().resolve("samples").resolve(file);
  }

  /**
   * skylake-b after a microcode update that drops TSX, in {@code dir}: the same uuid, the host CPU
   * named without hle/rtm, and QEMU's host-model disabling them.
   */
  public static Path tsxUpdate(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("skylake-b.xml"),
        Files.readString(sample("skylake-b.xml"))
            .replace("<model>Skylake-Server-IBRS</model>", "<model>Skylake-Server-noTSX-IBRS</model>"));
    Files.writeString(dir.resolve("skylake-b-domcaps.xml"),
        Files.readString(sample("skylake-b-domcaps.xml"))
            .replace("<feature policy='require' name='pschange-mc-no'/>",
                "<feature policy='require' name='pschange-mc-no'/>\n"
                    + "      <feature policy='disable' name='hle'/>\n"
                    + "      <feature policy='disable' name='rtm'/>"));
    return dir;
  }
}
