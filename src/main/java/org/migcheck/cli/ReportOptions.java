package org.migcheck.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** --format text|json and --output, for the commands whose reports come in those two forms. */
final class ReportOptions {
  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin OutputOption output;

  /** Renders only the form asked for. */
  void write(Supplier<String> text, Supplier<String> json, PrintWriter stdout) {
    output.write(format == Format.json ? json.get() : text.get(), stdout);
  }
}
