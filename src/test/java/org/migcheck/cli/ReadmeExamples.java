package org.migcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's shell sessions: fenced code blocks whose first line starts with {@code $ }. Each
 * {@code $ migcheck ...} (or {@code ./migcheck}) line runs in-process from the repository root,
 * standard output and error going to one stream as on a terminal ({@code >/dev/null} and
 * {@code 2>/dev/null} drop one); {@code $ echo $?} prints the last exit status and
 * {@code $ cat FILE} a file of the repository. The lines after a
 * command are its expected output; a line {@code ...} stands for any number of lines. A block
 * right after {@code <!-- readme-test: skip REASON -->} is not run.
 */
final class ReadmeExamples {
  private ReadmeExamples() {}

  static final String SKIP = "<!-- readme-test: skip";

  /** One fenced session: where it starts (line number in the README) and its lines. */
  record Session(int line, List<String> lines, String skipReason) {}

  /** One command of a session with its expected output. */
  record Step(int line, String command, List<String> expected) {}

  static List<Session> sessions(String markdown) {
    List<Session> out = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String skip = null;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith(SKIP)) {
        skip = l.substring(SKIP.length()).replace("-->", "").strip();
        continue;
      }
      if (l.startsWith("```")) {
        int start = i;
        List<String> body = new ArrayList<>();
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          body.add(lines[i]);
        }
        if (!body.isEmpty() && body.get(0).startsWith("$ ")) {
          out.add(new Session(start + 2, body, skip));
        }
        skip = null;
      } else if (!l.isBlank()) {
        skip = null; // the marker belongs to the very next block
      }
    }
    return out;
  }

  static List<Step> steps(Session s) {
    List<Step> steps = new ArrayList<>();
    List<String> lines = s.lines();
    for (int i = 0; i < lines.size(); ) {
      int line = s.line() + i;
      StringBuilder cmd = new StringBuilder(lines.get(i).substring(2));
      while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
        cmd.setLength(cmd.length() - 1);
        cmd.append(' ').append(lines.get(++i).strip());
      }
      List<String> expected = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith("$ "); i++) {
        expected.add(lines.get(i));
      }
      steps.add(new Step(line, cmd.toString().strip().replaceAll(" +", " "), expected));
    }
    return steps;
  }

  /** Runs a session; returns what differs from the README (empty when it holds). */
  static List<String> check(Session s) {
    List<String> problems = new ArrayList<>();
    int last = 0;
    for (Step step : steps(s)) {
      String output;
      if (step.command().equals("echo $?")) {
        output = last + "\n";
      } else if (step.command().matches("cat [\\w./-]+")) {
        output = readRepoFile(step.command().substring(4));
      } else {
        Run r = run(step.command());
        if (r == null) {
          problems.add("README line " + step.line() + ": cannot run '" + step.command()
              + "' (only migcheck, cat and echo $? run; mark the block " + SKIP + " REASON -->)");
          continue;
        }
        last = r.exit;
        output = r.output;
      }
      List<String> actual = output.isEmpty() ? List.of()
          : List.of(output.substring(0, output.length() - (output.endsWith("\n") ? 1 : 0))
              .split("\n", -1));
      if (!matches(step.expected(), actual)) {
        problems.add("README line " + step.line() + ": '" + step.command()
            + "' printed something else:\n" + String.join("\n", actual));
      }
    }
    return problems;
  }

  private static String readRepoFile(String name) {
    try {
      return java.nio.file.Files.readString(
          org.migcheck.testing.SharedData.repo().resolve(name));
    } catch (java.io.IOException e) {
      return "cat: " + name + ": " + e.getMessage() + "\n";
    }
  }

  private record Run(int exit, String output) {}

  private static final Pattern COMMAND =
      Pattern.compile("^(?:\\./)?migcheck((?: \\S+)*?)( >/dev/null| 2>/dev/null)?$");

  private static Run run(String command) {
    Matcher m = COMMAND.matcher(command);
    if (!m.matches()) {
      return null;
    }
    String[] args = m.group(1).isBlank() ? new String[0] : m.group(1).strip().split(" ");
    StringWriter both = new StringWriter();
    Writer discard = Writer.nullWriter();
    String redirect = m.group(2) == null ? "" : m.group(2).strip();
    PrintWriter out = new PrintWriter(redirect.equals(">/dev/null") ? discard : both, true);
    PrintWriter err = new PrintWriter(redirect.equals("2>/dev/null") ? discard : both, true);
    int exit = new Cli(out, err, new ByteArrayInputStream(new byte[0])).run(args);
    out.flush();
    err.flush();
    return new Run(exit, both.toString());
  }

  /** {@code expected} equals {@code actual}, each {@code ...} line standing for 0 or more lines. */
  static boolean matches(List<String> expected, List<String> actual) {
    boolean[][] ok = new boolean[expected.size() + 1][actual.size() + 1];
    ok[expected.size()][actual.size()] = true;
    for (int e = expected.size() - 1; e >= 0; e--) {
      boolean gap = expected.get(e).strip().equals("...");
      for (int a = actual.size(); a >= 0; a--) {
        if (gap) {
          ok[e][a] = ok[e + 1][a] || (a < actual.size() && ok[e][a + 1]);
        } else {
          ok[e][a] = a < actual.size() && expected.get(e).equals(actual.get(a)) && ok[e + 1][a + 1];
        }
      }
    }
    return ok[0][0];
  }
}
