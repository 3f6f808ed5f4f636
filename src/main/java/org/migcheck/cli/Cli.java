package org.migcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.migcheck.InputException;
import org.migcheck.live.LiveInputs;
import org.migcheck.read.ArgumentSource;
import org.migcheck.read.Inputs;
import picocli.CommandLine;

/**
 * Parses arguments and runs a command with injected streams; the only place that turns
 * exceptions into messages and exit statuses.
 */
public final class Cli {
  static {
    // libvirt URIs and CPU dumps wherever a host is read: the read side only knows the interface
    Inputs.install(new ArgumentSource() {
      @Override
      public void prefetch(List<String> args) {
        LiveInputs.prefetch(args);
      }

      @Override
      public List<Path> resolve(String arg) {
        return LiveInputs.resolve(arg);
      }
    });
  }

  private final CliContext context;

  public Cli(PrintWriter out, PrintWriter err, InputStream stdin) {
    this.context = new CliContext(out, err, stdin);
  }

  public int run(String... args) {
    CommandLine cl = commandLine(context);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> failure(ex, debug(parseResult)));
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // documents are size-limited, but check, suggest and baseline keep all their hosts
      context.out().flush();
      context.err().println("migcheck: out of memory with "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of heap: for thousands of hosts use"
          + " 'migcheck fleet', which streams them, or give Java more (JAVA_TOOL_OPTIONS=-Xmx...)");
      return ExitCodes.BAD_INPUT;
    }
  }

  /** The command line with its streams and parsing rules, without the failure handler. */
  static CommandLine commandLine(CliContext context) {
    return configure(new CommandLine(new MigcheckCommand(), new CommandFactory(context)), context);
  }

  /**
   * One command on its own, configured like the full command line: for tests and fuzzing, where
   * building all subcommands for every run costs more than the run.
   */
  static CommandLine commandLine(CliContext context, Class<?> command) {
    try {
      Object instance = new CommandFactory(context).create(command);
      return configure(new CommandLine(instance, new CommandFactory(context)), context);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create command " + command.getName(), e);
    }
  }

  private static CommandLine configure(CommandLine cl, CliContext context) {
    cl.setOut(context.out());
    cl.setErr(context.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // option values may start with a dash: --feature -hle,-rtm
    cl.setAllowOptionsAsOptionParameters(true);
    cl.setParameterExceptionHandler((ex, args) -> usageError(context, ex));
    // "Usage:" first, as in every Unix tool's help; the one-line summary right after it
    List<String> sections = new ArrayList<>(cl.getHelpSectionKeys());
    sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
    sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
    int at = sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS) + 1;
    sections.add(at, CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
    cl.setHelpSectionKeys(sections);
    blankLineBeforeDescription(cl);
    return cl;
  }

  private static void blankLineBeforeDescription(CommandLine cl) {
    if (cl.getCommandSpec().usageMessage().header().length > 0) {
      cl.getCommandSpec().usageMessage().descriptionHeading("%n");
    }
    cl.getSubcommands().values().forEach(Cli::blankLineBeforeDescription);
  }

  private static boolean debug(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult p = parseResult;
    while (p != null) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }

  private static int usageError(CliContext context, CommandLine.ParameterException ex) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = context.err();
    // one line, like every other bad-input report, so scripts can rely on it
    err.println(
        "migcheck: "
            + ex.getMessage().replace('\n', ' ')
            + " (try '"
            + cmd.getCommandSpec().qualifiedName()
            + " --help')");
    return ExitCodes.BAD_INPUT;
  }

  private int failure(Exception ex, boolean debug) {
    PrintWriter err = context.err();
    context.out().flush();
    if (ex instanceof InputException ie) {
      err.println("migcheck: " + ie.oneLine());
      if (debug) {
        ex.printStackTrace(err);
      }
      return ExitCodes.BAD_INPUT;
    }
    err.println(
        "migcheck: internal error: "
            + ex
            + " (this is a bug in migcheck: please report it with the command line and inputs;"
            + " --debug shows details)");
    if (debug) {
      ex.printStackTrace(err);
    }
    return ExitCodes.INTERNAL;
  }
}
