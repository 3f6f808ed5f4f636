package org.migcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.input.ReadAhead;
import org.migcheck.model.CpuDef;
import org.migcheck.model.ParsedDocument;

/**
 * Start-up work done on a second core while picocli parses the command line (tens of ms on a
 * cold JVM): loading the bundled cpu_map, reading ahead the host and guest documents of check,
 * inspect, diff and suggest ({@link ReadAhead}), and for {@code baseline} the CPUs of its input
 * files. Results are lazily built singletons or single-use entries the command takes if they
 * match what it would compute itself, so output never depends on the warm-up. No JAXB context is
 * built ahead: documents the fast reader takes are bound without JAXB, and building it for the
 * rare one it hands back would cost every command a core for nothing.
 */
final class Warmup {
  private Warmup() {}

  /** Options that print something and exit without reading a document. */
  private static final Set<String> NO_DOCUMENTS = Set.of("-h", "--help", "-V", "--version", "help");

  /** The commands that read whole host and guest documents, which are read ahead. */
  private static final Set<String> DOCUMENT_COMMANDS = Set.of("check", "inspect", "diff", "suggest");

  /** Options whose value is a file or directory that is not a document to read ahead. */
  private static final Set<String> NOT_DOCUMENTS =
      Set.of("--cpu-map", "-o", "--output", "--policy", "--from");

  /** Commands that never use the bundled cpu_map's warm-up. */
  private static final Set<String> NO_MAP = Set.of("collect");

  static void startFor(String[] args) {
    // plain loops, no streams or lambdas: the first lambda of a run costs the JVM some 5 ms of
    // java.lang.invoke set-up, which --version waited for here
    if (args.length == 0 || any(args, NO_DOCUMENTS, null)) {
      return;
    }
    // the bundled maps only: the newest, or --libvirt's; --cpu-map picks another one
    boolean bundledMap = !NO_MAP.contains(args[0]) && !any(args, null, "--cpu-map");
    String libvirt = optionValue(args, "--libvirt");
    boolean baseline = args[0].equals("baseline");
    ReadAhead.Promised<CpuDef> cpus =
        ReadAhead.CPUS.promise(baseline ? regularFiles(args) : List.of());
    ReadAhead.Promised<ParsedDocument> documents = ReadAhead.DOCUMENTS.promise(
        DOCUMENT_COMMANDS.contains(args[0]) ? ReadAhead.filesOf(documentArguments(args)) : List.of());
    if (!bundledMap && cpus.isEmpty() && documents.isEmpty()) {
      return; // nothing this command would use
    }
    Thread t = new Thread("migcheck-warmup") { // not a lambda: see the comment above
      @Override
      public void run() {
        Warmup.run(bundledMap, libvirt, cpus, documents);
      }
    };
    t.setDaemon(true);
    t.start();
  }

  /** Whether an argument is in {@code names} or starts with {@code prefix} (either may be null). */
  private static boolean any(String[] args, Set<String> names, String prefix) {
    for (String a : args) {
      if (names != null && names.contains(a) || prefix != null && a.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The value of an option given as {@code NAME VALUE} or {@code NAME=VALUE}, else null. */
  private static String optionValue(String[] args, String name) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return null;
  }

  /** The arguments after the command that may name documents: neither options nor their values. */
  private static List<String> documentArguments(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (NOT_DOCUMENTS.contains(args[i])) {
        i++; // and its value
      } else if (!args[i].startsWith("-")) {
        out.add(args[i]);
      }
    }
    return out;
  }

  /** The arguments that name regular files: candidates for baseline's inputs. */
  private static List<Path> regularFiles(String[] args) {
    List<Path> out = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("-") && Files.isRegularFile(Path.of(args[i]))) {
        out.add(Path.of(args[i]));
      }
    }
    return out;
  }

  /**
   * Baseline input from this size on is read before the map is loaded: reading it takes longer
   * than the map (some 10 ms), which the command then loads itself while it waits (BaselineCommand).
   */
  static final long READ_FIRST_BYTES = 1 << 20;

  private static void run(boolean bundledMap, String libvirt, ReadAhead.Promised<CpuDef> cpus,
      ReadAhead.Promised<ParsedDocument> documents) {
    boolean cpusFirst = cpus.bytes() >= READ_FIRST_BYTES;
    if (cpusFirst) {
      ReadAhead.CPUS.readAll(cpus);
    }
    try {
      if (bundledMap && libvirt != null) {
        CpuMapLoader.forLibvirt(libvirt, "--libvirt");
      } else if (bundledMap) {
        CpuMapLoader.bundled();
      }
    } catch (RuntimeException | LinkageError e) {
      // the command meets the same problem itself and reports it properly
    }
    // should this thread die, a file it has not claimed is read by the command itself
    ReadAhead.DOCUMENTS.readAll(documents);
    if (!cpusFirst) {
      ReadAhead.CPUS.readAll(cpus);
    }
  }
}
