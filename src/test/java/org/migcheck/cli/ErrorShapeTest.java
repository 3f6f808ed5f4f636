package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The two failure shapes: bad input is exit 2 with one line (the stack trace only with --debug);
 * a bug is exit 3 asking for a report, again with the stack trace only with --debug.
 */
class ErrorShapeTest {
  /** Standard input that fails the way only a bug can: with an unchecked exception. */
  private static final class BrokenStdin extends InputStream {
    @Override
    public int read() {
      throw new IllegalStateException("simulated bug");
    }

    @Override
    public int read(byte[] b, int off, int len) {
      throw new IllegalStateException("simulated bug");
    }
  }

  private static CliRun runWithBrokenStdin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      exit = new Cli(o, e, new BrokenStdin()).run(args);
    }
    return new CliRun(exit, out.toString(), err.toString());
  }

  @Test
  void aBugIsExitThreeWithARequestToReportIt() {
    CliRun r = runWithBrokenStdin("inspect", "-");
    assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err())
        .startsWith("migcheck: internal error: java.lang.IllegalStateException: simulated bug")
        .contains("this is a bug in migcheck: please report it")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void debugShowsTheStackTraceOfABug() {
    CliRun r = runWithBrokenStdin("inspect", "--debug", "-");
    assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err()).contains("\tat org.migcheck.");
  }

  @Test
  void debugShowsTheStackTraceOfBadInputToo() {
    CliRun plain = CliRun.run("compare", "samples/skylake-a.xml", "samples/no-such.xml");
    BadInputTest.assertOneLineError(plain, "no-such.xml: no such file or directory");
    CliRun debug = CliRun.run("compare", "--debug", "samples/skylake-a.xml", "samples/no-such.xml");
    assertThat(debug.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(debug.errLines().get(0)).isEqualTo(plain.errLines().get(0));
    assertThat(debug.err()).contains("\tat org.migcheck.");
  }
}
