package org.migcheck.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.migcheck.InputException;
import org.migcheck.model.CpuDef;
import org.migcheck.model.ParsedDocument;
import org.migcheck.read.InputFile;

/**
 * What small files hold, read ahead on a second core while the command line is still being parsed
 * (the CLI's warm-up), then handed to the first reader of the same, unchanged file: whole
 * documents ({@link #DOCUMENTS}, which {@link InputReader} takes) or the CPUs virsh would find
 * ({@link #CPUS}, for baseline). A read ahead replays exactly what reading would have done: the
 * items in order, then the error that stopped it, if any; anything else (the file changed, the
 * read ahead met something other than bad input) makes the reader read the file itself. Whoever
 * comes first claims a file: a reader that finds one not started yet reads it at once itself,
 * and the read-ahead skips it.
 *
 * @param <E> what a file is read into, item by item
 */
public final class ReadAhead<E> {
  /** How a file is read: its items to the sink in order, or an InputException after some. */
  private interface Reading<E> {
    void read(InputReader reader, InputFile file, Consumer<E> sink);
  }

  // Named classes, not lambdas: this runs on the main thread before the warm-up thread starts,
  // and the run's first lambda costs some 5 ms of java.lang.invoke set-up.

  /** Whole documents, as {@link InputReader} reads them with the full profile. */
  public static final ReadAhead<ParsedDocument> DOCUMENTS = new ReadAhead<>(new Documents());

  /** The CPUs of a file, as {@link InputReader#extractCpus(String)} finds them. */
  public static final ReadAhead<CpuDef> CPUS = new ReadAhead<>(new Cpus());

  private static final class Documents implements Reading<ParsedDocument> {
    @Override
    public void read(InputReader reader, InputFile file, Consumer<ParsedDocument> sink) {
      reader.readDirect(file, sink);
    }
  }

  private static final class Cpus implements Reading<CpuDef> {
    @Override
    public void read(InputReader reader, InputFile file, Consumer<CpuDef> sink) {
      for (CpuDef cpu : reader.extractCpus(file.name())) {
        sink.accept(cpu);
      }
    }
  }

  private static final class Add<E> implements Consumer<E> {
    private final List<E> items;

    Add(List<E> items) {
      this.items = items;
    }

    @Override
    public void accept(E item) {
      items.add(item);
    }
  }

  private final Reading<E> reading;
  private final Map<Path, Entry<E>> entries = new ConcurrentHashMap<>();

  private ReadAhead(Reading<E> reading) {
    this.reading = reading;
  }

  /** What reading one file gave: its items and the bad input that ended it, if any. */
  private record Outcome<E>(List<E> items, InputException error) {}

  /**
   * A promised file (its name, {@code file.toString()}, is what items' sources come from), its
   * state when promised, who has claimed it, and the outcome of the read-ahead's reading.
   */
  private record Entry<E>(Path file, long size, long modified, AtomicBoolean claimed,
      CompletableFuture<Outcome<E>> outcome) {}

  /** Read ahead only this much in all: more is not a short command's input. */
  private static final long MAX_BYTES = 16 << 20;

  private static final int MAX_FILES = 64;

