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
  private static final String BUNDLED_BINARY = "org/migcheck/cpumap/bundled.bin";

  private static volatile CpuMaps bundled;

  private CpuMapLoader() {}

  /** "bundled", "system", or a path to a cpu_map directory or single-file cpu_map.xml. */
  public static CpuMaps load(String spec) {
    if (spec == null || spec.equals("bundled")) {
      return bundled();
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

  /** The bundled map: its precompiled form when the build made one, else its XML. */
  public static CpuMaps bundled() {
    CpuMaps m = bundled;
    if (m == null) {
      synchronized (CpuMapLoader.class) {
        m = bundled;
        if (m == null) {
          m = bundledFromBinary();
          if (m == null) {
            m = bundledFromXml();
          }
          bundled = m;
        }
      }
    }
    return m;
  }

  /** The bundled map parsed from its XML files. */
  public static CpuMaps bundledFromXml() {
    String version = bundledLibvirtVersion();
    MapSource src = new MapSource("bundled", "bundled", "split", version);
    return loadIndex(MapFiles.classpath(BUNDLED_PREFIX), "index.xml", src);
  }

  /** The bundled map from the binary form the build writes ({@link MapCodec}), or null. */
  public static CpuMaps bundledFromBinary() {
    try (InputStream in =
        CpuMapLoader.class.getClassLoader().getResourceAsStream(BUNDLED_BINARY)) {
      return in == null ? null : MapCodec.read(in);
    } catch (IOException e) {
      return null; // a stale or damaged build artefact: the XML is the source of truth
    }
  }

  /** The libvirt version of the bundled map, from its VERSION file. */
  public static String bundledLibvirtVersion() {
    try (InputStream in =
        CpuMapLoader.class.getClassLoader().getResourceAsStream(BUNDLED_PREFIX + "VERSION")) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return p.getProperty("libvirt");
    } catch (IOException e) {
      return null;
    }
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
