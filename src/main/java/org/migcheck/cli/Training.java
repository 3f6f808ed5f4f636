package org.migcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run for the class data the launchers record once per Java runtime (an AppCDS
 * archive on JDK 17-24, an AOT cache on JDK 25+): every later run maps the classes this run
 * loaded instead of reading, verifying and linking them. One JVM runs the common commands on the
 * samples (output discarded), so the archive covers each of them (built from their compiled
 * picocli models, {@link CompiledSpec}), picocli's help (from the annotations) and the libraries
 * they load (the fast reader and the binder, and JAXB for a document the fast reader hands back).
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
            new String[] {"inspect", "-"},
            new String[] {"check", "--no-such-option"});
    List<Integer> codes = new ArrayList<>();
    for (String[] run : runs) {
      Warmup.startFor(run);
      PrintWriter none = new PrintWriter(Writer.nullWriter());
      InputStream stdin =
          run[run.length - 1].equals("-") ? refusedByTheFastReader(s) : InputStream.nullInputStream();
      codes.add(new Cli(none, none, stdin).run(run));
    }
    return codes;
  }

  /**
   * A guest with a non-ASCII comment, which the fast reader hands back: JAXB maps it, so its
   * classes are in the archive for the inputs that need it.
   */
  private static InputStream refusedByTheFastReader(String samples) {
    try {
      String guest = Files.readString(Path.of(samples + "guest-custom.xml"));
      int root = guest.indexOf('>', guest.indexOf("<domain")) + 1;
      String marked = guest.substring(0, root) + "<!-- \u00e9 -->" + guest.substring(root);
      return new ByteArrayInputStream(marked.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return InputStream.nullInputStream(); // the run then fails and the test shows it
    }
  }
}