  /**
   * The files host and guest arguments name, as {@link InputPlan} reads them (a comma-separated
   * host's files, a directory's {@code *.xml} files, a capabilities file's domcapabilities found
   * beside it), under the names reading gives them; only local {@code *.xml} files, and none at
   * all past {@value #MAX_FILES} files or 16 MiB. Never throws: what is odd is left to the command.
   */
  public static List<Path> filesOf(List<String> args) {
    List<Path> out = new ArrayList<>();
    try {
      for (String arg : args) {
        boolean explicit = arg.contains(",");
        for (String part : arg.split(",")) {
          if (part.isEmpty() || part.equals("-")) {
            continue;
          }
          Path p = Path.of(part);
          if (Files.isDirectory(p)) {
            try (java.util.stream.Stream<Path> list = Files.list(p)) {
              list.filter(f -> f.getFileName().toString().endsWith(".xml"))
                  .sorted()
                  .forEach(out::add);
            }
          } else if (part.endsWith(".xml") && Files.isRegularFile(p)) {
            out.add(p);
            if (!explicit && !HostPairing.isDomcapsName(p.getFileName().toString())) {
              for (String sibling : HostPairing.domcapsNames(p.getFileName().toString())) {
                if (Files.isRegularFile(p.resolveSibling(sibling))) {
                  out.add(p.resolveSibling(sibling));
                  break;
                }
              }
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    long bytes = 0;
    for (Path f : out) {
      BasicFileAttributes a = attributes(f);
      bytes += a == null ? 0 : a.size();
    }
    return out.size() <= MAX_FILES && bytes <= MAX_BYTES ? out : List.of();
  }

  /** The files promised by one call, which {@link #readAll} reads. */
  public static final class Promised<E> {
    private final List<Entry<E>> entries = new ArrayList<>();

    public boolean isEmpty() {
      return entries.isEmpty();
    }

    /** The promised files' size in bytes, as promised. */
    public long bytes() {
      long n = 0;
      for (Entry<E> e : entries) {
        n += e.size();
      }
      return n;
    }
  }

  /**
   * Promises these files: a later read of one takes what {@link #readAll} read, or reads the file
   * itself when {@code readAll} has not started it. Files already promised are skipped.
   */
  public Promised<E> promise(List<Path> files) {
    Promised<E> out = new Promised<>();
    for (Path f : files) {
      Path key = key(f);
      BasicFileAttributes a = attributes(f);
      if (key == null || a == null || !a.isRegularFile()) {
        continue;
      }
      Entry<E> e = new Entry<>(f, a.size(), a.lastModifiedTime().toMillis(), new AtomicBoolean(),
          new CompletableFuture<>());
      if (entries.putIfAbsent(key, e) == null) {
        out.entries.add(e);
      }
    }
    return out;
  }

  /**
   * Reads the promised files no reader has claimed, in order, on the calling thread. A file it
   * claims always gets an outcome; one it never reaches stays unclaimed, for its reader to read:
   * no reader waits for a read-ahead that stopped.
   */
  public void readAll(Promised<E> promised) {
    if (promised.entries.isEmpty()) {
      return; // most commands promise one kind only: no reader for the other
    }
    InputReader reader = new InputReader();
    for (Entry<E> e : promised.entries) {
      readOne(reader, e);
    }
  }

  private void readOne(InputReader reader, Entry<E> e) {
    if (!e.claimed().compareAndSet(false, true)) {
      return; // a reader got to it first and reads it itself
    }
    List<E> items = new ArrayList<>();
    try {
      reading.read(reader, new InputFile(e.file().toString(), e.file()), new Add<>(items));
      e.outcome().complete(new Outcome<>(items, null));
    } catch (InputException bad) {
      e.outcome().complete(new Outcome<>(items, bad));
    } catch (RuntimeException | Error other) {
      // the reader meets it again itself and reports it its own way
      e.outcome().completeExceptionally(other);
    }
  }

  /** Whether {@code file} was promised and not yet taken (cheap when nothing was promised). */
  public boolean promised(InputFile file) {
    if (file.isStdin() || entries.isEmpty()) {
      return false;
    }
    Path key = key(file.path());
    return key != null && entries.containsKey(key);
  }

  /**
   * Replays the read-ahead outcome of {@code file} to {@code sink} and returns true; false when
   * there is none to use (never promised, already taken, changed since, failed oddly). An entry is
   * used once.
   */
  public boolean replay(InputFile file, Consumer<E> sink) {
    if (file.isStdin() || entries.isEmpty()) {
      return false;
    }
    Path key = key(file.path());
    Entry<E> e = key == null ? null : entries.remove(key);
    if (e == null || !e.file().toString().equals(file.name())) {
      return false; // a document's source is its file's name: read under another, read again
    }
    if (e.claimed().compareAndSet(false, true)) {
      return false; // not started yet: the caller reads it now rather than wait for its turn
    }
    Outcome<E> o;
    try {
      o = e.outcome().join();
    } catch (RuntimeException failed) {
      return false;
    }
    BasicFileAttributes now = attributes(file.path());
    if (now == null || now.size() != e.size() || now.lastModifiedTime().toMillis() != e.modified()) {
      return false;
    }
    o.items().forEach(sink);
    if (o.error() != null) {
      throw o.error();
    }
    return true;
  }

  private static Path key(Path f) {
    try {
      return f.toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static BasicFileAttributes attributes(Path f) {
    try {
      return Files.readAttributes(f, BasicFileAttributes.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
