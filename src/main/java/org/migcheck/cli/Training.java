package org.migcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>The commands that only read CPUs ({@code baseline}, {@code compare}) have a smaller archive of
 * their own, trained on them alone ({@link #CPU}): about 1,500 classes of the 2,500 the whole
 * training loads, and mapping and relocating a smaller archive starts each run sooner.
 *
 * <p>Usage: {@code java -cp migcheck-all.jar org.migcheck.cli.Training SAMPLES_DIR [cpu]}.
 */
public final class Training {
  private Training() {}

  /** The training of the CPU commands' own archive (src/release/lib/jvm.sh names it). */
  static final String CPU = "cpu";

  public static void main(String[] args) {
    String samples = args.length > 0 ? args[0] : "samples";
    if (args.length > 1 && args[1].equals(CPU)) {
      runCpu(samples);
    } else {
      run(samples);
    }
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
    return run(runs, refusedByTheFastReader(s));
  }

  /**
   * The CPU commands' training: baseline and compare of hosts, host-models and a guest, a
   * thousand hosts in one file (the reader that splits a large file, its prescan and the warm-up
   * that reads it before the map), a host the fast reader hands to the JDK's parser (standard
   * input) and a usage error.
   */
  static List<Integer> runCpu(String samplesDir) {
    String s = samplesDir + "/";
    Path many = null;
    try {
      // named without Files.createTempFile, whose SecureRandom would put some 100 classes of
      // java.security and sun.security in the archive that no CPU command loads
      Path file = Path.of(System.getProperty("java.io.tmpdir"),
          "migcheck-training-" + System.nanoTime() + ".xml");
      String host = Files.readString(Path.of(s + "skylake-a.xml"));
      Files.writeString(file, host.repeat(Math.max(1, (5 << 20) / Math.max(1, host.length()))),
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      many = file;
      List<String[]> runs =
          List.of(
              new String[] {"baseline", s + "skylake-a.xml", s + "cascadelake.xml"},
              new String[] {"baseline", "--features", "--libvirt", "9.0.0",
                s + "skylake-a-domcaps.xml", s + "cascadelake-domcaps.xml"},
              new String[] {"baseline", "--migratable", many.toString()},
              new String[] {"compare", s + "skylake-a.xml", s + "cascadelake.xml"},
              new String[] {"compare", s + "skylake-a.xml", s + "guest-custom.xml"},
              new String[] {"baseline", s + "cascadelake.xml", "-"},
              new String[] {"baseline", "--no-such-option"});
      return run(runs, refusedByTheFastReader(s, "skylake-a.xml", "<capabilities"));
    } catch (IOException e) {
      return List.of(ExitCodes.INTERNAL); // the test shows it; the archive is then smaller
    } finally {
      if (many != null) {
        many.toFile().delete();
      }
    }
  }

  /** Runs each command line; one whose last argument is "-" reads {@code stdin}. */
  private static List<Integer> run(List<String[]> runs, byte[] stdin) {
    List<Integer> codes = new ArrayList<>();
    for (String[] run : runs) {
      Warmup.startFor(run);
      PrintWriter none = new PrintWriter(Writer.nullWriter());
      InputStream in = run[run.length - 1].equals("-")
          ? new ByteArrayInputStream(stdin) : InputStream.nullInputStream();
      codes.add(new Cli(none, none, in).run(run));
    }
    return codes;
  }

  /**
   * A guest with a non-ASCII comment, which the fast reader hands back: JAXB maps it, so its
   * classes are in the archive for the inputs that need it.
   */
  private static byte[] refusedByTheFastReader(String samples) {
    return refusedByTheFastReader(samples, "guest-custom.xml", "<domain");
  }

  /** The sample {@code file} with a non-ASCII comment after its root's start tag {@code root}. */
  private static byte[] refusedByTheFastReader(String samples, String file, String root) {
    try {
      String doc = Files.readString(Path.of(samples + file));
      int at = doc.indexOf('>', doc.indexOf(root)) + 1;
      String marked = doc.substring(0, at) + "<!-- \u00e9 -->" + doc.substring(at);
      return marked.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new byte[0]; // the run then fails and the test shows it
    }
  }
}
