package org.migcheck.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.cpumap.LibvirtVersion;
import org.migcheck.engine.UnknownName;
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
    HostVersions out = HostVersions.none();
    Map<String, Boolean> used = new HashMap<>();
    for (Host h : hosts) {
      HostVersions.Declared d = null;
      for (String key : keys(h)) {
        if (given.containsKey(key)) {
          d = given.get(key);
          used.put(key, true);
          break;
        }
      }
      if (d == null) {
        for (String key : keys(h)) {
          d = d != null ? d : manifest.get(key);
        }
      }
      if (d != null) {
        check(h, d);
        out.put(h.name(), d);
      }
    }
    for (String key : given.keySet()) {
      if (!used.containsKey(key)) {
        throw new InputException(
            "--host-libvirt", "no host named '" + key + "' (give its report name, file stem or uuid)");
      }
    }
    return out;
  }

  /** The names a host answers to: report name, file stem, uuid. */
  private static List<String> keys(Host h) {
    List<String> k = new ArrayList<>();
    k.add(h.name());
    int hash = h.name().indexOf('#');
    if (hash > 0) {
      k.add(h.name().substring(0, hash));
    }
    if (h.caps() != null && h.caps().uuid() != null) {
      k.add(h.caps().uuid());
    }
    return k;
  }

  /** A host's CPUs must only name what its own libvirt's map knows. */
  private static void check(Host h, HostVersions.Declared d) {
    CpuMaps maps = CpuMapLoader.forLibvirt(d.version().toString(), d.origin());
    for (CpuDef cpu : new CpuDef[] {h.hostCpu(), h.hostModelCpu()}) {
      if (cpu == null) {
        continue;
      }
      Arch arch = Arch.forLibvirtArch(cpu.arch() != null ? cpu.arch() : h.arch() == null ? "x86_64" : h.arch()).orElse(null);
      CpuMap map = arch == null ? null : maps.forArch(arch).orElse(null);
      if (map == null) {
        continue;
      }
      List<UnknownName> unknown = UnknownName.of(cpu, map);
      if (!unknown.isEmpty()) {
        UnknownName u = unknown.get(0);
        throw new InputException(
            cpu.source(),
            "Unknown CPU "
                + u.kind()
                + " "
                + u.name()
                + " for libvirt "
                + d.version()
                + " (the version "
                + d.origin()
                + " gives "
                + h.name()
                + "): "
                + (u.knownFrom() == null
                    ? "no bundled libvirt knows it"
                    : "libvirt ≥ " + u.knownFrom() + " knows it"));
      }
    }
  }

  /** Adds the versions of a snapshot directory's manifest (the input or its parent directory). */
  private static void readManifest(Path p, Map<String, HostVersions.Declared> out) {
    Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
    Path file = dir == null ? null : dir.resolve(MANIFEST);
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    String where = Files.isDirectory(p) ? p.resolve(MANIFEST).toString() : file.toString();
    JsonArray hosts;
    try {
      JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      JsonElement h = root.isJsonObject() ? root.getAsJsonObject().get("hosts") : null;
      if (h == null || !h.isJsonArray()) {
        throw new InputException(where, "not a snapshot manifest: no \"hosts\" array");
      }
      hosts = h.getAsJsonArray();
    } catch (IOException e) {
      throw new InputException(where, "cannot read: " + e.getMessage());
    } catch (JsonParseException | IllegalStateException e) {
      throw new InputException(where, "not valid JSON: " + e.getMessage());
    }
    for (JsonElement e : hosts) {
      if (!e.isJsonObject()) {
        throw new InputException(where, "a \"hosts\" entry is not an object");
      }
      JsonObject o = e.getAsJsonObject();
      String libvirt = string(o, "libvirt", where);
      if (libvirt == null || string(o, "error", where) != null) {
        continue; // a host collect could not read, or of unknown version: no guess
      }
      HostVersions.Declared d =
          new HostVersions.Declared(LibvirtVersion.parse(libvirt, where), where);
      for (String key : new String[] {string(o, "host", where), string(o, "uuid", where)}) {
        if (key != null) {
          out.putIfAbsent(key, d);
        }
      }
    }
  }

  private static String string(JsonObject o, String key, String where) {
    JsonElement v = o.get(key);
    if (v == null || v.isJsonNull()) {
      return null;
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
      throw new InputException(where, "\"" + key + "\" is not a string");
    }
    return v.getAsString();
  }
}
