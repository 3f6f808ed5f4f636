package org.migcheck.cpumap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.migcheck.InputException;
import org.migcheck.xml.XmlNode;
import org.migcheck.xml.XmlTreeReader;

/**
 * Loads libvirt's cpu_map in any of its layouts: the split directory (index.xml with includes,
 * optionally inside {@code <group>} elements), and the single cpu_map.xml of old libvirt (inline
 * data, optionally with includes).
 *
 * <p>Order follows libvirt's cpu_map.c: per document, all vendors, then all features, then all
 * models, then the includes in document order, each loaded the same way.
 */
public final class CpuMapLoader {
  public static final String SYSTEM_DIR = "/usr/share/libvirt/cpu_map";
  public static final String SYSTEM_OLD_FILE = "/usr/share/libvirt/cpu_map.xml";
  private static final String BUNDLED_PREFIX = "org/migcheck/cpumap/bundled/";
  private static final Map<String, CpuMaps> BUNDLED = new java.util.concurrent.ConcurrentHashMap<>();
  private static volatile List<String> versions;

  private CpuMapLoader() {}

  /**
   * "bundled" (the newest bundled map), "bundled:VERSION" (one bundled map), "system", or a path
   * to a cpu_map directory or single-file cpu_map.xml.
   */
  public static CpuMaps load(String spec) {
    if (spec == null || spec.equals("bundled")) {
      return bundled();
    }
    if (spec.startsWith("bundled:") && bundledVersions().contains(spec.substring(8))) {
      return bundled(spec.substring(8));
    }
    if (spec.isBlank()) {
      throw new InputException("--cpu-map", "empty: give bundled, system or a cpu_map path");
    }
    if (spec.equals("system")) {
      Path dir = Path.of(SYSTEM_DIR);
      if (Files.isDirectory(dir)) {
        return load(dir, "system");
      }
      Path old = Path.of(SYSTEM_OLD_FILE);
      if (Files.isRegularFile(old)) {
        return load(old, "system");
      }
      throw new InputException(
          SYSTEM_DIR,
          "no system cpu_map: libvirt is not installed here (use --cpu-map bundled or a path)");
    }
    return load(Path.of(spec), "path");
  }

  /** The newest bundled map: documents from every older libvirt read with it. */
  public static CpuMaps bundled() {
    List<String> all = bundledVersions();
    return bundled(all.get(all.size() - 1));
  }

  /**
   * One bundled map (a version {@link #bundledVersions()} lists): its precompiled form when the
   * build made one, else its XML. Each is loaded on first use only, so start-up pays for one.
   */
  public static CpuMaps bundled(String version) {
    CpuMaps m = BUNDLED.get(version);
    if (m == null) {
      synchronized (CpuMapLoader.class) {
        m = BUNDLED.get(version);
        if (m == null) {
          m =
              binaryElseXml(
                  version,
                  CpuMapLoader.class.getClassLoader().getResourceAsStream(binaryName(version)));
          BUNDLED.put(version, m);
        }
      }
    }
    return m;
  }

  /**
   * A bundled map from its precompiled form ({@code binary}, closed here), or from its XML when
   * there is none or it does not open (another format, damaged): the XML is the source of truth.
   */
  static CpuMaps binaryElseXml(String version, InputStream binary) {
    CpuMaps m = null;
    if (binary != null) {
      try (InputStream in = binary) {
        m = MapCodec.read(in);
      } catch (IOException e) {
        m = null; // a stale or damaged build artefact
      }
    }
    if (m == null) {
      return bundledFromXml(version);
    }
    // nearly every run asks for x86: decode it here, on the thread that loads the map ahead
    // (the warm-up); ppc64 and arm wait until asked for
    m.forArch(Arch.X86);
    return m;
  }

