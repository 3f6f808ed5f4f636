package org.migcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run for the class data the launchers record once per Java runtime (an AppCDS
 * archive on JDK 17-24, an AOT cache on JDK 25+): every later run maps the classes this run
 * loaded instead of reading, verifying and linking them. One JVM runs the common commands on the
 * samples (output discarded), so the archive covers each of them, picocli's help and the
 * libraries they load (JAXB for full documents, the fast readers for baseline and fleet).
 *
 * <p>Usage: {@code java -cp migcheck-all.jar org.migcheck.cli.Training SAMPLES_DIR}.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) {
    run(args.length > 0 ? args[0] : "samples");
  }

  /** Runs the training commands on the samples in {@code samplesDir}; their exit statuses. */
  static List<Integer> run(String samplesDir) {
    String s = samplesDir + "/";
    List<String[]> runs =
        List.of(
            new String[] {"--version"},
            new String[] {"check", "--help"},
            new String[] {
              "check", s + "skylake-a.xml," + s + "skylake-a-domcaps.xml",
              s + "cascadelake.xml," + s + "cascadelake-domcaps.xml"
            },
            new String[] {"inspect", s + "skylake-a.xml", s + "skylake-a-domcaps.xml",
              s + "guest-custom.xml"},
            new String[] {"compare", s + "skylake-a.xml", s + "cascadelake.xml"},
            new String[] {"baseline", s + "skylake-a.xml", s + "cascadelake.xml"},
            new String[] {"suggest", s + "skylake-a.xml", s + "cascadelake.xml"},
            new String[] {"fleet", s + "fleet"},
            new String[] {"check", "--no-such-option"});
    List<Integer> codes = new ArrayList<>();
    for (String[] run : runs) {
      Warmup.startFor(run);
      PrintWriter none = new PrintWriter(Writer.nullWriter());
      codes.add(new Cli(none, none, InputStream.nullInputStream()).run(run));
    }
    return codes;
  }
}
