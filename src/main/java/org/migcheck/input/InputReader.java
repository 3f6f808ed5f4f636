package org.migcheck.input;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.migcheck.InputException;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuType;
import org.migcheck.model.ParsedDocument;
import org.migcheck.parse.DocumentParser;
import org.migcheck.parse.RawDocument;
import org.migcheck.read.DocumentReader;
import org.migcheck.read.InputFile;
import org.migcheck.read.Inputs;

/**
 * Reads libvirt XML documents named on the command line: files, directories of {@code *.xml} files
 * and {@code -} for standard input. A file may hold several concatenated documents, each with or
 * without its own XML declaration (the form {@code virsh cpu-baseline} reads). Reading goes
 * through the one read path ({@link DocumentReader}) with the full profile, or the CPU profile for
 * {@link #extractCpus}.
 *
 * <p>Every problem caused by the input is an {@link InputException} naming the file and, when
 * known, the line. Instances are cheap; they hold no state between calls and may be shared by
 * threads.
 */
public final class InputReader {
  private final DocumentReader reader;

  public InputReader() {
    this(new StandardInput());
  }

  // No lambdas on the CPU path: baseline's warm-up thread runs it first thing on a cold JVM (see
  // DocumentReader).

  private static final class StandardInput implements Supplier<InputStream> {
    @Override
    public InputStream get() {
      return System.in;
    }
  }

  /** A document's CPUs as {@link RawDocument#extractCpus} finds them. */
  private static final class CpusOf implements Function<RawDocument, List<CpuDef>> {
    private final CpuType type;

    CpusOf(CpuType type) {
      this.type = type;
    }

    @Override
    public List<CpuDef> apply(RawDocument doc) {
      return doc.extractCpus(doc.source(), type);
    }
  }

  private static final class AddAll implements Consumer<List<CpuDef>> {
    private final List<CpuDef> out;

    AddAll(List<CpuDef> out) {
      this.out = out;
    }

    @Override
    public void accept(List<CpuDef> cpus) {
      out.addAll(cpus);
    }
  }

  /** A reader whose {@code -} reads from the given stream instead of System.in. */
  public InputReader(Supplier<InputStream> stdin) {
    this.reader = new DocumentReader(Objects.requireNonNull(stdin));
  }

  /** All documents of all arguments, in order. Holds every document in memory. */
  public List<ParsedDocument> readAll(List<String> args) {
    List<ParsedDocument> out = new ArrayList<>();
    stream(args, out::add);
    return out;
  }

  /**
   * Hands each document to {@code sink} as soon as it is read, in order, holding a bounded number
   * of documents at a time: for fleets too large to keep in memory. Stops at the first error;
   * documents before it have been delivered.
   */
  public void stream(List<String> args, Consumer<ParsedDocument> sink) {
    read(Inputs.resolve(args), sink);
  }

  /** The documents of one resolved input. */
  public void stream(InputFile file, Consumer<ParsedDocument> sink) {
    read(List.of(file), sink);
  }

  /** Reads the files in order; those read ahead ({@link ReadAhead#DOCUMENTS}) are replayed. */
  private void read(List<InputFile> files, Consumer<ParsedDocument> sink) {
    int from = 0;
    for (int i = 0; i < files.size(); i++) {
      if (ReadAhead.DOCUMENTS.promised(files.get(i))) {
        if (from < i) {
          readDirect(files.subList(from, i), sink);
        }
        if (!ReadAhead.DOCUMENTS.replay(files.get(i), sink)) {
          readDirect(files.get(i), sink);
        }
        from = i + 1;
      }
    }
    if (from < files.size()) {
      readDirect(from == 0 ? files : files.subList(from, files.size()), sink);
    }
  }

  /** Reads the files now, on this thread and the reader's pool (no {@link ReadAhead}). */
  void readDirect(List<InputFile> files, Consumer<ParsedDocument> sink) {
    reader.read(files, DocumentParser.FULL, doc -> doc.toDocument(doc.source()), sink);
  }

  void readDirect(InputFile file, Consumer<ParsedDocument> sink) {
    readDirect(List.of(file), sink);
  }

  /**
   * The CPUs {@code virsh cpu-compare} / {@code cpu-baseline} find in one file, in document order,
   * parsed the way libvirt's compare does ("auto": a {@code <cpu>} with {@code <arch>} is a host
   * CPU). See {@link #extractCpus(String, CpuType)}.
   */
  public List<CpuDef> extractCpus(String file) {
    return extractCpus(file, null);
  }

  /**
   * The CPUs virsh finds in one file ({@code -} for standard input): top-level {@code <cpu>},
   * {@code domain/cpu}, {@code capabilities/host/cpu} and domcapabilities host-model blocks
   * (supported='yes', renamed to {@code <cpu>} without attributes), plus the {@code <cpu>} children
   * of a cputest {@code <cpuTest>} list (always host CPUs). Other top-level elements are ignored,
   * as virsh's XPath ignores them.
   *
   * @param type {@link CpuType#HOST} to parse every CPU as {@code cpu-baseline} does, null for auto
   * @throws InputException when a CPU is invalid for libvirt, or when the file holds none: "File 'F'
   *     does not contain any &lt;cpu&gt; element or valid domain XML, host capabilities XML, or
   *     domain capabilities XML"
   */
  public List<CpuDef> extractCpus(String file, CpuType type) {
    InputFile input = Inputs.resolveFile(file);
    List<CpuDef> out = new ArrayList<>();
    reader.read(List.of(input), DocumentParser.CPU_PARTS, new CpusOf(type), new AddAll(out));
    if (out.isEmpty()) {
      throw new InputException(
          input.name(),
          "File '"
              + input.name()
              + "' does not contain any <cpu> element or valid domain XML, host capabilities XML,"
              + " or domain capabilities XML");
    }
    return out;
  }
}
