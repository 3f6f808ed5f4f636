package org.migcheck.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.migcheck.InputException;
import org.migcheck.migration.Host;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;

/**
 * Pairs each domcapabilities document with its host's capabilities, in this order of rules:
 *
 * <ol>
 *   <li>a {@code <uuid>} child of {@code <domainCapabilities>} (not written by libvirt; collection
 *       scripts may add it) names the host by its capabilities uuid;
 *   <li>in a file holding both, a domcapabilities document belongs to the capabilities document
 *       right before it ({@code virsh capabilities; virsh domcapabilities} per host);
 *   <li>by name: {@code STEM-domcaps.xml} (also {@code _domcaps}, {@code .domcaps}) belongs to
 *       {@code STEM.xml} in the same directory, or in any directory when only one capabilities
 *       file has that name; in files holding several documents the N-th domcapabilities document
 *       belongs to the N-th capabilities document ({@code fleet-domcaps.xml#7} to {@code
 *       fleet.xml#7}).
 * </ol>
 *
 * A domcapabilities document no rule pairs, or a second one for a host, is an input error, as is
 * one for another virt type than kvm or another arch than its host's.
 */
final class Pairing {
  private final FleetRegistry registry;
  private final boolean keepDocuments;
  private final List<Entry> hosts = new ArrayList<>();
  private final List<Domcaps> pending = new ArrayList<>();
  private Entry lastHost;
  private String lastHostFile;

  /** A host while its domcapabilities may still come. */
  private static final class Entry {
    final Observation.Host host;
    final HostCpuPart cpu;
    final int machineSet;
    final int secModels;
    final HostCapabilities caps;
    Domcaps domcaps;

    Entry(Observation.Host host, HostCpuPart cpu, int machineSet, int secModels, HostCapabilities caps) {
      this.host = host;
      this.caps = caps;
      this.cpu = cpu;
      this.machineSet = machineSet;
      this.secModels = secModels;
    }
  }

  private record Domcaps(Observation.Domcaps obs, HostModelPart hostModel, DomainCapabilities doc) {}

  /** @param keepDocuments keep every host's (compacted) documents, for guest checks */
  Pairing(FleetRegistry registry, boolean keepDocuments) {
    this.registry = registry;
    this.keepDocuments = keepDocuments;
  }

  /** Takes the next document's observation, in input order. */
  void add(Observation o) {
    if (o instanceof Observation.Host h) {
      HostCpuPart cpu = registry.hostCpu(h.cpuKey(), h.cpu(), h.name());
      registry.offerRepresentative(cpu, h.physBits(), h.caps());
      Entry e =
          new Entry(
              withoutCpuText(h),
              cpu,
              registry.machineSetId(h.machines()),
              registry.secModelSetId(h.secModels()),
              keepDocuments ? h.caps() : null);
      hosts.add(e);
      lastHost = e;
      lastHostFile = file(h.name());
      return;
    }
    Observation.Domcaps d = (Observation.Domcaps) o;
    if (d.virtType() != null && !d.virtType().equals("kvm")) {
      throw new InputException(
          d.name(),
          "domain capabilities for virt type '"
              + d.virtType()
              + "': fleet analysis needs those of kvm (virsh domcapabilities --virttype kvm)");
    }
    HostModelPart hm =
        d.hostModel() == null ? null : registry.hostModel(d.hostModelKey(), d.arch(), d.hostModel());
    if (hm != null) {
      registry.offerRepresentative(hm, d.domcaps());
    }
    Domcaps dc = new Domcaps(withoutCpuText(d), hm, keepDocuments ? d.domcaps() : null);
    if (d.hostUuid() == null && lastHost != null && file(d.name()).equals(lastHostFile)) {
      attach(lastHost, dc);
    } else {
      pending.add(dc);
    }
  }

  /** The hosts with their classes, in input order, once every document has been added. */
  List<FleetHost> hosts() {
    if (!pending.isEmpty()) {
      pairPending();
    }
    List<FleetHost> out = new ArrayList<>(hosts.size());
    for (Entry e : hosts) {
      Observation.Host h = e.host;
      Domcaps d = e.domcaps;
      out.add(
          new FleetHost(
              h.name(),
              h.uuid(),
              d == null ? null : d.obs().name(),
              registry.fleetClass(e.cpu, d == null ? null : d.hostModel()),
              h.tscHz(),
              h.tscScaling(),
              h.physBits(),
              d == null ? null : d.obs().physLimit(),
              e.machineSet,
              e.secModels,
              h.liveMigration(),
              e.caps == null ? null : new Host(HostNames.shortName(h.name()), e.caps, d == null ? null : d.doc())));
    }
    return out;
  }

