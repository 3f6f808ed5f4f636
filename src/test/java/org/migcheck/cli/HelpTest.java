package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's help reads well: whole summaries, picocli's wrapping, exit statuses, examples. */
class HelpTest {
  @TempDir Path tmp;

  private static CommandLine top() {
    CliContext c = new CliContext(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), System.in);
    return Cli.commandLine(c);
  }

  static Stream<String> commands() {
    return top().getSubcommands().keySet().stream();
  }

  private static String help(String... args) {
    CliRun r = CliRun.run(args);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.out();
  }

  /** A run naming a command builds it alone from Cli's table: the table is the tree's. */
  @Test
  void subcommandTableIsTheTree() {
    java.util.Map<String, Class<?>> tree = new java.util.HashMap<>();
    top().getSubcommands()
        .forEach((name, cl) -> tree.put(name, cl.getCommandSpec().userObject().getClass()));
    assertThat(Cli.SUBCOMMANDS).isEqualTo(tree);
  }

  /**
   * Cli tells picocli to register no converters for java.sql and java.time types (start-up time):
   * no option or parameter of any command may have such a type.
   */
  @Test
  void noOptionNeedsAnExcludedConverter() {
    CommandLine tree = top(); // Cli's class initialisation sets the property
    java.util.regex.Pattern excluded =
        java.util.regex.Pattern.compile(System.getProperty(Cli.CONVERTER_EXCLUDES));
    assertThat(excluded.matcher("java.time.Duration").matches()).isTrue();
    assertThat(excluded.matcher("java.nio.file.Path").matches()).isFalse();
    java.util.List<String> types = new java.util.ArrayList<>();
    java.util.Deque<CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(tree));
    while (!todo.isEmpty()) {
      CommandLine cl = todo.pop();
      todo.addAll(cl.getSubcommands().values());
      for (CommandLine.Model.ArgSpec arg : cl.getCommandSpec().args()) {
        types.add(arg.type().getName());
        for (Class<?> aux : arg.auxiliaryTypes()) {
          types.add(aux.getName());
        }
      }
    }
    assertThat(types).hasSizeGreaterThan(50).noneMatch(t -> excluded.matcher(t).matches());
  }

  /** The command built alone prints the help it has in the whole tree, word for word. */
  @ParameterizedTest
  @MethodSource("commands")
  void aCommandBuiltAloneHelpsLikeInTheTree(String command) {
    StringWriter full = new StringWriter();
    top().getSubcommands().get(command).usage(new PrintWriter(full, true));
    assertThat(help(command, "--help")).isEqualTo(full.toString());
  }

  /** The command list shows each command's whole one-line summary, never half a sentence. */
  @Test
  void commandListHasWholeSummaries() {
    String usage = help("--help");
    String list = usage.substring(usage.indexOf("Commands:\n") + "Commands:\n".length());
    list = list.substring(0, list.indexOf("\n\n"));
    String joined = list.replaceAll("\n {10,}", " ");
    for (var e : top().getSubcommands().entrySet()) {
      String[] header = e.getValue().getCommandSpec().usageMessage().header();
      assertThat(header).as(e.getKey() + " header").hasSize(1);
      assertThat(header[0]).as(e.getKey()).endsWith(".").doesNotContain("\n");
      assertThat(joined).as("command list").containsPattern(
          "(?m)^  " + e.getKey() + " +" + java.util.regex.Pattern.quote(header[0]) + "$");
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandHasExitStatusesAndExamples(String command) {
    String usage = help(command, "--help");
    assertThat(usage).contains("\nExit status:\n  0   ").contains("\n  2   bad input")
        .contains("\n  3   a bug in migcheck").contains("\nExamples:\n  migcheck ");
    assertThat(usage.lines()).as("picocli wraps at 80 columns")
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }

  /**
   * Descriptions are whole paragraphs that picocli wraps: a hard-wrapped text wrapped again shows
   * short lines in the middle of a paragraph.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void descriptionsAreWrappedOnceByPicocli(String command) {
    CommandLine cl = top().getSubcommands().get(command);
    for (String paragraph : cl.getCommandSpec().usageMessage().description()) {
      if (paragraph.isEmpty()) {
        continue; // between paragraphs
      }
      assertThat(paragraph).as(command).doesNotContain("\n");
      assertThat(paragraph.strip()).as(command + ": a paragraph ends a sentence").endsWith(".");
    }
    String usage = help(command, "--help");
    List<String> lines = usage.lines().toList();
    int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("Usage:")).findFirst()
        .orElseThrow()) + 1;
    while (lines.get(start).startsWith(" ")) {
      start++; // the synopsis continues
    }
    for (int i = start; i < lines.size() - 1 && !lines.get(i + 1).startsWith(" "); i++) {
      String line = lines.get(i);
      if (!line.isEmpty() && !line.endsWith(".") && !lines.get(i + 1).isEmpty()) {
        assertThat(line.length()).as(command + ": line in the middle of a paragraph: " + line)
            .isGreaterThan(60);
      }
    }
  }

  /** Option labels say what is accepted: --guests takes files and directories. */
  @Test
  void labelsMatchWhatIsAccepted() {
    assertThat(help("gate", "--help")).contains("--guests=INPUT").doesNotContain("=DIR");
  }

  /** The examples in the help run on the samples (from the repository root) as shown. */
  @ParameterizedTest
  @MethodSource("commands")
  void examplesRun(String command) {
    String[] footer = top().getSubcommands().get(command).getCommandSpec().usageMessage().footer();
    int ran = 0;
    for (String example : String.join("\n", footer).replace(" \\\n", " ").split("\n")) {
      List<String> words = new ArrayList<>(Arrays.asList(example.strip().split(" +")));
      if (!words.get(0).equals("migcheck") || example.contains("inventory/")
          || example.contains("|")) {
        continue; // a placeholder for the user's own files, or a pipe from virsh
      }
      int o = words.indexOf("-o");
      if (o >= 0) {
        words.set(o + 1, tmp.resolve(words.get(o + 1)).toString());
      }
      CliRun r = CliRun.run(words.subList(1, words.size()).toArray(String[]::new));
      assertThat(r.exit()).as(example + "\n" + r).isIn(0, 1);
      ran++;
    }
    assertThat(ran).as(command + ": examples that run on the samples").isPositive();
  }
}
