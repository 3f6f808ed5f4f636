package org.migcheck.fleet.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.migcheck.InputException;
import org.migcheck.input.InputFile;
import org.migcheck.input.Inputs;
import org.migcheck.parse.ParseErrors;

/**
 * Reads host capabilities and domain capabilities for fleet analysis, fast: inputs are the input
 * layer's (files, directories of {@code *.xml}, {@code -}, several concatenated documents per file),
 * documents are named the same way ({@code file} or {@code file#N}) and bad input fails the same
 * way (file and line, {@link InputException}).
 *
 * <p>One thread cuts large files into documents ({@link DocumentSplitter}); a pool parses them with
 * StAX, keeping only what fleet analysis uses, and runs the caller's per-document work. Small
 * files (one host each, typically) are read, cut and parsed whole by the pool, so that reading a
 * directory of 100,000 files uses every core too. Results reach the caller's sink on the calling
 * thread in input order. At most a bounded number of tasks is in flight, so memory does not grow
 * with the input.
 *
 * <p>What is not read is not validated either: a malformed value in, say, the host NUMA topology
 * goes unnoticed here, while the full parser ({@link org.migcheck.input.InputReader}) rejects it.
 */
public final class FleetReader {
  private static final int IN_FLIGHT_PER_THREAD = 16;

  /** Files up to this size are read, cut and parsed by one worker. */
  static final long WHOLE_FILE_LIMIT = 4 << 20;

  /** The results of one task in input order, and the error that stopped it, if any. */
  private record Batch<T>(List<T> results, RuntimeException error) {}

  private final Supplier<InputStream> stdin;
  private final int threads;
  private final long wholeFileLimit;
  private final ThreadLocal<ChunkParser> parsers = ThreadLocal.withInitial(ChunkParser::new);

  public FleetReader(Supplier<InputStream> stdin, int threads) {
    this(stdin, threads, WHOLE_FILE_LIMIT);
  }

  /** @param wholeFileLimit files up to this size are read whole by a worker (tests use 0) */
  FleetReader(Supplier<InputStream> stdin, int threads, long wholeFileLimit) {
    this.stdin = stdin;
    this.threads = Math.max(1, threads);
    this.wholeFileLimit = wholeFileLimit;
  }

  /** A reader using every processor. */
  public FleetReader(Supplier<InputStream> stdin) {
    this(stdin, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Reads all documents of the arguments. {@code work} runs on the parsing threads (it must be
   * thread-safe); {@code sink} receives its results on the calling thread, in input order. Stops
   * at the first error, after the sink has had every result before it.
   */
  public <T> void read(List<String> args, Function<FleetDocument, T> work, Consumer<T> sink) {
    readFiles(Inputs.resolve(args), work, sink);
  }

  /** {@link #read(List, Function, Consumer)} for files already resolved. */
  public <T> void readFiles(List<InputFile> files, Function<FleetDocument, T> work, Consumer<T> sink) {
    BlockingQueue<Future<Batch<T>>> queue = new ArrayBlockingQueue<>(threads * IN_FLIGHT_PER_THREAD);
    Future<Batch<T>> end = new CompletableFuture<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "migcheck-parse");
              t.setDaemon(true);
              return t;
            });
    Thread producer =
        new Thread(() -> split(files, work, pool, queue, end), "migcheck-split");
    producer.setDaemon(true);
    producer.start();
    try {
      while (true) {
        Future<Batch<T>> next = queue.take();
        if (next == end) {
          return;
        }
        Batch<T> batch = result(next);
        batch.results().forEach(sink);
        if (batch.error() != null) {
          throw batch.error();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the fleet", e);
    } finally {
      producer.interrupt();
      pool.shutdownNow();
    }
  }

  private <T> void split(
      List<InputFile> files,
      Function<FleetDocument, T> work,
      ExecutorService pool,
      BlockingQueue<Future<Batch<T>>> queue,
      Future<Batch<T>> end) {
    try {
      try {
        byte[] buffer = new byte[1 << 16];
        for (InputFile f : files) {
          if (small(f)) {
            queue.put(pool.submit(() -> whole(f, work)));
          } else {
            buffer = split(f, buffer, work, pool, queue);
          }
        }
      } catch (RuntimeException | Error e) {
        queue.put(CompletableFuture.failedFuture(e));
      }
      queue.put(end);
    } catch (InterruptedException stopped) {
      // the reader gave up (an error, or its caller stopped): nobody waits for more
    }
  }

  /** Queues the documents of one file; returns the (possibly grown) buffer for the next. */
  private <T> byte[] split(
      InputFile f,
      byte[] buffer,
      Function<FleetDocument, T> work,
      ExecutorService pool,
      BlockingQueue<Future<Batch<T>>> queue)
      throws InterruptedException {
    try {
      InputStream in = open(f);
      try {
        DocumentSplitter splitter = new DocumentSplitter(f.name(), in, buffer);
        splitter.run(
            chunk -> queue.put(pool.submit(() -> new Batch<>(List.of(work.apply(parsers.get().parse(chunk))), null))));
        return splitter.buffer();
      } finally {
        if (!f.isStdin()) {
          in.close();
        }
      }
    } catch (IOException e) {
      throw ParseErrors.convert(e, f.name());
    }
  }

  /** One stat: a regular file small enough to read whole. */
  private boolean small(InputFile f) {
    if (f.isStdin()) {
      return false;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class);
      return a.isRegularFile() && a.size() <= wholeFileLimit;
    } catch (IOException e) {
      return false; // the splitter path reports why the file cannot be read
    }
  }

  /** One small file, on a worker: its results up to its first error. */
  private <T> Batch<T> whole(InputFile f, Function<FleetDocument, T> work) {
    List<T> out = new ArrayList<>(1);
    try {
      byte[] bytes = read(f);
      new DocumentSplitter(f.name(), bytes).run(chunk -> out.add(work.apply(parsers.get().parse(chunk))));
      return new Batch<>(out, null);
    } catch (IOException e) {
      return new Batch<>(out, ParseErrors.convert(e, f.name()));
    } catch (RuntimeException e) {
      return new Batch<>(out, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Batch<>(out, new IllegalStateException("interrupted", e));
    }
  }

  /** A small regular file's bytes, failing like {@link #open}. */
  private static byte[] read(InputFile f) throws IOException {
    try {
      return Files.readAllBytes(f.path());
    } catch (NoSuchFileException e) {
      throw new InputException(f.name(), "no such file or directory");
    } catch (AccessDeniedException e) {
      throw new InputException(f.name(), "cannot read: permission denied");
    }
  }

  private InputStream open(InputFile f) throws IOException {
    if (f.isStdin()) {
      return stdin.get();
    }
    try {
      if (Files.isDirectory(f.path())) {
        throw new InputException(f.name(), "is a directory, expected a file");
      }
      return Files.newInputStream(f.path());
    } catch (NoSuchFileException e) {
      throw new InputException(f.name(), "no such file or directory");
    } catch (AccessDeniedException e) {
      throw new InputException(f.name(), "cannot read: permission denied");
    }
  }

  private static <T> T result(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
