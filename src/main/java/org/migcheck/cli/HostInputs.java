package org.migcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.InputException;
import org.migcheck.input.InputFile;
import org.migcheck.input.InputReader;
import org.migcheck.input.Inputs;
import org.migcheck.migration.Host;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;

/**
 * Turns command-line arguments into hosts. A host is its capabilities plus, optionally, its
 * domcapabilities: {@code a.xml,a-domcaps.xml} (either order: the root element decides), or a
 * directory of that host's files. Directories may hold other documents (guests), which are
 * skipped; a file named explicitly must be host data.
 */
final class HostInputs {
  private final InputReader reader;

  HostInputs(CliContext context) {
    this.reader = new InputReader(context::stdin);
  }

  InputReader reader() {
    return reader;
  }

  /** The host documents found in some arguments. */
  private static final class Found {
    final List<HostCapabilities> caps = new ArrayList<>();
    final List<DomainCapabilities> domcaps = new ArrayList<>();
  }

  private Found read(List<String> parts) {
    Found found = new Found();
    for (String part : parts) {
      boolean directory = !part.equals("-") && Files.isDirectory(Path.of(part));
      for (InputFile f : Inputs.resolve(part)) {
        reader.stream(f, doc -> take(doc, directory, found));
      }
    }
    return found;
  }

  private static void take(ParsedDocument doc, boolean fromDirectory, Found found) {
    if (doc instanceof HostCapabilities c) {
      found.caps.add(c);
    } else if (doc instanceof DomainCapabilities d) {
      found.domcaps.add(d);
    } else if (!fromDirectory) {
      String what = doc instanceof DomainDef ? "a <domain>" : "a bare <cpu>";
      throw new InputException(doc.source(), doc.line(), -1, what + " is not host data: give the"
          + " host's capabilities and, optionally, its domcapabilities");
    }
  }

  private static List<String> parts(String arg) {
    List<String> out = new ArrayList<>();
    for (String p : arg.split(",", -1)) {
      if (p.isEmpty()) {
        throw new InputException(arg, "empty file name in a comma-separated host");
      }
      out.add(p);
    }
    return out;
  }

  /** One host: exactly one capabilities document and at most one domcapabilities. */
  Host host(String arg) {
    Found f = read(parts(arg));
    if (f.caps.size() != 1) {
      throw new InputException(arg, f.caps.isEmpty()
          ? "no <capabilities> document: a host needs its virsh capabilities"
          : f.caps.size() + " <capabilities> documents: give one host (a.xml,a-domcaps.xml)");
    }
    if (f.domcaps.size() > 1) {
      throw new InputException(arg, f.domcaps.size()
          + " <domainCapabilities> documents: give at most one per host");
    }
    HostCapabilities caps = f.caps.get(0);
    return new Host(name(caps.source()), caps, f.domcaps.isEmpty() ? null : f.domcaps.get(0));
  }

  /**
   * Any number of hosts. An argument with a comma is one host; otherwise every capabilities
   * document is a host, paired with the domcapabilities named like it ({@code X-domcaps.xml} for
   * {@code X.xml}, document by document in concatenated files), or with the only domcapabilities
   * of the argument when it holds one of each; domcapabilities left over are hosts of their own.
   */
  List<Host> hosts(List<String> args) {
    List<Host> out = new ArrayList<>();
    for (String arg : args) {
      if (arg.contains(",")) {
        out.add(host(arg));
        continue;
      }
      Found f = read(List.of(arg));
      if (f.caps.isEmpty() && f.domcaps.isEmpty()) {
        throw new InputException(arg, "no <capabilities> or <domainCapabilities> document");
      }
      Map<String, DomainCapabilities> byCapsSource = new LinkedHashMap<>();
      for (DomainCapabilities d : f.domcaps) {
        byCapsSource.put(capsSourceFor(d.source()), d);
      }
      boolean onePair = f.caps.size() == 1 && f.domcaps.size() == 1;
      for (HostCapabilities c : f.caps) {
        DomainCapabilities d = onePair ? f.domcaps.get(0) : byCapsSource.remove(c.source());
        if (onePair) {
          byCapsSource.clear();
        }
        out.add(new Host(name(c.source()), c, d));
      }
      for (DomainCapabilities d : byCapsSource.values()) {
        out.add(new Host(name(d.source()), null, d));
      }
    }
    return out;
  }

  /** "dir/a-domcaps.xml#3" → "dir/a.xml#3". */
  static String capsSourceFor(String domcapsSource) {
    int hash = domcapsSource.lastIndexOf('#');
    String file = hash < 0 ? domcapsSource : domcapsSource.substring(0, hash);
    String doc = hash < 0 ? "" : domcapsSource.substring(hash);
    String stem = file.endsWith(".xml") ? file.substring(0, file.length() - 4) : file;
    if (stem.endsWith("-domcaps")) {
      stem = stem.substring(0, stem.length() - "-domcaps".length());
    }
    return stem + ".xml" + doc;
  }

  /** A report name for a host: its file name without directory and {@code .xml}. */
  static String name(String source) {
    int hash = source.lastIndexOf('#');
    String file = hash < 0 ? source : source.substring(0, hash);
    String doc = hash < 0 ? "" : source.substring(hash);
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    String base = file.substring(slash + 1);
    if (base.endsWith(".xml")) {
      base = base.substring(0, base.length() - 4);
    }
    return base.isEmpty() ? source : base + doc;
  }
}
