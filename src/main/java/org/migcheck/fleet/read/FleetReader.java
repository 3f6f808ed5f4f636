package org.migcheck.fleet.read;

import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamReader;
import org.migcheck.read.Chunk;
import org.migcheck.read.DocumentReader;
import org.migcheck.read.HeldError;
import org.migcheck.read.InputFile;
import org.migcheck.read.Profile;
import org.migcheck.read.Walker;

/**
 * Reads host capabilities and domain capabilities for fleet analysis through the one read path
 * ({@link DocumentReader}) with the fleet-record profile: only what fleet analysis uses, read by
 * the walker.
 *
 * <p>What is not read is not validated either: a malformed value in, say, the host NUMA topology
 * goes unnoticed here, while the full profile rejects it.
 */
public final class FleetReader {
  static final String ACCEPTED = "fleet and gate read host <capabilities> and <domainCapabilities>";

  /** The fleet-record profile: host documents only, as the parts fleet analysis uses. */
  public static final Profile<FleetDocument> PROFILE = FleetReader::record;

  private final DocumentReader reader;

  public FleetReader(Supplier<InputStream> stdin, int threads) {
    this(stdin, threads, DocumentReader.WHOLE_FILE_LIMIT);
  }

  /** @param wholeFileLimit files up to this size are read whole by a worker (tests use 0) */
  FleetReader(Supplier<InputStream> stdin, int threads, long wholeFileLimit) {
    this.reader = new DocumentReader(stdin, threads, wholeFileLimit);
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
    reader.readArgs(args, PROFILE, work, sink);
  }

  /** {@link #read(List, Function, Consumer)} for files already resolved. */
  public <T> void readFiles(List<InputFile> files, Function<FleetDocument, T> work, Consumer<T> sink) {
    reader.read(files, PROFILE, work, sink);
  }

  private static FleetDocument record(XMLStreamReader r, Chunk chunk) throws Exception {
    Walker c = new Walker(r, chunk.line());
    Fields v = new Fields(chunk.source());
    String ns = r.getNamespaceURI();
    String name = r.getLocalName();
    boolean plain = ns == null || ns.isEmpty();
    if (plain && name.equals("capabilities")) {
      return new FleetDocument(new CapabilitiesReader(c, v).read(), null);
    }
    if (plain && name.equals("domainCapabilities")) {
      DomainCapabilitiesReader d = new DomainCapabilitiesReader(c, v);
      return new FleetDocument(d.read(), d.hostUuid());
    }
    String shown = plain ? name : "{" + ns + "}" + name;
    // held until the rest of the document is read, as the full profile does
    throw new HeldError(chunk.file(), c.line(), "unsupported document <" + shown + ">: " + ACCEPTED);
  }
}
