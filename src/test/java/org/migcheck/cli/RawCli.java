package org.migcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.migcheck.InputException;
import picocli.CommandLine;

/**
 * Runs a command in-process like {@link Cli}, except that an exception other than {@link
 * InputException} escapes as it was thrown instead of becoming exit 3: fuzzers and tests then see
 * the real failure with its own stack trace.
 */
final class RawCli {
  private RawCli() {}

  /** Subcommand classes by name, read once from the real command line. */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    CliContext none =
        new CliContext(
            new PrintWriter(Writer.nullWriter()),
            new PrintWriter(Writer.nullWriter()),
            InputStream.nullInputStream());
    Map<String, Class<?>> out = new HashMap<>();
    Cli.commandLine(none)
        .getSubcommands()
        .forEach((name, cl) -> out.put(name, cl.getCommandSpec().userObject().getClass()));
    return out;
  }

  /** Exit status and the streams of one run; stderr is checked for the one-line shape. */
  record Result(int exit, String out, String err) {}

  /** Runs {@code args[0]} (a subcommand name) with the remaining arguments. */
  static Result run(byte[] stdin, String... args) {
    Class<?> command = COMMANDS.get(args[0]);
    if (command == null) {
      throw new IllegalArgumentException("no command " + args[0]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Throwable[] escaped = new Throwable[1];
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      CliContext context = new CliContext(o, e, new ByteArrayInputStream(stdin));
      CommandLine cl = Cli.commandLine(context, command);
      cl.setExecutionExceptionHandler(
          (ex, commandLine, parseResult) -> {
            if (ex instanceof InputException ie) {
              e.println("migcheck: " + ie.oneLine());
              return ExitCodes.BAD_INPUT;
            }
            escaped[0] = ex;
            return ExitCodes.INTERNAL;
          });
      exit = cl.execute(Arrays.copyOfRange(args, 1, args.length));
    }
    if (escaped[0] != null) {
      throw RawCli.<RuntimeException>sneaky(escaped[0]);
    }
    Result r = new Result(exit, out.toString(), err.toString());
    if (exit == ExitCodes.BAD_INPUT) {
      String text = r.err().strip();
      if (text.isEmpty() || text.contains("\n") || !text.startsWith("migcheck: ")) {
        throw new AssertionError("bad input must be one line on stderr, got: " + r.err());
      }
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
