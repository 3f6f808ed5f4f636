package org.migcheck.read;

import java.nio.file.Path;

/**
 * One input to read: a file, or standard input when {@code path} is null.
 *
 * @param name how messages and document sources name it: the path as given, or {@code <stdin>}
 */
public record InputFile(String name, Path path) {
  public static final String STDIN_NAME = "<stdin>";

  public static InputFile stdin() {
    return new InputFile(STDIN_NAME, null);
  }

  public boolean isStdin() {
    return path == null;
  }
}
