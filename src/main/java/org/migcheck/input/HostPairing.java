package org.migcheck.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.migcheck.InputException;

/**
 * The one rule that pairs each domcapabilities document with its host's capabilities, used by
 * every command that reads hosts, for directories and file arguments alike. The first rule that
 * applies decides:
 *
 * <ol>
 *   <li>an explicit {@code caps,domcaps} argument is one host;
 *   <li>a {@code <uuid>} child of {@code <domainCapabilities>} (not written by libvirt; collection
 *       scripts may add it) names the host by its capabilities uuid;
 *   <li>in a file holding both, a domcapabilities document belongs to the capabilities document
 *       right before it ({@code virsh capabilities; virsh domcapabilities} per host);
 *   <li>by name: {@code STEM-domcaps.xml} (also {@code _domcaps}, {@code .domcaps}) belongs to
 *       {@code STEM.xml} in the same directory, or in any directory when only one capabilities
 *       file has that name; in files holding several documents the N-th domcapabilities document
 *       belongs to the N-th capabilities document ({@code fleet-domcaps.xml#7} to {@code
 *       fleet.xml#7});
 *   <li>an argument holding exactly one capabilities and one domcapabilities document is one host.
 * </ol>
 *
 * A second domcapabilities document for a host, or a {@code <uuid>} that names no host or several,
 * is an input error. What stays unpaired is the caller's decision (fleet refuses it; suggest takes
 * a domcapabilities-only host).
 */
public final class HostPairing {
  private static final String[] DOMCAPS_SUFFIXES = {"-domcaps", "_domcaps", ".domcaps"};

  private HostPairing() {}

  /**
   * What the rule needs of one host document.
   *
   * @param source the document's source ({@code file} or {@code file#N})
   * @param seq its position among all documents, in input order
   * @param argument the command-line argument it came from (its index)
   * @param argumentText that argument as given, for messages
   * @param explicit the argument is an explicit {@code caps,domcaps} host
   * @param uuid the capabilities' host uuid, or the domcapabilities' {@code <uuid>} child; or null
   */
  public record Doc(
      String source, int seq, int argument, String argumentText, boolean explicit, String uuid) {}

  /**
   * Pairs the domcapabilities with the capabilities, both in input order.
   *
   * @return for each domcapabilities document, the index of its capabilities in {@code caps}, or
   *     -1 when no rule pairs it
   * @throws InputException for an explicit host that is not one host, a second domcapabilities for
   *     a host, or a {@code <uuid>} that names no capabilities document or several
   */
  public static int[] pair(List<Doc> caps, List<Doc> domcaps) {
    checkExplicit(caps, domcaps);
    Map<String, List<Integer>> byUuid = new HashMap<>();
    Map<String, Integer> byStem = new HashMap<>();
    Map<String, List<Integer>> byBareStem = new HashMap<>();
    Map<Integer, List<Integer>> capsByArgument = new HashMap<>();
    Map<Integer, Integer> domcapsPerArgument = new HashMap<>();
    for (int i = 0; i < caps.size(); i++) {
      Doc c = caps.get(i);
      if (c.uuid() != null) {
        byUuid.computeIfAbsent(c.uuid(), k -> new ArrayList<>()).add(i);
      }
      byStem.put(stem(c.source(), false), i);
      byBareStem.computeIfAbsent(bareStem(c.source(), false), k -> new ArrayList<>()).add(i);
      capsByArgument.computeIfAbsent(c.argument(), k -> new ArrayList<>()).add(i);
    }
    domcaps.forEach(d -> domcapsPerArgument.merge(d.argument(), 1, Integer::sum));
    int[] capsOf = new int[domcaps.size()];
    int[] taken = new int[caps.size()];
    Arrays.fill(capsOf, -1);
    Arrays.fill(taken, -1);
    for (int j = 0; j < domcaps.size(); j++) {
      Doc d = domcaps.get(j);
      int c = -1;
      List<Integer> ofArgument = capsByArgument.getOrDefault(d.argument(), List.of());
      if (d.explicit()) {
        c = ofArgument.get(0);
      } else if (d.uuid() != null) {
        List<Integer> match = byUuid.getOrDefault(d.uuid(), List.of());
        if (match.size() != 1) {
          throw new InputException(
              d.source(),
              "the domain capabilities name host uuid "
                  + d.uuid()
                  + (match.isEmpty()
                      ? ", which no capabilities document has"
                      : ", which " + match.size() + " capabilities documents have"));
        }
        c = match.get(0);
      } else {
        c = rightBefore(caps, d);
        if (c < 0) {
          c = byStem.getOrDefault(stem(d.source(), true), -1);
        }
        if (c < 0) {
          List<Integer> bare = byBareStem.getOrDefault(bareStem(d.source(), true), List.of());
          c = bare.size() == 1 ? bare.get(0) : -1;
        }
        if (c < 0 && ofArgument.size() == 1 && domcapsPerArgument.get(d.argument()) == 1) {
          c = ofArgument.get(0);
        }
      }
      if (c < 0) {
        continue;
      }
      if (taken[c] >= 0) {
        throw new InputException(
            d.source(),
            "a second domain capabilities document for host "
                + caps.get(c).source()
                + " (the first is "
                + domcaps.get(taken[c]).source()
                + ")");
      }
      taken[c] = j;
      capsOf[j] = c;
    }
    return capsOf;
  }

