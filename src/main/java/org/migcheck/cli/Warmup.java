package org.migcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.input.InputReader;
import org.migcheck.input.ReadAhead;
import org.migcheck.model.CpuDef;

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

  /** A file's CPUs read ahead, with the file's state when it was read. */
  private record Prefetch(long size, long modified, CompletableFuture<List<CpuDef>> cpus) {}

  private static final Map<String, Prefetch> PREFETCHED = new ConcurrentHashMap<>();

  static void startFor(String[] args) {
    // plain loops, no streams or lambdas: the first lambda of a run costs the JVM ~15 ms of
    // java.lang.invoke set-up, which --version and the main thread would wait for here
    if (args.length == 0 || any(args, NO_DOCUMENTS, null)) {
      return;
    }
    // the bundled maps only: the newest, or --libvirt's; --cpu-map picks another one
    boolean bundledMap = !NO_MAP.contains(args[0]) && !any(args, null, "--cpu-map");
    String libvirt = optionValue(args, "--libvirt");
    boolean baseline = args[0].equals("baseline");
    List<Path> files = baseline ? regularFiles(args) : List.of();
    ReadAhead.Promised documents = ReadAhead.promise(
        DOCUMENT_COMMANDS.contains(args[0]) ? ReadAhead.filesOf(documentArguments(args)) : List.of());
    if (!bundledMap && files.isEmpty() && documents.isEmpty()) {
      return; // nothing this command would use
    }
    boolean map = bundledMap;
    // the thread gets the futures themselves: the command may take an entry out of the map
    // before the thread reaches it, and still waits for its future
    List<CompletableFuture<List<CpuDef>>> futures = new ArrayList<>();
    for (Path f : files) {
      CompletableFuture<List<CpuDef>> cpus = new CompletableFuture<>();
      futures.add(cpus);
      PREFETCHED.put(f.toString(), state(f, cpus));
    }
    Thread t =
        new Thread(() -> run(map, libvirt, files, futures, documents), "migcheck-warmup");
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

  private static Prefetch state(Path f, CompletableFuture<List<CpuDef>> cpus) {
    try {
      return new Prefetch(Files.size(f), Files.getLastModifiedTime(f).toMillis(), cpus);
    } catch (java.io.IOException e) {
      return new Prefetch(-1, -1, cpus);
    }
  }

  private static void run(
      boolean bundledMap,
      String libvirt,
      List<Path> files,
      List<CompletableFuture<List<CpuDef>>> futures,
      ReadAhead.Promised documents) {
    try {
      if (bundledMap && libvirt != null) {
        CpuMapLoader.forLibvirt(libvirt, "--libvirt");
      } else if (bundledMap) {
        CpuMapLoader.bundled();
      }
    } catch (RuntimeException | LinkageError e) {
      // the command meets the same problem itself and reports it properly
    } finally {
      ReadAhead.readAll(documents); // whatever happened: the command may be waiting for them
    }
    InputReader reader = new InputReader();
    for (int i = 0; i < files.size(); i++) {
      CompletableFuture<List<CpuDef>> cpus = futures.get(i);
      try {
        cpus.complete(reader.extractCpus(files.get(i).toString()));
      } catch (RuntimeException | Error e) {
        // errors too (out of memory): the command waits for this and must not wait forever
        cpus.completeExceptionally(e);
      }
    }
  }


  /**
   * The CPUs read ahead for this file argument, or null when there are none or the file changed
   * since. An entry is used once; a failure is rethrown as the command would have met it.
   */
  static List<CpuDef> takeCpus(String arg) {
    Prefetch p = PREFETCHED.remove(arg);
    if (p == null || !p.equals(state(Path.of(arg), p.cpus()))) {
      return null;
    }
    try {
      return p.cpus().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
