package org.migcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.migcheck.InputException;

/**
 * Writes a report to standard output or, atomically, to a file: a temporary file next to it is
 * renamed over the target, so a failure never leaves a partial output file.
 */
public final class OutputFile {
  private OutputFile() {}

  public static void write(String text, Path target, PrintWriter out) {
    if (target == null || target.toString().equals("-")) {
      out.print(text);
      out.flush();
      return;
    }
    Path abs = target.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      // a rename would replace an empty directory
      throw new InputException(target.toString(), "cannot write output: it is a directory");
    }
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new InputException(target.toString(), "cannot write output: " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the failure itself is what gets reported
        }
      }
    }
  }
}