  /** An explicit {@code caps,domcaps} argument holds one capabilities and at most one domcaps. */
  private static void checkExplicit(List<Doc> caps, List<Doc> domcaps) {
    Map<Integer, int[]> counts = new HashMap<>();
    Map<Integer, String> texts = new HashMap<>();
    for (Doc c : caps) {
      if (c.explicit()) {
        counts.computeIfAbsent(c.argument(), k -> new int[2])[0]++;
        texts.put(c.argument(), c.argumentText());
      }
    }
    for (Doc d : domcaps) {
      if (d.explicit()) {
        counts.computeIfAbsent(d.argument(), k -> new int[2])[1]++;
        texts.put(d.argument(), d.argumentText());
      }
    }
    counts.forEach((argument, n) -> requireOneHost(texts.get(argument), n[0], n[1]));
  }

  /**
   * An argument that must be one host (an explicit {@code caps,domcaps}, or check's SRC and DST)
   * holds exactly one capabilities document and at most one domcapabilities.
   */
  public static void requireOneHost(String argument, int caps, int domcaps) {
    if (caps != 1) {
      throw new InputException(argument, caps == 0
          ? "no <capabilities> document: a host needs its virsh capabilities"
          : caps + " <capabilities> documents: give one host (a.xml,a-domcaps.xml)");
    }
    if (domcaps > 1) {
      throw new InputException(argument, domcaps + " <domainCapabilities> documents: give at most"
          + " one per host");
    }
  }

  /** The capabilities document right before {@code d} when it is in the same file, else -1. */
  private static int rightBefore(List<Doc> caps, Doc d) {
    int lo = 0;
    int hi = caps.size() - 1;
    int best = -1;
    while (lo <= hi) { // caps are in input order: the last one with a smaller seq
      int mid = (lo + hi) >>> 1;
      if (caps.get(mid).seq() < d.seq()) {
        best = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best >= 0 && file(caps.get(best).source()).equals(file(d.source())) ? best : -1;
  }

  /** What a domcapabilities document that no rule paired should have been paired with. */
  public static String expectedCapsName(String domcapsSource) {
    String file = file(domcapsSource);
    Path p = Path.of(file);
    String expected = stemOf(p.getFileName().toString(), true) + ".xml";
    return (p.getParent() == null ? expected : p.getParent().resolve(expected).toString())
        + domcapsSource.substring(file.length());
  }

  // ---- names

  /** A document's file: its source without the #N of concatenated documents. */
  public static String file(String source) {
    int hash = source.lastIndexOf('#');
    if (hash > 0 && hash < source.length() - 1 && digits(source, hash + 1)) {
      return source.substring(0, hash);
    }
    return source;
  }

  /** Whether the rest of {@code s} from {@code from} is digits (a loop: fleets ask per host). */
  private static boolean digits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** "dir/host-00017.xml" → "host-00017"; "fleet.xml#7" → "fleet#7": how reports name a host. */
  public static String shortName(String source) {
    String file = file(source);
    String doc = source.substring(file.length());
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    String base = file.substring(slash + 1);
    if (base.endsWith(".xml")) {
      base = base.substring(0, base.length() - 4);
    }
    return base.isEmpty() ? source : base + doc;
  }

  /** directory/STEM#N for a source; STEM is the file name less .xml and, for domcaps, -domcaps. */
  static String stem(String source, boolean domcaps) {
    String file = file(source);
    String index = source.substring(file.length());
    Path p = Path.of(file);
    Path dir = p.getParent();
    return (dir == null ? "" : dir + "/") + stemOf(p.getFileName().toString(), domcaps) + index;
  }

  static String bareStem(String source, boolean domcaps) {
    String file = file(source);
    String index = source.substring(file.length());
    return stemOf(Path.of(file).getFileName().toString(), domcaps) + index;
  }

  /** Whether a file name reads as a domcapabilities file ({@code STEM-domcaps.xml} and the like). */
  static boolean isDomcapsName(String fileName) {
    return !stemOf(fileName, true).equals(stemOf(fileName, false));
  }

  /** The names a capabilities file's domcapabilities may have beside it, in order of preference. */
  static List<String> domcapsNames(String capsFileName) {
    String stem = stemOf(capsFileName, false);
    List<String> out = new ArrayList<>(DOMCAPS_SUFFIXES.length);
    for (String suffix : DOMCAPS_SUFFIXES) {
      out.add(stem + suffix + ".xml");
    }
    return out;
  }

  private static String stemOf(String name, boolean domcaps) {
    String s = name;
    if (s.toLowerCase(Locale.ROOT).endsWith(".xml")) {
      s = s.substring(0, s.length() - 4);
    }
    if (domcaps) {
      for (String suffix : DOMCAPS_SUFFIXES) {
        if (s.toLowerCase(Locale.ROOT).endsWith(suffix)) {
          return s.substring(0, s.length() - suffix.length());
        }
      }
    }
    return s;
  }
}