  private void pairPending() {
    Map<String, List<Entry>> byUuid = new HashMap<>();
    Map<String, Entry> byStem = new HashMap<>();
    Map<String, List<Entry>> byBareStem = new HashMap<>();
    for (Entry e : hosts) {
      if (e.host.uuid() != null) {
        byUuid.computeIfAbsent(e.host.uuid(), k -> new ArrayList<>()).add(e);
      }
      byStem.put(stem(e.host.name(), false), e);
      byBareStem.computeIfAbsent(bareStem(e.host.name(), false), k -> new ArrayList<>()).add(e);
    }
    for (Domcaps d : pending) {
      String name = d.obs().name();
      if (d.obs().hostUuid() != null) {
        List<Entry> match = byUuid.getOrDefault(d.obs().hostUuid(), List.of());
        if (match.size() != 1) {
          throw new InputException(
              name,
              "the domain capabilities name host uuid "
                  + d.obs().hostUuid()
                  + (match.isEmpty()
                      ? ", which no capabilities document has"
                      : ", which " + match.size() + " capabilities documents have"));
        }
        attach(match.get(0), d);
        continue;
      }
      Entry e = byStem.get(stem(name, true));
      if (e == null) {
        List<Entry> bare = byBareStem.getOrDefault(bareStem(name, true), List.of());
        e = bare.size() == 1 ? bare.get(0) : null;
      }
      if (e == null) {
        throw new InputException(
            name,
            "no capabilities document to pair these domain capabilities with: expected "
                + expectedCapsName(name)
                + ", a capabilities document right before them in the same file, or a <uuid>"
                + " child naming the host");
      }
      attach(e, d);
    }
  }

  private static void attach(Entry e, Domcaps d) {
    if (e.domcaps != null) {
      throw new InputException(
          d.obs().name(),
          "a second domain capabilities document for host "
              + e.host.name()
              + " (the first is "
              + e.domcaps.obs().name()
              + ")");
    }
    String hostArch = e.cpu.identity().arch();
    String arch = d.obs().arch();
    if (hostArch != null && arch != null && !hostArch.equals(arch)) {
      throw new InputException(
          d.obs().name(),
          "domain capabilities for " + arch + " paired with " + e.host.name() + ", a " + hostArch + " host");
    }
    e.domcaps = d;
  }

  /** A host keeps neither its CPU (the registry has it) nor its document. */
  private static Observation.Host withoutCpuText(Observation.Host h) {
    return new Observation.Host(
        h.name(), h.uuid(), null, null, h.tscHz(), h.tscScaling(), h.physBits(), List.of(),
        List.of(), h.liveMigration(), null);
  }

  private static Observation.Domcaps withoutCpuText(Observation.Domcaps d) {
    return new Observation.Domcaps(
        d.name(), d.hostUuid(), d.arch(), d.virtType(), null, null, d.physLimit(), null);
  }

  // ---- names

  /** A document's file: its source without the #N of concatenated documents. */
  static String file(String source) {
    int hash = source.lastIndexOf('#');
    if (hash > 0 && hash < source.length() - 1 && source.substring(hash + 1).chars().allMatch(Character::isDigit)) {
      return source.substring(0, hash);
    }
    return source;
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

  private static String stemOf(String name, boolean domcaps) {
    String s = name;
    if (s.toLowerCase(Locale.ROOT).endsWith(".xml")) {
      s = s.substring(0, s.length() - 4);
    }
    if (domcaps) {
      for (String suffix : new String[] {"-domcaps", "_domcaps", ".domcaps"}) {
        if (s.toLowerCase(Locale.ROOT).endsWith(suffix)) {
          return s.substring(0, s.length() - suffix.length());
        }
      }
    }
    return s;
  }

  private static String expectedCapsName(String domcapsSource) {
    String file = file(domcapsSource);
    Path p = Path.of(file);
    String expected = stemOf(p.getFileName().toString(), true) + ".xml";
    return (p.getParent() == null ? expected : p.getParent().resolve(expected).toString())
        + domcapsSource.substring(file.length());
  }
}
