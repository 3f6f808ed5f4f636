package org.migcheck.cli;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.input.InputReader;

/**
 * Start-up work done on a second core while picocli parses the command line: loading the bundled
 * cpu_map and building the JAXB context (the two costliest first uses). Both are lazily built,
 * thread-safe singletons, so the command simply finds them ready, or waits for them. In the same
 * order the commands use them, so the two threads never wait on each other in a cycle.
 */
final class Warmup {
  private Warmup() {}

  /** Options that print something and exit without reading a document. */
  private static final Set<String> NO_DOCUMENTS = Set.of("-h", "--help", "-V", "--version", "help");

  private static final byte[] TINY = "<cpu/>".getBytes(StandardCharsets.US_ASCII);

  static void startFor(String[] args) {
    if (args.length == 0 || List.of(args).stream().anyMatch(NO_DOCUMENTS::contains)) {
      return;
    }
    boolean bundledMap = List.of(args).stream().noneMatch(a -> a.startsWith("--cpu-map"));
    Thread t = new Thread(() -> run(bundledMap), "migcheck-warmup");
    t.setDaemon(true);
    t.start();
  }

  private static void run(boolean bundledMap) {
    try {
      if (bundledMap) {
        CpuMapLoader.bundled();
      }
      new InputReader(() -> new ByteArrayInputStream(TINY)).readAll(List.of("-"));
    } catch (RuntimeException | LinkageError e) {
      // the command meets the same problem itself and reports it properly
    }
  }
}
