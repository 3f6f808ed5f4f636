package org.migcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** -o/--output, which every command has. */
final class OutputOption {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of standard output.")
  Path file;

  boolean toStdout() {
    return file == null || file.toString().equals("-");
  }

  void write(String text, PrintWriter stdout) {
    OutputFile.write(text, file, stdout);
  }
}
