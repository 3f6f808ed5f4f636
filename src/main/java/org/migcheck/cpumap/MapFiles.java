package org.migcheck.cpumap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.migcheck.InputException;

/** Where the files of a split cpu_map are read from: a directory or the classpath. */
interface MapFiles {
  InputStream open(String filename) throws IOException;

  /** How to name the file in messages. */
  String describe(String filename);

  static MapFiles directory(Path dir) {
    return new MapFiles() {
      @Override
      public InputStream open(String filename) throws IOException {
        Path file = dir.resolve(filename);
        // a symbolic link may point anywhere: what it reaches must be inside the map directory
        Path real = file.toRealPath();
        if (!real.startsWith(dir.toRealPath())) {
          throw new InputException(
              describe(filename),
              "is a link to " + real + ", outside the cpu_map directory: cpu_map files must be"
                  + " inside it");
        }
        return Files.newInputStream(real);
      }

      @Override
      public String describe(String filename) {
        return dir.resolve(filename).toString();
      }
    };
  }

  static MapFiles classpath(String prefix) {
    return new MapFiles() {
      @Override
      public InputStream open(String filename) throws IOException {
        InputStream in = CpuMapLoader.class.getClassLoader().getResourceAsStream(prefix + filename);
        if (in == null) {
          throw new NoSuchFileException(prefix + filename);
        }
        return in;
      }

      @Override
      public String describe(String filename) {
        return "bundled cpu_map/" + filename;
      }
    };
  }

  /** Include names must stay inside the map directory. */
  static void checkIncludeName(String name, String source, int line) {
    if (name.isEmpty()
        || name.contains("/")
        || name.contains("\\")
        || name.equals("..")
        || name.equals(".")
        || name.indexOf('\0') >= 0) {
      throw new InputException(
          source,
          line,
          -1,
          "include filename '"
              + name
              + "' must name a file in the cpu_map directory (no paths, no '..')");
    }
  }
}
