package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.migcheck.cli.ReadmeExamples.Session;
import org.migcheck.testing.SharedData;

/** Every shell session in README.md runs on the samples and prints what the README shows. */
class ReadmeExamplesTest {
  private static String readme() throws IOException {
    return Files.readString(SharedData.repo().resolve("README.md"));
  }

  @Test
  void readmeSessionsHold() throws IOException {
    List<Session> sessions = ReadmeExamples.sessions(readme());
    List<String> problems = new ArrayList<>();
    Set<String> commands = new TreeSet<>();
    for (Session s : sessions) {
      if (s.skipReason() != null) {
        continue;
      }
      problems.addAll(ReadmeExamples.check(s));
      for (var step : ReadmeExamples.steps(s)) {
        String[] words = step.command().split(" ");
        if (words.length > 1 && words[0].endsWith("migcheck")) {
          commands.add(words[1]);
        }
      }
    }
    assertThat(problems).as("README sessions that do not hold").isEmpty();
    // the examples this test was written with; other sections may add more
    assertThat(commands).contains("inspect", "diff", "compare", "baseline", "check", "suggest",
        "fleet", "gate");
  }

  /** A session that is not run says why, so nothing is skipped silently. */
  @Test
  void skippedSessionsGiveAReason() throws IOException {
    for (Session s : ReadmeExamples.sessions(readme())) {
      if (s.skipReason() != null) {
        assertThat(s.skipReason()).as("README line " + s.line()).isNotBlank();
      }
    }
  }

  /** The check fails when an example's output or exit status changes: tampered copies. */
  @Test
  void tamperedExamplesFail() throws IOException {
    String readme = readme();
    List<Session> run = ReadmeExamples.sessions(readme).stream()
        .filter(s -> s.skipReason() == null).toList();
    assertThat(run).isNotEmpty();
    int tampered = 0;
    for (Session s : run) {
      List<String> lines = s.lines();
      for (int i = 1; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.startsWith("$ ") || lines.get(i - 1).endsWith("\\") || l.strip().equals("...")
            || l.isEmpty()) {
          continue; // a command, not its output
        }
        // one changed character in one output line
        List<String> changed = new ArrayList<>(lines);
        changed.set(i, l.replaceFirst("\\S(?=\\s*$)", "#"));
        assertThat(ReadmeExamples.check(new Session(s.line(), changed, null)))
            .as("tampered line %d of the session at README line %d: %s", i, s.line(), l)
            .isNotEmpty();
        // one output line missing
        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(i);
        assertThat(ReadmeExamples.check(new Session(s.line(), dropped, null)))
            .as("dropped line %d of the session at README line %d", i, s.line()).isNotEmpty();
        tampered++;
        break; // one line per session keeps the test short
      }
    }
    assertThat(tampered).isGreaterThanOrEqualTo(8);
  }

  /** The same for the README as a whole: an exit status changed in a copy of it. */
  @Test
  void tamperedExitStatusFails() throws IOException {
    String readme = readme();
    int at = readme.indexOf("$ echo $?\n1\n");
    assertThat(at).as("the README shows an exit status 1").isPositive();
    String copy = readme.substring(0, at) + "$ echo $?\n0\n" + readme.substring(at + 12);
    List<String> problems = new ArrayList<>();
    for (Session s : ReadmeExamples.sessions(copy)) {
      if (s.skipReason() == null) {
        problems.addAll(ReadmeExamples.check(s));
      }
    }
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("'echo $?' printed something else:\n1");
  }

  @Test
  void gapsMatchAnyNumberOfLines() {
    assertThat(ReadmeExamples.matches(List.of("a", "...", "d"), List.of("a", "b", "c", "d"))).isTrue();
    assertThat(ReadmeExamples.matches(List.of("a", "  ...", "d"), List.of("a", "d"))).isTrue();
    assertThat(ReadmeExamples.matches(List.of("a", "...", "d"), List.of("a", "b", "c"))).isFalse();
    assertThat(ReadmeExamples.matches(List.of("a", "b"), List.of("a", "b", "c"))).isFalse();
    assertThat(ReadmeExamples.matches(List.of("...", "c"), List.of("a", "b", "c"))).isTrue();
    assertThat(ReadmeExamples.matches(List.of(), List.of())).isTrue();
  }

  @Test
  void sessionsAreFoundAndSplitIntoSteps() {
    String md = String.join("\n", "text", "<!-- readme-test: skip needs a live host -->", "```",
        "$ virsh capabilities", "```", "", "```", "$ migcheck --version \\", "    >/dev/null",
        "$ echo $?", "0", "```", "```yaml", "a: b", "```", "");
    List<Session> s = ReadmeExamples.sessions(md);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).skipReason()).isEqualTo("needs a live host");
    assertThat(s.get(1).skipReason()).isNull();
    var steps = ReadmeExamples.steps(s.get(1));
    assertThat(steps).extracting(ReadmeExamples.Step::command)
        .containsExactly("migcheck --version >/dev/null", "echo $?");
    assertThat(ReadmeExamples.check(s.get(1))).isEmpty();
    assertThat(ReadmeExamples.check(s.get(0))).singleElement().asString().contains("cannot run");
  }
}
