package org.migcheck.read;

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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.migcheck.InputException;
import org.migcheck.xml.FastXmlReader;
import org.migcheck.xml.ParseErrors;

/**
 * Reads the documents of command-line inputs (files, directories of {@code *.xml}, {@code -},
 * several concatenated documents per file) through one {@link Framer}, one {@link Tokens} front and
 * a {@link Profile}, in parallel: documents are named {@code file} or {@code file#N}, and bad input
 * fails with the file and line ({@link org.migcheck.InputException}) the same way for every
 * profile.
 *
 * <p>One thread cuts large files into documents; a pool parses them and runs the caller's
 * per-document work. Small files (one host each, typically) are read, cut and parsed whole by the
 * pool, so that reading a directory of 100,000 files uses every core too; a single small file is
 * read on the calling thread, which keeps short commands quick to start. Results reach the
 * caller's sink on the calling thread in input order. At most a bounded number of tasks is in
 * flight, so memory does not grow with the input.
 */
public final class DocumentReader {
  /**
   * Tasks queued per parsing thread. A task is a group of up to eight documents or 64 KB ({@link
   * Group}): 16 groups held a 10,000-host fleet's peak RSS 3 MB higher (more read buffers
   * pinned); with 4 it is what 16 single documents gave, at 10,000 and 100,000 hosts, and
   * baseline is as quick.
   */
  private static final int IN_FLIGHT_PER_THREAD = 4;

  /**
   * The framer's read buffers: documents are slices of them, so a buffer is reused once all its
   * documents are parsed (with the tasks in flight, a handful of buffers are in use at a time).
   */
  private static final int BLOCK_SIZE = 1 << 20;

  private static final int IDLE_BLOCKS = 4;

  /** Files up to this size are read, cut and parsed by one worker. */
  public static final long WHOLE_FILE_LIMIT = 4 << 20;

  /** The results of one task in input order, and the error that stopped it, if any. */
  private record Batch<T>(List<T> results, RuntimeException error) {}

  private final Supplier<InputStream> stdin;
  private final int threads;
  private final long wholeFileLimit;
  private final ThreadLocal<Tokens> tokens = new PerThreadTokens();

  // The reading path has no lambdas or method references: baseline's warm-up thread runs it
  // first thing on a cold JVM, where linking each costs 0.1-0.15 ms and the first one several ms.

  private static final class PerThreadTokens extends ThreadLocal<Tokens> {
    @Override
    protected Tokens initialValue() {
      return new Tokens();
    }
  }

  public DocumentReader(Supplier<InputStream> stdin, int threads) {
    this(stdin, threads, WHOLE_FILE_LIMIT);
  }

  /** @param wholeFileLimit files up to this size are read whole by a worker (tests use 0) */
  public DocumentReader(Supplier<InputStream> stdin, int threads, long wholeFileLimit) {
    this.stdin = stdin;
    this.threads = Math.max(1, threads);
    this.wholeFileLimit = wholeFileLimit;
  }

  /** A reader using every processor. */
  public DocumentReader(Supplier<InputStream> stdin) {
    this(stdin, Runtime.getRuntime().availableProcessors());
  }

  /** {@link #read(List, Profile, Function, Consumer)} of the files the arguments name. */
  public <D, T> void readArgs(
      List<String> args, Profile<D> profile, Function<D, T> work, Consumer<T> sink) {
    read(Inputs.resolve(args), profile, work, sink);
  }

