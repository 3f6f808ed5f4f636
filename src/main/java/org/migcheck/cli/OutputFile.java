package org.migcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.migcheck.InputException;

/**
 * Writes a report to standard output or, atomically, to a file: a temporary file next to it is
 * renamed over the target, so a failure never leaves a partial output file. Devices and pipes
 * ({@code /dev/null}, {@code /dev/stdout}) are written in place, never replaced.
 */
public final class OutputFile {
  private OutputFile() {}

  public static void write(String text, Path target, PrintWriter out) {
    if (target == null || target.toString().equals("-")) {
      out.print(text);
      out.flush();
      return;
    }
    if (target.toString().isEmpty()) {
      throw new InputException("--output", "empty file name");
    }
    Path abs = target.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      // a rename would replace an empty directory
      throw new InputException(target.toString(), "cannot write output: it is a directory");
    }
    if (Files.exists(abs) && !Files.isRegularFile(abs)) {
      // /dev/null, /dev/stdout, a pipe: written in place; a rename would replace the device
      writeInPlace(text, abs, target);
      return;
    }
    try {
      if (Files.isSymbolicLink(abs)) {
        abs = abs.toRealPath(); // replace the file the link names, not the link
      }
    } catch (IOException e) {
      throw new InputException(target.toString(), "cannot write output: " + e.getMessage());
    }
    Path dir = abs.getParent();
    if (!Files.isDirectory(dir)) {
      Path shown = target.getParent() != null ? target.getParent() : dir;
      throw new InputException(target.toString(),
          "cannot write output: directory " + shown + " does not exist");
    }
    Path tmp = null;
    try {
      tmp = temporaryFile(dir, abs.getFileName().toString());
      keepMode(abs, tmp);
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

  /**
   * A new file created as any program would create the report (mode 0666 less the umask), not
   * with {@link Files#createTempFile}'s 0600: reports are often CI artifacts others read.
   */
  private static Path temporaryFile(Path dir, String name) throws IOException {
    while (true) {
      String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path tmp = dir.resolve("." + name + "." + random + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        // another run picked the same name: draw again
      }
    }
  }

  /** Replacing a file keeps its mode, as writing into it would. */
  private static void keepMode(Path target, Path tmp) throws IOException {
    if (!Files.isRegularFile(target)) {
      return;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
      Files.setPosixFilePermissions(tmp, mode);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to keep
    }
  }

  private static void writeInPlace(String text, Path abs, Path target) {
    try {
      Files.write(abs, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new InputException(target.toString(), "cannot write output: " + e.getMessage());
    }
  }
}
