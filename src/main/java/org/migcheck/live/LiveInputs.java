package org.migcheck.live;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.migcheck.InputException;
import org.migcheck.rawcpu.RawCpuCapabilities;

/**
 * libvirt URIs as command-line inputs: each host is collected once (like {@code collect --guests
 * none}), in parallel, and its capabilities and domain capabilities become files of an in-memory
 * file system, {@code live:N/HOST.xml} and {@code live:N/HOST-domcaps.xml}, which every reader then
 * opens like any other file. Nothing is written to disk. Raw CPUID dumps ({@code cpuid -r},
 * {@code <cpudata>}) and /proc/cpuinfo named on the command line become {@code cpuid:N/NAME.xml}
 * and {@code cpuinfo:N/NAME.xml} the same way.
 */
public final class LiveInputs {
  private LiveInputs() {}

  public static final int PARALLEL = 16;
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Created on first use, so offline runs never load it. */
  private static final class Memory {
    static final FileSystem FS = Jimfs.newFileSystem(Configuration.unix());
  }

  private static final Map<String, List<Path>> BY_URI = new ConcurrentHashMap<>();
  private static final Map<String, Path> BY_NAME = new ConcurrentHashMap<>();

  /** Collects, in parallel, every URI among the arguments that has not been collected yet. */
  public static synchronized void prefetch(List<String> args) {
    List<String> todo = new ArrayList<>();
    for (String a : args) {
      if (LibvirtUri.isUri(a) && !BY_URI.containsKey(a) && !todo.contains(a)) {
        todo.add(a);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    FleetCollector fleet = new FleetCollector(new HostCollector(GuestSelection.NONE), PARALLEL, TIMEOUT);
    for (FleetCollector.Result r : fleet.collectAll(todo)) {
      if (r.failed()) {
        throw new InputException(r.uri(), r.error());
      }
      BY_URI.put(todo.get(r.index()), store(BY_URI.size() + 1, r));
    }
  }

  /**
   * The in-memory files standing for a URI argument (collecting it if needed) or for the name of
   * one of them; null when the argument is neither, i.e. an ordinary file name.
   */
  public static List<Path> resolve(String arg) {
    Path named = BY_NAME.get(arg);
    if (named != null) {
      return List.of(named);
    }
    if (!LibvirtUri.isUri(arg)) {
      return rawCpuid(arg);
    }
    prefetch(List.of(arg));
    return BY_URI.get(arg);
  }

  /** A raw CPUID dump (cpuid -r, <cpudata>) or /proc/cpuinfo named on the command line. */
  private static synchronized List<Path> rawCpuid(String arg) {
    List<Path> done = BY_URI.get(arg);
    if (done != null) {
      return done;
    }
    Path file;
    try {
      file = Path.of(arg);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    if (!RawCpuCapabilities.isDump(file)) {
      return null;
    }
    String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    String kind = RawCpuCapabilities.isCpuinfo(file) ? "cpuinfo:" : "cpuid:";
    Path dir = Memory.FS.getPath(kind + (BY_URI.size() + 1));
    try {
      Files.createDirectories(dir);
      Path caps = Files.writeString(
          dir.resolve(SnapshotWriter.safeName(stem) + ".xml"), RawCpuCapabilities.capabilities(file, arg));
      BY_NAME.put(caps.toString(), caps);
      BY_URI.put(arg, List.of(caps));
      return List.of(caps);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory file system", e);
    }
  }

  /**
   * A collected host as an in-memory snapshot directory, written by {@link SnapshotWriter} itself
   * (same files, same manifest with the host's libvirt version); its capabilities and default
   * domcapabilities are the inputs.
   */
  private static List<Path> store(int index, FleetCollector.Result r) {
    Path dir = Memory.FS.getPath("live:" + index);
    SnapshotWriter snapshot = new SnapshotWriter(dir, LiveInputs::writeInMemory);
    String stem = snapshot.add(r).host();
    snapshot.finish();
    List<Path> out = new ArrayList<>();
    out.add(dir.resolve(stem + ".xml"));
    Path domcaps = dir.resolve(stem + "-domcaps.xml");
    if (Files.exists(domcaps)) {
      out.add(domcaps);
    }
    out.forEach(p -> BY_NAME.put(p.toString(), p));
    return List.copyOf(out);
  }

  private static void writeInMemory(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory file system", e);
    }
  }
}
