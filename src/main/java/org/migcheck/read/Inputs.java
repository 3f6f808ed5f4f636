package org.migcheck.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.migcheck.InputException;

/** Resolves command-line arguments to the files they name, the way libvirt tools accept them. */
public final class Inputs {
  private static volatile ArgumentSource extra = ArgumentSource.NONE;

  private Inputs() {}

  /** Installs what turns URIs and CPU dumps into files (the CLI's live-host source). */
  public static void install(ArgumentSource source) {
    extra = source;
  }

  /**
   * Each argument in order: {@code -} is standard input; a directory stands for its {@code *.xml}
   * files (sorted by name, not recursive); anything else is a file, which must exist.
   *
   * @throws InputException for a missing path or a directory without XML files
   */
  public static List<InputFile> resolve(List<String> args) {
    extra.prefetch(args); // libvirt URIs: read from their hosts now, in parallel
    List<InputFile> out = new ArrayList<>();
    for (String arg : args) {
      out.addAll(resolve(arg));
    }
    return out;
  }

  public static List<InputFile> resolve(String arg) {
    List<Path> live = extra.resolve(arg); // a libvirt URI or a CPUID/cpuinfo dump: in memory
    if (live != null) {
      return live.stream().map(p -> new InputFile(p.toString(), p)).toList();
    }
    if (arg.equals("-")) {
      return List.of(InputFile.stdin());
    }
    Path p = path(arg);
    if (Files.isDirectory(p)) {
      return directory(arg, p);
    }
    if (!Files.exists(p)) {
      throw new InputException(arg, "no such file or directory");
    }
    return List.of(new InputFile(arg, p));
  }

  /** A single file (or {@code -}); a directory is an error here. */
  public static InputFile resolveFile(String arg) {
    if (!arg.equals("-") && Files.isDirectory(path(arg))) {
      throw new InputException(arg, "is a directory, expected a file");
    }
    return resolve(arg).get(0);
  }

  private static Path path(String arg) {
    try {
      return Path.of(arg);
    } catch (java.nio.file.InvalidPathException e) {
      throw new InputException(arg, "invalid path: " + e.getReason());
    }
  }

  private static List<InputFile> directory(String arg, Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(f -> f.getFileName().toString().endsWith(".xml"))
              .filter(Files::isRegularFile)
              .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
              .toList();
    } catch (IOException e) {
      throw new InputException(arg, "cannot list directory: " + e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      // an entry that cannot be read while the listing is walked
      throw new InputException(arg, "cannot list directory: " + e.getCause().getMessage());
    }
    if (files.isEmpty()) {
      throw new InputException(arg, "directory contains no *.xml files");
    }
    List<InputFile> out = new ArrayList<>(files.size());
    for (Path f : files) {
      out.add(new InputFile(f.toString(), f));
    }
    return out;
  }
}
