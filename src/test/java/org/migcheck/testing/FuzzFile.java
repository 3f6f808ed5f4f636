package org.migcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a fuzz target hands its input to commands and readers through: one per target and
 * JVM, rewritten for every input (fuzzing runs in one thread), deleted when the JVM exits.
 */
public final class FuzzFile {
  private final String prefix;
  private Path file;

  /** @param prefix the temporary file's name prefix, naming the target in messages */
  public FuzzFile(String prefix) {
    this.prefix = prefix;
  }

  /** Writes {@code data} to the file; returns its path. */
  public String write(byte[] data) {
    try {
      if (file == null) {
        file = Files.createTempFile(prefix, ".xml");
        file.toFile().deleteOnExit();
      }
      Files.write(file, data);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
