package org.migcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  /** picocli's system property: regular expressions of type names it registers no converter for. */
  static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

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
    // picocli registers converters for java.sql and java.time types by Class.forName, which
    // initialises them (java.time's formatters alone are ~10 ms of every run); no option has
    // such a type. picocli's documented switch, unless the user set it.
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
    }
  }

  private final CliContext context;

  public Cli(PrintWriter out, PrintWriter err, InputStream stdin) {
    this.context = new CliContext(out, err, stdin);
  }

  public int run(String... args) {
    try {
      boolean compiled = compilable(args);
      Integer code = execute(commandLine(context, compiled, args), compiled, args);
      if (code == null) { // help or version that a compiled model cannot answer: annotations do
        code = execute(commandLine(context, false, args), false, args);
      }
      return code;
    } catch (OutOfMemoryError e) {
      // documents are size-limited, but check, suggest and baseline keep all their hosts
      context.out().flush();
      context.err().println("migcheck: out of memory with "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB of heap: for thousands of hosts use"
          + " 'migcheck fleet', which streams them, or give Java more (JAVA_TOOL_OPTIONS=-Xmx...)");
      return ExitCodes.BAD_INPUT;
    }
  }

  /** Runs {@code cl}; null when {@code compiled} and the arguments asked for help or version. */
  private Integer execute(CommandLine cl, boolean compiled, String... args) {
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> failure(ex, debug(parseResult)));
    HelpGuard guard = new HelpGuard();
    if (compiled) {
      cl.setExecutionStrategy(guard);
    }
    int code = cl.execute(args);
    return guard.helpAsked ? null : code;
  }

  /**
   * picocli's own strategy, except that a help or version request on a compiled model (which has
   * no descriptions) is only noted, for a second run on the annotated one.
   */
  private static final class HelpGuard implements CommandLine.IExecutionStrategy {
    private boolean helpAsked;

    @Override
    public int execute(CommandLine.ParseResult parseResult) {
      for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
        if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
          helpAsked = true;
          return ExitCodes.OK;
        }
      }
      return new CommandLine.RunLast().execute(parseResult);
    }
  }

  /**
   * Whether a compiled model ({@link CompiledSpec}) may run these arguments: a named subcommand
   * and nothing that plainly asks for help or version, which come from the annotations, nor an
   * argument file. Anything subtler (a cluster like -hV) is caught after parsing by {@link
   * HelpGuard}.
   */
  static boolean compilable(String... args) {
    if (args.length == 0 || !SUBCOMMANDS.containsKey(args[0])) {
      return false;
    }
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")
          || a.startsWith("@")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The subcommands by name, as {@link MigcheckCommand.All} lists them (HelpTest checks they
   * agree): a run that names one builds that one's model only.
   */
  static final Map<String, Class<?>> SUBCOMMANDS =
      Map.of(
          "baseline", BaselineCommand.class,
          "compare", CompareCommand.class,
          "inspect", InspectCommand.class,
          "diff", DiffCommand.class,
          "check", CheckCommand.class,
          "suggest", SuggestCommand.class,
          "fleet", FleetCommand.class,
          "gate", GateCommand.class,
          "collect", CollectCommand.class);

  /** The whole command line with its streams and parsing rules, without the failure handler. */
  static CommandLine commandLine(CliContext context) {
    return configure(
        new CommandLine(new MigcheckCommand.All(), new CommandFactory(context)), context);
  }

  /**
   * The command line {@code args} need: picocli builds a command's model by reflection when it is
   * added (tens of milliseconds for all of them on a cold JVM), so a run that names a subcommand
   * first gets that one alone, under the programmatic {@link #topLevel()}, and {@code --version}
   * that alone. That one is built from its compiled model ({@link CompiledSpec}), which reads no
   * annotation, unless the arguments ask for its help or version ({@link #compilable}). Anything
   * else (help, a mistyped command, which picocli answers with suggestions) gets the whole
   * annotated tree.
   */
  static CommandLine commandLine(CliContext context, String... args) {
    return commandLine(context, compilable(args), args);
  }

  /**
   * As {@link #commandLine(CliContext, String...)}; with {@code compiled}, the named subcommand's
   * model comes from its {@link CompiledSpec} (the annotations if it has none).
   */
  static CommandLine commandLine(CliContext context, boolean compiled, String... args) {
    if (args.length == 0) {
      return commandLine(context);
    }
    Class<?> only = SUBCOMMANDS.get(args[0]);
    boolean version = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    if (only == null && !version) {
      return commandLine(context);
    }
    CommandFactory factory = new CommandFactory(context);
    CommandLine cl = new CommandLine(topLevel(), factory);
    if (only != null) {
      CommandLine.Model.CommandSpec spec =
          compiled ? CompiledSpec.build(args[0], only, factory) : null;
      cl.addSubcommand(args[0], new CommandLine(spec != null ? spec : create(factory, only),
          factory));
    }
    return configure(cl, context);
  }

  /**
   * The top-level command as far as {@code --version} and a named subcommand need it (its name,
   * version and help options), built with picocli's programmatic API: reading {@link
   * MigcheckCommand}'s annotations makes the JDK parse them and generate a proxy class per
   * annotation type, about half of a {@code --version} run on a cold JVM. Its help and the
   * generators use the annotated tree.
   */
  static CommandLine.Model.CommandSpec topLevel() {
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create()
        .name("migcheck")
        .versionProvider(new VersionProvider());
    spec.addOption(CommandLine.Model.OptionSpec.builder("-V", "--version")
        .versionHelp(true).description("Print version information and exit.").build());
    spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
        .usageHelp(true).description("Show this help message and exit.").build());
    return spec;
  }

  /**
   * One command on its own, configured like the full command line: for tests and fuzzing, where
   * building all subcommands for every run costs more than the run.
   */
  static CommandLine commandLine(CliContext context, Class<?> command) {
    CommandFactory factory = new CommandFactory(context);
    return configure(new CommandLine(create(factory, command), factory), context);
  }

  private static Object create(CommandFactory factory, Class<?> command) {
    try {
      return factory.create(command);
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
