package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.testing.SharedData;
import org.migcheck.xml.XmlLimits;

/**
 * The bad-input corpus under {@code src/test/resources/bad-input/}: every case in its {@code
 * expectations.txt} runs through the real command line and must end with the exit status and the
 * words given there (exit 2: one line on stderr, nothing on stdout).
 */
class BadInputCorpusTest {
  static final Path CORPUS = SharedData.repo().resolve("src/test/resources/bad-input");

  @TempDir static Path generated;

  record Case(String name, List<String> args, int exit, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("expectations.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\|", 4);
      if (f.length != 4) {
        throw new IllegalStateException("expectations.txt: not 4 fields: " + line);
      }
      List<String> args = new ArrayList<>();
      for (String a : f[1].strip().split("\\s+")) {
        args.add(resolve(a));
      }
      out.add(new Case(f[0].strip(), args, Integer.parseInt(f[2].strip()), f[3].strip()));
    }
    return out.stream();
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(gen:)?([^}]+)}");

  private static String resolve(String arg) throws IOException {
    if (arg.equals("{empty}")) {
      return "";
    }
    Matcher m = PLACEHOLDER.matcher(arg);
    if (!m.matches()) {
      return arg;
    }
    if (m.group(1) == null) {
      return relative(CORPUS.resolve(m.group(2)));
    }
    Path p = generated.resolve(m.group(2));
    if (!Files.exists(p)) {
      Files.write(p, generate(m.group(2)));
    }
    return p.toString();
  }

  /** Paths as a user types them, relative to the working directory. */
  private static String relative(Path p) {
    return Path.of("").toAbsolutePath().relativize(p.toAbsolutePath().normalize()).toString();
  }

  /** The corpus files too large to keep in the repository. */
  private static byte[] generate(String name) {
    String text =
        switch (name) {
          case "huge-attribute.xml" ->
              "<cpu mode='custom' match='exact'>\n"
                  + "  <model fallback='forbid'>Skylake-Client</model>\n"
                  + "  <feature policy='require' name='avx'/>\n"
                  + "  <feature policy='require' name='"
                  + "a".repeat(XmlLimits.MAX_VALUE_CHARS)
                  + "'/>\n</cpu>\n";
          case "huge-document.xml" ->
              "<capabilities>\n  <host>\n"
                  + ("    <!-- " + "padding ".repeat(120) + "-->\n")
                      .repeat((int) (XmlLimits.MAX_DOCUMENT_CHARS / 970) + 1)
                  + "  </host>\n</capabilities>\n";
          default -> throw new IllegalArgumentException("no generator for " + name);
        };
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpusCase(Case c) {
    CliRun r = CliRun.run(c.args().toArray(String[]::new));
    if (c.exit() == ExitCodes.BAD_INPUT) {
      BadInputTest.assertOneLineError(r, c.expected());
    } else {
      assertThat(r.exit()).as(r.toString()).isEqualTo(c.exit());
      assertThat(r.out()).as(r.toString()).contains(c.expected());
      assertThat(r.err()).doesNotContain("internal error").doesNotContain("\tat ");
    }
  }
}
