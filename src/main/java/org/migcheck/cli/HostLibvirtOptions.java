package org.migcheck.cli;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.migcheck.InputException;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.verdict.Host;
import org.migcheck.live.LibvirtUri;
import org.migcheck.live.LiveInputs;
import org.migcheck.verdict.HostVersions;
import org.migcheck.model.CpuDef;
import picocli.CommandLine.Option;

/**
 * Which libvirt each host runs: {@code --host-libvirt NAME=VERSION} (NAME as reports print the
 * host, its file stem or its uuid) and the {@code snapshot.json} manifest that {@code collect}
 * writes into a snapshot directory. The option wins over the manifest. A host's CPU naming
 * something its libvirt does not know is bad input.
 */
final class HostLibvirtOptions {
  static final String MANIFEST = "snapshot.json";

  @Option(
      names = "--host-libvirt",
      paramLabel = "NAME=VERSION",
      description =
          "The libvirt a host runs (repeatable; NAME as reports print the host, its file stem or"
              + " its uuid). Read from a snapshot directory's snapshot.json too.")
  List<String> entries = new ArrayList<>();

  /** The versions of these hosts, read from the option and the manifests of the inputs. */
  HostVersions resolve(List<Host> hosts, List<String> inputs) {
    Lookup lookup = lookup(inputs);
    HostVersions out = HostVersions.none();
    for (Host h : hosts) {
      HostVersions.Declared d = lookup.find(keys(h));
      if (d != null) {
        for (CpuDef cpu : new CpuDef[] {h.hostCpu(), h.hostModelCpu()}) {
          HostVersions.requireKnown(cpu, h.arch(), d, h.name());
        }
        out.put(h.name(), d);
      }
    }
    lookup.requireAllUsed();
    return out;
  }

