package org.migcheck.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.migcheck.InputException;
import org.migcheck.fleet.read.FleetDocument;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.model.CpuType;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.parse.DocumentParser;
import org.migcheck.parse.RawDocument;

/**
 * The one oracle for the readers: every profile must equal the full profile restricted to what
 * it reads, values and errors. All profiles share the framer and the tokenizer front, so an XML
 * error must be the same message at the same place in every profile; they differ only in what
 * they read:
 *
 * <ul>
 *   <li>the CPU profile reads the CPUs of every document the full profile reads (and, like virsh,
 *       also skips roots the full profile refuses, and reads cputest lists);
 *   <li>the fleet profile reads host documents only, and of them only what fleet analysis uses: its
 *       record is the full record reduced to those parts, and a bad value it does not read cannot
 *       fail it.
 * </ul>
 */
public final class ProfileOracle {
  private ProfileOracle() {}

  /** Everything a profile delivered before it stopped, and the error that stopped it (or null). */
  record Outcome<T>(List<T> docs, String error) {}

  static <D, T> Outcome<T> read(Path file, Profile<D> profile, Function<D, T> work) {
    List<T> docs = new ArrayList<>();
    String error = null;
    try {
      new DocumentReader(() -> System.in, 2)
          .read(List.of(new InputFile(file.toString(), file)), profile, work, docs::add);
    } catch (InputException e) {
      error = e.oneLine();
    }
    return new Outcome<>(docs, error);
  }

  /** Checks every profile against the full profile on one file; AssertionError if one differs. */
  public static void check(Path file) {
    Outcome<RawDocument> full = read(file, DocumentParser.FULL, d -> d);
    for (CpuType type : new CpuType[] {null, CpuType.HOST}) {
      checkCpus(file, full, type);
    }
    checkFleet(file, full);
  }

  private static void checkCpus(Path file, Outcome<RawDocument> full, CpuType type) {
    List<String> expected = new ArrayList<>();
    for (RawDocument d : full.docs()) {
      expected.add(cpus(d, type));
    }
    Outcome<String> got = read(file, DocumentParser.CPU_PARTS, d -> cpus(d, type));
    String root = unsupportedRoot(full.error());
    if (root == null) {
      same("CPU profile (" + type + ")", expected, full.error(), got);
      return;
    }
    // the full profile refuses a root the CPU profile skips or reads: up to there they agree
    if (got.docs().size() < expected.size()
        || !got.docs().subList(0, expected.size()).equals(expected)
        || got.error() != null && line(got.error()) < line(full.error())) {
      fail("CPU profile (" + type + ")", expected, full.error(), got);
    }
  }

  private static String cpus(RawDocument d, CpuType type) {
    try {
      return d.source() + ":" + d.line() + " " + d.extractCpus(d.source(), type);
    } catch (InputException e) {
      return "rejected " + e.oneLine();
    }
  }

  private static void checkFleet(Path file, Outcome<RawDocument> full) {
    Outcome<ParsedDocument> got = read(file, FleetReader.PROFILE, FleetDocument::document);
    List<ParsedDocument> docs = got.docs();
    for (int i = 0; i < full.docs().size(); i++) {
      RawDocument d = full.docs().get(i);
      if (!d.root().equals("capabilities") && !d.root().equals("domainCapabilities")) {
        // fleet refuses a guest document at its root, in its own words
        String refused = unsupportedRoot(got.error());
        if (docs.size() != i || refused == null || !refused.endsWith("<" + d.root() + ">")
            || line(got.error()) != d.line()) {
          fail("fleet profile", full.docs(), full.error(), got);
        }
        return;
      }
      ParsedDocument record;
      try {
        record = d.toDocument(d.source());
      } catch (InputException valueError) {
        // a bad value: fleet fails on one in the same document, or does not read it
        if (docs.size() == i && got.error() != null && got.error().startsWith(d.source() + ":")) {
          return;
        }
        if (docs.size() > i) {
          continue;
        }
        fail("fleet profile (full: " + valueError.oneLine() + ")", full.docs(), full.error(), got);
        return;
      }
      if (docs.size() <= i || !docs.get(i).equals(reduced(record))) {
        fail("fleet profile at " + d.source(), List.of(reduced(record)), full.error(), got);
      }
    }
    if (docs.size() != full.docs().size()) {
      fail("fleet profile", full.docs(), full.error(), got);
    }
    String root = unsupportedRoot(full.error());
    boolean agree =
        root == null
            ? java.util.Objects.equals(full.error(), got.error())
            : root.equals(unsupportedRoot(got.error()));
    if (!agree) {
      fail("fleet profile", full.docs(), full.error(), got);
    }
  }

  /** A full record reduced to what the fleet profile reads of it. */
  public static ParsedDocument reduced(ParsedDocument d) {
    if (d instanceof HostCapabilities h) {
      return new HostCapabilities(
          h.source(),
          h.line(),
          h.uuid(),
          h.cpu(),
          h.powerManagement(),
          h.iommuSupport(),
          h.migrationFeatures(),
          h.numaCells().stream()
              .map(c -> new HostCapabilities.NumaCell(
                  c.id(), c.memory(), c.memoryUnit(), c.pages(), List.of(), List.of()))
              .toList(),
          List.of(),
          List.of(),
          h.secModels(),
          h.guests().stream()
              .map(g -> new HostCapabilities.Guest(g.osType(), g.arch(), List.of()))
              .toList());
    }
    if (!(d instanceof DomainCapabilities c)) {
      return d; // a guest document, which fleet refuses
    }
    return new DomainCapabilities(
        c.source(), c.line(), c.path(), c.domain(), c.machine(), c.arch(), c.vcpuMax(),
        c.iothreads(), null, c.cpu(), null, Map.of(), Map.of(), c.hostUuid());
  }

  private static void same(String what, List<?> expected, String error, Outcome<?> got) {
    if (!expected.equals(got.docs()) || !java.util.Objects.equals(error, got.error())) {
      fail(what, expected, error, got);
    }
  }

  private static void fail(String what, List<?> expected, String error, Outcome<?> got) {
    throw new AssertionError(
        what + " differs from the full profile:\n  full:    " + expected + "\n           error "
            + error + "\n  profile: " + got.docs() + "\n           error " + got.error());
  }

  /** "FILE:LINE: unsupported document <ROOT>" without what the profile accepts, else null. */
  static String unsupportedRoot(String oneLine) {
    int at = oneLine == null ? -1 : oneLine.indexOf(": unsupported document <");
    return at < 0 ? null : oneLine.substring(0, oneLine.indexOf('>', at) + 1);
  }

  static int line(String oneLine) {
    String[] parts = oneLine.split(":");
    try {
      return Integer.parseInt(parts[1].trim());
    } catch (RuntimeException noLine) {
      return -1;
    }
  }
}