  /** The libvirt versions of the bundled maps, oldest first. */
  public static List<String> bundledVersions() {
    List<String> v = versions;
    if (v == null) {
      Properties p = new Properties();
      try (InputStream in =
          CpuMapLoader.class.getClassLoader().getResourceAsStream(BUNDLED_PREFIX + "VERSIONS")) {
        if (in != null) {
          p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the list of bundled cpu_maps", e);
      }
      String list = p.getProperty("libvirt");
      if (list == null || list.isBlank()) {
        throw new IllegalStateException("the jar lists no bundled cpu_map (a broken build)");
      }
      // a plain insertion sort: no streams or lambdas on start-up's path (see MapCodec)
      List<String> sorted = new ArrayList<>();
      List<LibvirtVersion> parsed = new ArrayList<>();
      for (String s : list.split(",")) {
        String name = s.trim();
        LibvirtVersion version = LibvirtVersion.parse(name, BUNDLED_PREFIX);
        int at = parsed.size();
        while (at > 0 && parsed.get(at - 1).compareTo(version) > 0) {
          at--;
        }
        sorted.add(at, name);
        parsed.add(at, version);
      }
      v = List.copyOf(sorted);
      versions = v;
    }
    return v;
  }

  /**
   * The bundled map that emulates libvirt {@code requested} ("11.3", "10.0.0"...): its own map,
   * else the nearest older bundled one (the source then names both versions).
   */
  public static CpuMaps forLibvirt(String requested, String where) {
    LibvirtVersion want = LibvirtVersion.parse(requested, where);
    String chosen = nearestBundled(want);
    if (chosen == null) {
      throw new InputException(
          where,
          "libvirt "
              + want
              + " is older than every bundled cpu_map (oldest: "
              + bundledVersions().get(0)
              + "); give that libvirt's map with --cpu-map");
    }
    return bundled(chosen).emulating(want.toString());
  }

  /** The newest bundled version at or below {@code want}, or null when all are newer. */
  public static String nearestBundled(LibvirtVersion want) {
    String chosen = null;
    for (String v : bundledVersions()) {
      if (LibvirtVersion.parse(v, BUNDLED_PREFIX).compareTo(want) > 0) {
        break;
      }
      chosen = v;
    }
    return chosen;
  }

  /** The build's index of the oldest bundled libvirt knowing each name ("X86.gds-no=11.3.0"). */
  static final String FIRST_KNOWN = BUNDLED_PREFIX + "first-known.properties";

  private static volatile Properties firstKnown;

  /**
   * The oldest bundled libvirt whose map knows a model or feature name (or alias) of an arch, or
   * null when none does: from the build's index, else (classes without one) the maps themselves.
   */
  public static String firstKnowing(Arch arch, String name) {
    Properties p = firstKnown;
    if (p == null) {
      p = new Properties();
      try (InputStream in = CpuMapLoader.class.getClassLoader().getResourceAsStream(FIRST_KNOWN)) {
        if (in != null) {
          p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        p.clear();
      }
      firstKnown = p;
    }
    if (!p.isEmpty()) {
      return p.getProperty(arch.name() + "." + name);
    }
    for (String v : bundledVersions()) {
      CpuMap m = bundled(v).forArch(arch).orElse(null);
      if (m != null && namesOf(m).contains(name)) {
        return v;
      }
    }
    return null;
  }

  /** The model, feature and feature alias names a map knows. */
  static java.util.Set<String> namesOf(CpuMap m) {
    java.util.Set<String> out = new java.util.HashSet<>();
    m.models().forEach(x -> out.add(x.name()));
    for (Feature f : m.features()) {
      out.add(f.name());
      f.aliases().forEach(a -> out.add(a.name()));
    }
    return out;
  }

  /** The bundled map parsed from its XML files. */
  public static CpuMaps bundledFromXml(String version) {
    MapSource src = new MapSource("bundled", "bundled", "split", version);
    return loadIndex(MapFiles.classpath(bundledDir(version)), "index.xml", src);
  }

  /** The bundled map from the binary form the build writes ({@link MapCodec}), or null. */
  public static CpuMaps bundledFromBinary(String version) {
    try (InputStream in =
        CpuMapLoader.class.getClassLoader().getResourceAsStream(binaryName(version))) {
      return in == null ? null : MapCodec.read(in);
    } catch (IOException e) {
      return null; // a stale or damaged build artefact: the XML is the source of truth
    }
  }

  /** The classpath name of a bundled map's precompiled form. */
  public static String binaryName(String version) {
    return BUNDLED_PREFIX + "libvirt-" + version + ".bin";
  }

  private static String bundledDir(String version) {
    return BUNDLED_PREFIX + "libvirt-" + version + "/";
  }

  public static CpuMaps load(Path path, String kind) {
    String version = versionNextTo(path);
    if (Files.isDirectory(path)) {
      MapFiles files = MapFiles.directory(path);
      if (Files.isRegularFile(path.resolve("index.xml"))) {
        return loadIndex(files, "index.xml", new MapSource(kind, path.toString(), "split", version));
      }
      if (Files.isRegularFile(path.resolve("cpu_map.xml"))) {
        return loadIndex(
            files, "cpu_map.xml", new MapSource(kind, path.toString(), "single-file", version));
      }
      throw new InputException(
          path.toString(), "not a cpu_map directory: it has neither index.xml nor cpu_map.xml");
    }
    if (Files.isRegularFile(path)) {
      Path dir = path.toAbsolutePath().getParent();
      String layout = path.getFileName().toString().equals("index.xml") ? "split" : "single-file";
      return loadIndex(
          MapFiles.directory(dir),
          path.getFileName().toString(),
          new MapSource(kind, path.toString(), layout, version));
    }
    throw new InputException(path.toString(), "cpu_map not found");
  }

  private static String versionNextTo(Path path) {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Path v = dir == null ? null : dir.resolve("VERSION");
    if (v != null && Files.isRegularFile(v)) {
      try (var r = Files.newBufferedReader(v, StandardCharsets.UTF_8)) {
        Properties p = new Properties();
        p.load(r);
        return p.getProperty("libvirt");
      } catch (IOException | IllegalArgumentException unreadable) {
        // a VERSION file only adds the version to messages; a broken one (bad escapes) adds none
        return null;
      }
    }
    return null;
  }

  private static XmlNode readFile(MapFiles files, String filename, String includedFrom, int line) {
    InputStream in;
    try {
      in = files.open(filename);
    } catch (NoSuchFileException e) {
      if (includedFrom == null) {
        throw new InputException(files.describe(filename), "cpu_map file not found");
      }
      throw new InputException(
          includedFrom, line, -1, "included cpu_map file '" + filename + "' not found");
    } catch (IOException e) {
      throw new InputException(files.describe(filename), "cannot read: " + e.getMessage());
    }
    return XmlTreeReader.read(in, files.describe(filename));
  }

  private static CpuMaps loadIndex(MapFiles files, String indexName, MapSource source) {
    String indexSource = files.describe(indexName);
    XmlNode root = readFile(files, indexName, null, -1);
    if (!root.name().equals("cpus")) {
      throw new InputException(
          indexSource,
          root.line(),
          -1,
          "not a cpu_map: the root element is <" + root.name() + ">, expected <cpus>");
    }
    Map<Arch, CpuMap> maps = new EnumMap<>(Arch.class);
    for (XmlNode archNode : root.children("arch")) {
      String name =
          archNode
              .attr("name")
              .orElseThrow(
                  () ->
                      new InputException(
                          indexSource, archNode.line(), -1, "<arch> without a name attribute"));
      Arch arch = Arch.fromMapName(name).orElse(null);
      if (arch == null) {
        continue; // an arch migcheck has no driver for (libvirt ignores unrequested arches too)
      }
      if (maps.containsKey(arch)) {
        throw new InputException(
            indexSource, archNode.line(), -1, "arch '" + name + "' defined twice");
      }
      ArchMapBuilder b = new ArchMapBuilder(arch, source);
      b.loadDocument(archNode, indexSource);
      for (XmlNode inc : includes(archNode)) {
        String fn =
            inc.attr("filename")
                .orElseThrow(
                    () ->
                        new InputException(
                            indexSource, inc.line(), -1, "<include> without a filename attribute"));
        MapFiles.checkIncludeName(fn, indexSource, inc.line());
        XmlNode doc = readFile(files, fn, indexSource, inc.line());
        if (!doc.name().equals("cpus")) {
          throw new InputException(
              files.describe(fn),
              doc.line(),
              -1,
              "not a cpu_map file: the root element is <" + doc.name() + ">, expected <cpus>");
        }
        b.loadDocument(doc, files.describe(fn));
      }
      maps.put(arch, b.build());
    }
    if (maps.isEmpty()) {
      throw new InputException(indexSource, "the cpu_map defines no x86, ppc64 or arm data");
    }
    return new CpuMaps(source, maps);
  }

  /** Include elements of an arch, directly or inside {@code <group>} elements, in document order. */
  private static List<XmlNode> includes(XmlNode arch) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : arch.children()) {
      if (c.name().equals("include")) {
        out.add(c);
      } else if (c.name().equals("group")) {
        out.addAll(includes(c));
      }
    }
    return out;
  }
}
