package org.migcheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The command-line entry point: a thin shell over {@link Cli}, which tests call directly. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Warmup.startFor(args);
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = new Cli(out, err, System.in).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
