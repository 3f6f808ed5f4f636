import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A trivial two-subcommand picocli program, for bench/picocli.sh: where picocli's start-up time
 * goes. The first argument picks the variant; each prints one line and exits.
 *
 * <ul>
 *   <li>{@code bare}: no picocli at all (the JVM and this class);
 *   <li>{@code programmatic}: the command built with picocli's programmatic API, no annotations;
 *   <li>{@code annotated}: the same command from annotations (what migcheck does), which makes
 *       the JDK parse them and generate a proxy class per annotation type at run time.
 * </ul>
 */
@Command(name = "trivial", mixinStandardHelpOptions = true, version = "trivial 1",
    subcommands = {TrivialCli.Hello.class})
public class TrivialCli implements Runnable {
  @Override
  public void run() {
    System.out.println("no command");
  }

  @Command(name = "hello", mixinStandardHelpOptions = true, description = "Say hello.")
  static class Hello implements Runnable {
    @Option(names = "--loud", description = "Shout.") boolean loud;
    @Parameters(paramLabel = "NAME", defaultValue = "world") String name;

    @Override
    public void run() {
      System.out.println(loud ? "HELLO " + name.toUpperCase() : "hello " + name);
    }
  }

  public static void main(String[] args) {
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "bare" -> System.out.println("hello world");
      case "annotated" -> System.exit(new CommandLine(new TrivialCli()).execute(rest));
      case "programmatic" -> System.exit(programmatic().execute(rest));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static CommandLine programmatic() {
    CommandSpec hello = CommandSpec.create().name("hello");
    hello.mixinStandardHelpOptions(false);
    hello.addOption(OptionSpec.builder("--loud").description("Shout.").build());
    hello.addPositional(CommandLine.Model.PositionalParamSpec.builder()
        .paramLabel("NAME").defaultValue("world").build());
    CommandSpec top = CommandSpec.create().name("trivial").version("trivial 1");
    top.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).build());
    top.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
    top.addSubcommand("hello", hello);
    CommandLine cl = new CommandLine(top);
    cl.setExecutionStrategy(parsed -> {
      CommandLine.ParseResult sub = parsed.subcommand();
      if (CommandLine.printHelpIfRequested(parsed)) {
        return 0;
      }
      if (sub == null) {
        System.out.println("no command");
      } else {
        String name = sub.matchedPositionalValue(0, "world");
        System.out.println(sub.hasMatchedOption("--loud") ? "HELLO " + name.toUpperCase() : "hello " + name);
      }
      return 0;
    });
    return cl;
  }
}
