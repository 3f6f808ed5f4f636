package org.migcheck.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.input.HostDocuments;
import org.migcheck.input.HostPairing;
import org.migcheck.input.InputReader;
import org.migcheck.input.PairCheck;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.verdict.Host;

/**
 * Turns command-line arguments into hosts: capabilities plus, optionally, domcapabilities, paired
 * by {@link HostPairing} (the rule fleet uses too) from an explicit {@code a.xml,a-domcaps.xml},
 * a directory, or a capabilities file with its domcapabilities beside it. Directories may hold
 * other documents (guests), which are skipped; a file named explicitly must be host data.
 */
final class HostInputs {
  private final InputReader reader;
  private final CpuMaps maps;
  private final List<String> notes = new ArrayList<>();

  HostInputs(CliContext context, CpuMaps maps) {
    this.reader = new InputReader(context::stdin);
    this.maps = maps;
  }

  InputReader reader() {
    return reader;
  }

  /** Notes and warnings on how hosts were paired, for standard error ("note: ...", "warning: ..."). */
  List<String> notes() {
    return List.copyOf(notes);
  }

  private HostDocuments read(List<String> args) {
    HostDocuments found = HostDocuments.read(reader, args);
    found.notes().forEach(n -> notes.add("note: " + n));
    return found;
  }

  /** One host: exactly one capabilities document and at most one domcapabilities. */
  Host host(String arg) {
    HostDocuments f = read(List.of(arg));
    HostPairing.requireOneHost(arg, f.caps().size(), f.domcaps().size());
    return host((HostCapabilities) f.caps().get(0).doc(),
        f.domcaps().isEmpty() ? null : (DomainCapabilities) f.domcaps().get(0).doc());
  }

  /**
   * Any number of hosts, paired by {@link HostPairing}; domcapabilities no rule pairs are hosts of
   * their own. Hosts come in input order, each argument's capabilities before its lone
   * domcapabilities.
   */
  List<Host> hosts(List<String> args) {
    HostDocuments f = read(args);
    Set<Integer> withHostData = new HashSet<>();
    f.caps().forEach(r -> withHostData.add(r.pairing().argument()));
    f.domcaps().forEach(r -> withHostData.add(r.pairing().argument()));
    for (int i = 0; i < args.size(); i++) {
      if (!withHostData.contains(i)) {
        throw new InputException(args.get(i), "no <capabilities> or <domainCapabilities> document");
      }
    }
    int[] capsOf = HostPairing.pair(
        f.caps().stream().map(HostDocuments.Read::pairing).toList(),
        f.domcaps().stream().map(HostDocuments.Read::pairing).toList());
    DomainCapabilities[] pairedWith = new DomainCapabilities[f.caps().size()];
    List<HostDocuments.Read> alone = new ArrayList<>();
    for (int j = 0; j < capsOf.length; j++) {
      if (capsOf[j] >= 0) {
        pairedWith[capsOf[j]] = (DomainCapabilities) f.domcaps().get(j).doc();
      } else {
        alone.add(f.domcaps().get(j));
      }
    }
    record Placed(HostPairing.Doc at, boolean alone, Host host) {}
    List<Placed> placed = new ArrayList<>();
    for (int i = 0; i < f.caps().size(); i++) {
      HostDocuments.Read r = f.caps().get(i);
      placed.add(new Placed(r.pairing(), false, host((HostCapabilities) r.doc(), pairedWith[i])));
    }
    for (HostDocuments.Read r : alone) {
      placed.add(new Placed(r.pairing(), true,
          new Host(name(r.doc().source()), null, (DomainCapabilities) r.doc())));
    }
    placed.sort(Comparator.<Placed>comparingInt(p -> p.at().argument())
        .thenComparing(Placed::alone)
        .thenComparingInt(p -> p.at().seq()));
    return placed.stream().map(Placed::host).toList();
  }

  /** A host; a pair that does not look like one host is a warning, and arches that differ drop
   * the domcapabilities (as fleet does). */
  private Host host(HostCapabilities caps, DomainCapabilities domcaps) {
    if (domcaps == null) {
      return new Host(name(caps.source()), caps, null);
    }
    DomainCapabilities.HostModel hm = domcaps.cpu().hostModel();
    boolean known = hm != null && hm.supported() && hm.cpu() != null;
    PairCheck.Caps c = PairCheck.Caps.of(caps.source(), caps.cpu());
    PairCheck.Domcaps d = new PairCheck.Domcaps(domcaps.source(), domcaps.arch(),
        known ? hm.model() : null, known ? hm.vendor() : null);
    PairCheck.warnings(c, d, maps).forEach(w -> notes.add("warning: " + w));
    boolean sameArch = c.arch() == null || d.arch() == null || c.arch().equals(d.arch());
    return new Host(name(caps.source()), caps, sameArch ? domcaps : null);
  }

  /** A report name for a host: its file name without directory and {@code .xml}. */
  static String name(String source) {
    return HostPairing.shortName(source);
  }
}