  /**
   * The versions of the option and of the inputs' manifests, by the names a host answers to:
   * {@link Lookup#find} with its keys, most specific first (its document's path, report name,
   * file stem, uuid).
   */
  Lookup lookup(List<String> inputs) {
    Map<String, HostVersions.Declared> given = new LinkedHashMap<>();
    for (String e : entries) {
      int eq = e.lastIndexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw new InputException("--host-libvirt", "'" + e + "': expected NAME=VERSION");
      }
      given.put(
          e.substring(0, eq),
          new HostVersions.Declared(
              LibvirtVersion.parse(e.substring(eq + 1), "--host-libvirt " + e), "--host-libvirt"));
    }
    Map<String, HostVersions.Declared> manifest = new HashMap<>();
    for (String in : inputs) {
      for (String part : in.split(",")) {
        // a libvirt URI reads like a snapshot: its in-memory directory has the manifest too
        if (part.equals("-")) {
          continue;
        }
        List<Path> live = LibvirtUri.isUri(part) ? LiveInputs.resolve(part) : null;
        readManifest(live == null || live.isEmpty() ? Path.of(part) : live.get(0), manifest);
      }
    }
    return new Lookup(given, manifest);
  }

  /** The lookup for fleet loading: nothing to look up costs nothing per host. */
  org.migcheck.fleet.HostVersionLookup fleetLookup(Lookup lookup) {
    if (lookup.isEmpty()) {
      return org.migcheck.fleet.HostVersionLookup.NONE;
    }
    return (source, reportName, uuid) -> lookup.find(keys(source, reportName, uuid));
  }

  /** Versions by host keys; remembers which --host-libvirt names were used. */
  static final class Lookup {
    private final Map<String, HostVersions.Declared> given;
    private final Map<String, HostVersions.Declared> manifest;
    private final Map<String, Boolean> used = new HashMap<>();

    private Lookup(
        Map<String, HostVersions.Declared> given, Map<String, HostVersions.Declared> manifest) {
      this.given = given;
      this.manifest = manifest;
    }

    /** Whether any host can get a version: else commands skip the version work entirely. */
    boolean isEmpty() {
      return given.isEmpty() && manifest.isEmpty();
    }

    /** The option wins over a manifest; the first key that has a version wins. */
    HostVersions.Declared find(List<String> keys) {
      for (String key : keys) {
        HostVersions.Declared d = given.get(key);
        if (d != null) {
          used.put(key, true);
          return d;
        }
      }
      for (String key : keys) {
        HostVersions.Declared d = manifest.get(key);
        if (d != null) {
          return d;
        }
      }
      return null;
    }

    /** Every --host-libvirt NAME must have named a host. */
    void requireAllUsed() {
      for (String key : given.keySet()) {
        if (!used.containsKey(key)) {
          throw new InputException(
              "--host-libvirt", "no host named '" + key + "' (give its report name, file stem or uuid)");
        }
      }
    }
  }

  /** The names a host answers to: its document's path, report name, file stem, uuid. */
  private static List<String> keys(Host h) {
    String source = h.caps() == null ? null : h.caps().source();
    return keys(source, h.name(), h.caps() == null ? null : h.caps().uuid());
  }

  /**
   * The names a host answers to, most specific first: the path of its capabilities document (a
   * manifest names its files by path, so two snapshots of one host in two directories differ),
   * the name as given, its report name, its file stem, its uuid.
   */
  static List<String> keys(String source, String reportName, String uuid) {
    List<String> k = new ArrayList<>();
    if (source != null) {
      String file = source.indexOf('#') > 0 ? source.substring(0, source.indexOf('#')) : source;
      if (!file.equals("-")) {
        int slash = file.lastIndexOf('/');
        String dir = slash < 0 ? "" : file.substring(0, slash);
        k.add(DIR_KEYS.computeIfAbsent(dir, x -> pathKey(Path.of(x.isEmpty() ? "." : x)))
            + "/" + file.substring(slash + 1));
      }
      k.add(source);
    }
    k.add(reportName);
    int hash = reportName.indexOf('#');
    if (hash > 0) {
      k.add(reportName.substring(0, hash));
    }
    if (uuid != null) {
      k.add(uuid);
    }
    return k;
  }

  /** "path:" and the absolute directory, so that two spellings of one file are one key. */
  private static String pathKey(Path p) {
    return "path:" + p.toAbsolutePath().normalize();
  }

  /** Directories as given to their {@link #pathKey}: hosts of one directory share it. */
  private static final Map<String, String> DIR_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Adds the versions of a snapshot directory's manifest (the input or its parent directory). */
  private static void readManifest(Path p, Map<String, HostVersions.Declared> out) {
    Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
    Path file = dir == null ? null : dir.resolve(MANIFEST);
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    String where = Files.isDirectory(p) ? p.resolve(MANIFEST).toString() : file.toString();
    // streamed, one entry at a time: a 100,000-host snapshot's manifest is never a tree in memory
    Map<String, HostVersions.Declared> byVersion = new HashMap<>();
    String dirKey = pathKey(dir) + "/";
    try (JsonReader r = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      if (r.peek() != JsonToken.BEGIN_OBJECT) {
        throw new InputException(where, "not a snapshot manifest: no \"hosts\" array");
      }
      r.beginObject();
      boolean sawHosts = false;
      while (r.hasNext()) {
        if (!r.nextName().equals("hosts")) {
          r.skipValue();
          continue;
        }
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
          throw new InputException(where, "not a snapshot manifest: no \"hosts\" array");
        }
        sawHosts = true;
        r.beginArray();
        while (r.hasNext()) {
          Map<String, String> o = entry(r, where);
          String libvirt = o.get("libvirt");
          if (libvirt == null || o.get("error") != null) {
            continue; // a host collect could not read, or of unknown version: no guess
          }
          HostVersions.Declared d = byVersion.computeIfAbsent(libvirt,
              v -> new HostVersions.Declared(LibvirtVersion.parse(v, where), where));
          String host = o.get("host");
          if (host != null) {
            out.put(dirKey + host + ".xml", d);
          }
          for (String key : new String[] {host, o.get("uuid")}) {
            if (key != null) {
              out.putIfAbsent(key, d);
            }
          }
        }
        r.endArray();
      }
      r.endObject();
      if (!sawHosts) {
        throw new InputException(where, "not a snapshot manifest: no \"hosts\" array");
      }
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new InputException(where, "not valid JSON: " + e.getMessage());
    }
  }

  /** The string fields of one "hosts" entry this reads (host, uuid, libvirt, error). */
  private static Map<String, String> entry(JsonReader r, String where) throws IOException {
    if (r.peek() != JsonToken.BEGIN_OBJECT) {
      throw new InputException(where, "a \"hosts\" entry is not an object");
    }
    Map<String, String> o = new HashMap<>(4);
    r.beginObject();
    while (r.hasNext()) {
      String key = r.nextName();
      if (!List.of("host", "uuid", "libvirt", "error").contains(key)) {
        r.skipValue();
      } else if (r.peek() == JsonToken.NULL) {
        r.nextNull();
      } else if (r.peek() == JsonToken.STRING) {
        o.put(key, r.nextString());
      } else {
        throw new InputException(where, "\"" + key + "\" is not a string");
      }
    }
    r.endObject();
    return o;
  }
}