  /**
   * Reads all documents of the files with {@code profile}, skipping those it skips. {@code work}
   * runs on the parsing threads (it must be thread-safe); {@code sink} receives its results on the
   * calling thread, in input order. Stops at the first error, after the sink has had every result
   * before it.
   */
  public <D, T> void read(
      List<InputFile> files, Profile<D> profile, Function<D, T> work, Consumer<T> sink) {
    EachDocument<D, T> each = new EachDocument<>(tokens, profile, work);
    if (files.size() == 1 && small(files.get(0))) {
      Batch<T> batch = whole(files.get(0), each);
      batch.results().forEach(sink);
      if (batch.error() != null) {
        throw batch.error();
      }
      return;
    }
    BlockingQueue<Future<Batch<T>>> queue = new ArrayBlockingQueue<>(threads * IN_FLIGHT_PER_THREAD);
    Future<Batch<T>> end = new CompletableFuture<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, new ParseThreads());
    Thread producer = new Thread("migcheck-split") {
      @Override
      public void run() {
        split(files, each, pool, queue, end);
      }
    };
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
      throw new IllegalStateException("interrupted while reading", e);
    } finally {
      producer.interrupt();
      pool.shutdownNow();
    }
  }

  /** A chunk's document through the profile, then the caller's work (empty when skipped). */
  private static final class EachDocument<D, T> implements Function<Chunk, List<T>> {
    private final ThreadLocal<Tokens> tokens;
    private final Profile<D> profile;
    private final Function<D, T> work;
    private final String[] prescan;

    EachDocument(ThreadLocal<Tokens> tokens, Profile<D> profile, Function<D, T> work) {
      this.tokens = tokens;
      this.profile = profile;
      this.work = work;
      this.prescan = profile.prescan();
    }

    /** A framer cutting as the profile reads: with its prescan, when it has one. */
    Framer framer(Framer f) {
      return f.prescan(prescan);
    }

    /**
     * Before a large file: the profile's prescan warmed up ({@link FastXmlReader#warmPrescan}) on
     * the calling thread, which cuts the documents, and the profile itself ({@link
     * Profile#warmUp}) on a parsing thread, which has nothing to do until the first are cut.
     */
    void warmUp(ExecutorService pool) {
      if (prescan != null) {
        pool.execute(new ProfileWarmUp(profile));
        FastXmlReader.warmPrescan(prescan[0], prescan[1], prescan[2]);
      }
    }

    @Override
    public List<T> apply(Chunk chunk) {
      D doc = tokens.get().read(chunk, profile);
      return doc == null ? List.of() : List.of(work.apply(doc));
    }
  }

  private static final class ProfileWarmUp implements Runnable {
    private final Profile<?> profile;

    ProfileWarmUp(Profile<?> profile) {
      this.profile = profile;
    }

    @Override
    public void run() {
      profile.warmUp();
    }
  }

  private static final class ParseThreads implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "migcheck-parse");
      t.setDaemon(true);
      return t;
    }
  }

  private <T> void split(
      List<InputFile> files,
      EachDocument<?, T> work,
      ExecutorService pool,
      BlockingQueue<Future<Batch<T>>> queue,
      Future<Batch<T>> end) {
    try {
      try {
        Blocks blocks = new Blocks(BLOCK_SIZE, IDLE_BLOCKS);
        for (InputFile f : files) {
          if (small(f)) {
            queue.put(pool.submit(new WholeFile<>(f, work)));
          } else {
            split(f, blocks, work, pool, queue);
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

  /**
   * Queues the documents of one file, a few per task ({@link Group}); each task releases its
   * chunks once it has read them.
   */
  private <T> void split(
      InputFile f,
      Blocks blocks,
      EachDocument<?, T> work,
      ExecutorService pool,
      BlockingQueue<Future<Batch<T>>> queue)
      throws InterruptedException {
    Group<T> group = new Group<>(work, pool, queue);
    try {
      InputStream in = open(f);
      try {
        work.warmUp(pool); // a large file (or standard input): thousands of documents
        work.framer(new Framer(f.name(), in, blocks)).run(group);
        group.flush();
      } catch (IOException | RuntimeException e) {
        group.flush(); // the documents before an error the framer met are read all the same
        throw e;
      } finally {
        if (!f.isStdin()) {
          in.close();
        }
      }
    } catch (IOException e) {
      throw ParseErrors.convert(e, f.name());
    }
  }

  /**
   * Gathers consecutive documents into one task, up to {@value #GROUP_DOCUMENTS} or
   * {@value #GROUP_BYTES} bytes. One task per document cost every document a queue hand-off and
   * wake-ups on both sides: a thousand hosts of 8.5 KB read some 10% sooner in groups of eight
   * (bench/baseline.sh), with less CPU.
   */
  private static final class Group<T> implements Framer.Sink {
    private final Function<Chunk, List<T>> work;
    private final ExecutorService pool;
    private final BlockingQueue<Future<Batch<T>>> queue;
    private List<Chunk> chunks = new ArrayList<>(GROUP_DOCUMENTS);
    private long bytes;

    Group(Function<Chunk, List<T>> work, ExecutorService pool,
        BlockingQueue<Future<Batch<T>>> queue) {
      this.work = work;
      this.pool = pool;
      this.queue = queue;
    }

    @Override
    public void accept(Chunk chunk) throws InterruptedException {
      chunks.add(chunk);
      bytes += chunk.end() - chunk.offset();
      if (chunks.size() >= GROUP_DOCUMENTS || bytes >= GROUP_BYTES) {
        flush();
      }
    }

    void flush() throws InterruptedException {
      if (chunks.isEmpty()) {
        return;
      }
      List<Chunk> mine = chunks;
      chunks = new ArrayList<>(GROUP_DOCUMENTS);
      bytes = 0;
      queue.put(pool.submit(new GroupTask<>(mine, work)));
    }
  }

  private static final int GROUP_DOCUMENTS = 8;

  private static final int GROUP_BYTES = 64 << 10;

  private static final class GroupTask<T> implements Callable<Batch<T>> {
    private final List<Chunk> chunks;
    private final Function<Chunk, List<T>> work;

    GroupTask(List<Chunk> chunks, Function<Chunk, List<T>> work) {
      this.chunks = chunks;
      this.work = work;
    }

    @Override
    public Batch<T> call() {
      return readGroup(chunks, work);
    }
  }

  private static final class WholeFile<T> implements Callable<Batch<T>> {
    private final InputFile file;
    private final EachDocument<?, T> work;

    WholeFile(InputFile file, EachDocument<?, T> work) {
      this.file = file;
      this.work = work;
    }

    @Override
    public Batch<T> call() {
      return whole(file, work);
    }
  }

  /** The documents of one group in order, up to the first error; every chunk is released. */
  private static <T> Batch<T> readGroup(List<Chunk> chunks, Function<Chunk, List<T>> work) {
    List<T> out = new ArrayList<>(chunks.size());
    RuntimeException error = null;
    for (Chunk c : chunks) {
      try {
        if (error == null) {
          out.addAll(work.apply(c));
        }
      } catch (RuntimeException e) {
        error = e;
      } finally {
        c.release();
      }
    }
    return new Batch<>(out, error);
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
  private static <T> Batch<T> whole(InputFile f, EachDocument<?, T> work) {
    List<T> out = new ArrayList<>(1);
    try {
      byte[] bytes = read(f);
      work.framer(new Framer(f.name(), bytes)).run(new AddAll<>(out, work));
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

  /** Each document's results added to one list. */
  private static final class AddAll<T> implements Framer.Sink {
    private final List<T> out;
    private final Function<Chunk, List<T>> work;

    AddAll(List<T> out, Function<Chunk, List<T>> work) {
      this.out = out;
      this.work = work;
    }

    @Override
    public void accept(Chunk chunk) {
      out.addAll(work.apply(chunk));
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
