package org.migcheck.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.migcheck.InputException;
import org.migcheck.json.JsonWriter;

/**
 * Writes a snapshot directory: per host {@code HOST.xml}, {@code HOST-domcaps.xml},
 * {@code domcaps/HOST/MACHINE.xml} for other machine types its guests use, {@code
 * guests/HOST/NAME.xml}, and {@code snapshot.json} last. Every file is written atomically, so a
 * reader never sees half a file, and the manifest only names files that are complete.
 */
public final class SnapshotWriter {
  public static final String MANIFEST = "snapshot.json";
  public static final int SCHEMA = 1;

  private final Path dir;
  private final BiConsumer<Path, String> atomicWrite;
  private final Set<String> stems = new HashSet<>();
  private final List<Entry> entries = new ArrayList<>();
  private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

  /** One manifest entry; {@code host} is the file stem (null for a host that failed). */
  public record Entry(
      String host,
      String uri,
      String uuid,
      String libvirt,
      String hypervisor,
      String collectedAt,
      List<String> files,
      List<String> notes,
      String error) {}

  /**
   * @param atomicWrite writes one file atomically (the CLI's OutputFile: a temporary file renamed
   *     into place, none left behind on failure)
   */
  public SnapshotWriter(Path dir, BiConsumer<Path, String> atomicWrite) {
    this.dir = dir;
    this.atomicWrite = atomicWrite;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InputException(dir.toString(), "cannot create snapshot directory: " + e.getMessage());
    }
  }

  /** Writes one host's files now (results arrive in input order). */
  public Entry add(FleetCollector.Result r) {
    Entry e;
    if (r.failed()) {
      e = new Entry(null, r.uri(), null, null, null, null, List.of(), List.of(), r.error());
    } else {
      HostData h = r.data();
      String stem = unique(safeName(h.hostname()));
      List<String> files = new ArrayList<>();
      write(stem + ".xml", h.capabilities(), files);
      for (Map.Entry<String, String> d : h.domainCapabilities().entrySet()) {
        String name =
            d.getKey().isEmpty()
                ? stem + "-domcaps.xml"
                : "domcaps/" + stem + "/" + safeName(d.getKey()) + ".xml";
        write(name, d.getValue(), files);
      }
      Set<String> guestNames = new HashSet<>();
      for (Map.Entry<String, String> g : h.guests().entrySet()) {
        String name = safeName(g.getKey());
        while (!guestNames.add(name)) {
          name = name + "_";
        }
        write("guests/" + stem + "/" + name + ".xml", g.getValue(), files);
      }
      e =
          new Entry(
              stem, h.uri(), h.uuid(), h.libvirt(), h.hypervisor(), h.collectedAt(), files,
              h.notes(), null);
    }
    entries.add(e);
    return e;
  }

  /** Writes snapshot.json, naming every host in input order; call once, after the last add. */
  public void finish() {
    JsonWriter j = new JsonWriter().beginObject();
    j.field("schema", SCHEMA);
    j.field("collectedAt", startedAt);
    j.name("hosts").beginArray();
    for (Entry e : entries) {
      j.beginObject();
      j.field("host", e.host());
      j.field("uri", e.uri());
      j.field("uuid", e.uuid());
      j.field("libvirt", e.libvirt());
      j.field("hypervisor", e.hypervisor());
      j.field("collectedAt", e.collectedAt());
      j.stringArray("files", e.files());
      j.stringArray("notes", e.notes());
      j.field("error", e.error());
      j.endObject();
    }
    j.endArray().endObject();
    write(MANIFEST, j + "\n", null);
  }

  /** A file name from a host or guest name: letters, digits, '.', '_' and '-' only. */
  static String safeName(String name) {
    String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
      s = "host";
    }
    return s.length() > 100 ? s.substring(0, 100) : s;
  }

  private String unique(String stem) {
    String s = stem;
    for (int n = 2; !stems.add(s); n++) {
      s = stem + "-" + n;
    }
    return s;
  }

  private void write(String relative, String text, List<String> files) {
    Path target = dir.resolve(relative);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new InputException(target.getParent().toString(), "cannot create snapshot directory: " + e.getMessage());
    }
    atomicWrite.accept(target, text);
    if (files != null) {
      files.add(relative);
    }
  }

}
