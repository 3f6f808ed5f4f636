package org.migcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI with captured streams. */
record CliRun(int exit, String out, String err) {

  static CliRun run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  static CliRun runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static CliRun runWithStdin(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(stdin);
    int exit;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      exit = new Cli(o, e, in).run(args);
    }
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** stderr split into lines, without the final newline. */
  java.util.List<String> errLines() {
    String e = err.endsWith("\n") ? err.substring(0, err.length() - 1) : err;
    return e.isEmpty() ? java.util.List.of() : java.util.List.of(e.split("\n", -1));
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
