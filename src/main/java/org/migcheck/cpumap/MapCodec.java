package org.migcheck.cpumap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A compact binary form of a loaded cpu_map. The build writes the bundled map this way (see
 * {@link #main}), so start-up does not parse ~80 XML files on every run; the result is identical
 * to loading the XML (tested), and the XML stays the source of truth.
 *
 * <p>Every run of a short command decodes one such map on a cold JVM, so the form is made for
 * decoding: the file is read in one go and decoded from the byte array with plain index
 * arithmetic (big-endian fixed-width numbers, no streams, lambdas or method references: a run's
 * first lambda alone costs milliseconds of java.lang.invoke set-up); each arch is a section of
 * its own, decoded when first asked for ({@link CpuMaps#forArch}); each section has a table of
 * its strings and one of its distinct bit sets, stored as {@link Bits}'s own 64-bit words, which
 * the entries refer to by number. A CRC-32 of the whole makes a damaged file fail to open
 * (and the loader fall back to the XML) rather than decode into a wrong map.
 *
 * <p>Layout: MAGIC (u16 length + UTF-8), FORMAT (i32), the source's four strings, the number of
 * arches (u16) and per arch its name, offset and length in the body (i32 each), the body's
 * length (i32), the body, and a CRC-32 of all that (i32). A section: whether its register
 * values need 64 bits (u8; else they are u32), strings (u16 count, each u16 length + UTF-8), bit
 * sets (u16 count, each u16 words + u16 non-zero words, each u16 index + i64), then vendors,
 * features and models as {@link #writeArch} lists them. Counts and references are u16; {@link
 * #NONE} is a null reference.
 */
public final class MapCodec {
  static final int FORMAT = 2;
  static final int NONE = 0xFFFF;
  static final String MAGIC = "migcheck-cpu-map";

  private MapCodec() {}

  /** Writes every bundled map (read from the classpath XML) under the given classes directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: MapCodec CLASSES_DIRECTORY");
      System.exit(2);
    }
    java.util.Map<String, String> firstKnown = new java.util.TreeMap<>();
    for (String version : CpuMapLoader.bundledVersions()) {
      CpuMaps maps = CpuMapLoader.bundledFromXml(version);
      Path out = Path.of(args[0], CpuMapLoader.binaryName(version));
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        write(maps, os);
      }
      for (Arch a : maps.arches()) {
        for (String name : CpuMapLoader.namesOf(maps.forArch(a).orElseThrow())) {
          firstKnown.putIfAbsent(a.name() + "." + name, version);
        }
      }
    }
    // the oldest bundled libvirt knowing each name, for hints without loading every map
    StringBuilder sb = new StringBuilder();
    firstKnown.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    Files.writeString(Path.of(args[0], CpuMapLoader.FIRST_KNOWN), sb.toString());
  }

  public static void write(CpuMaps maps, OutputStream os) throws IOException {
    Out sections = new Out();
    List<Arch> arches = new ArrayList<>(maps.arches());
    int[] offsets = new int[arches.size()];
    for (int i = 0; i < arches.size(); i++) {
      offsets[i] = sections.size();
      writeArch(sections, maps.forArch(arches.get(i)).orElseThrow());
    }
    Out head = new Out();
    head.string(MAGIC);
    head.i32(FORMAT);
    MapSource s = maps.source();
    head.nullableString(s.kind());
    head.nullableString(s.location());
    head.nullableString(s.layout());
    head.nullableString(s.libvirtVersion());
    head.u16(arches.size());
    for (int i = 0; i < arches.size(); i++) {
      head.string(arches.get(i).mapName());
      head.i32(offsets[i]);
      head.i32((i + 1 < offsets.length ? offsets[i + 1] : sections.size()) - offsets[i]);
    }
    head.i32(sections.size());
    sections.writeTo(head);
    head.i32(crc(head.bytes(), 0, head.size()));
    head.writeTo(os);
    os.flush();
  }

  private static void writeArch(Out out, CpuMap m) throws IOException {
    // the tables first: every string and distinct bit set the entries below refer to
    Map<String, Integer> strings = new LinkedHashMap<>();
    Map<Bits, Integer> bits = new LinkedHashMap<>();
    boolean wide = !fitsU32(m);
    Out entries = new Out();
    entries.u16(m.vendors().size());
    for (Vendor v : m.vendors()) {
      entries.u16(ref(strings, v.name()));
      entries.u16(ref(strings, v.cpuidString()));
      entries.u8(v.value() == null ? 0 : 1);
      entries.value(v.value() == null ? 0 : v.value(), wide);
      entries.u16(ref(bits, v.bits()));
    }
    entries.u16(m.features().size());
    for (Feature f : m.features()) {
      entries.u16(ref(strings, f.name()));
      entries.u16(f.cpuid().size());
      for (CpuidBits c : f.cpuid()) {
        entries.value(c.eaxIn(), wide);
        entries.value(c.ecxIn(), wide);
        entries.value(c.eax(), wide);
        entries.value(c.ebx(), wide);
        entries.value(c.ecx(), wide);
        entries.value(c.edx(), wide);
      }
      entries.u16(f.msr().size());
      for (MsrBits r : f.msr()) {
        entries.value(r.index(), wide);
        entries.value(r.eax(), wide);
        entries.value(r.edx(), wide);
      }
      entries.u16(f.aliases().size());
      for (FeatureAlias a : f.aliases()) {
        entries.u16(ref(strings, a.name()));
        entries.u16(ref(strings, a.source()));
      }
      entries.u16(f.depends().size());
      for (String d : f.depends()) {
        entries.u16(ref(strings, d));
      }
      entries.u8(f.migratable() ? 1 : 0);
      entries.u16(ref(bits, f.bits()));
    }
    entries.u16(m.models().size());
    for (CpuModel md : m.models()) {
      entries.u16(ref(strings, md.name()));
      entries.u16(ref(strings, md.ancestor()));
      entries.u16(md.vendor() == null ? NONE : indexIn(m.vendors(), md.vendor(), md.name()));
      entries.u16(md.signatures().size());
      for (Signature sig : md.signatures()) {
        entries.i32(sig.family());
        entries.i32(sig.model());
        BitSet st = sig.steppings();
        if (st != null && st.length() > 64) {
          throw new IOException("model " + md.name() + ": a stepping above 63");
        }
        entries.u8(st == null ? 0 : 1);
        entries.i64(st == null || st.isEmpty() ? 0 : st.toLongArray()[0]);
      }
      entries.u8(md.decodeHost() ? 1 : 0);
      entries.u8(md.decodeGuest() ? 1 : 0);
      entries.u16(ref(bits, md.bits()));
      for (List<Feature> list : List.of(md.removedFeatures(), md.addedFeatures())) {
        entries.u16(list.size());
        for (Feature f : list) {
          entries.u16(indexIn(m.features(), f, md.name()));
        }
      }
      entries.u16(ref(strings, md.checkPartial()));
      entries.u16(md.pvrs().size());
      for (Pvr p : md.pvrs()) {
        entries.value(p.value(), wide);
        entries.value(p.mask(), wide);
      }
    }
    out.u8(wide ? 1 : 0);
    out.u16(strings.size());
    for (String str : strings.keySet()) {
      out.string(str);
    }
    out.u16(bits.size());
    for (Bits b : bits.keySet()) {
      int nonZero = 0;
      for (int i = 0; i < b.wordCount(); i++) {
        nonZero += b.word(i) != 0 ? 1 : 0;
      }
      out.u16(b.wordCount());
      out.u16(nonZero);
      for (int i = 0; i < b.wordCount(); i++) {
        if (b.word(i) != 0) {
          out.u16(i);
          out.i64(b.word(i));
        }
      }
    }
    entries.writeTo(out);
  }

  /**
   * Whether every register value, MSR index, PVR and vendor value is a u32 (as in libvirt, whose
   * are 32-bit): the section then stores them in 4 bytes, which halves the reads of a decode.
   */
  private static boolean fitsU32(CpuMap m) {
    List<Long> values = new ArrayList<>();
    for (Vendor v : m.vendors()) {
      values.add(v.value() == null ? 0 : v.value());
    }
    for (Feature f : m.features()) {
      for (CpuidBits c : f.cpuid()) {
        values.addAll(List.of(c.eaxIn(), c.ecxIn(), c.eax(), c.ebx(), c.ecx(), c.edx()));
      }
      for (MsrBits r : f.msr()) {
        values.addAll(List.of(r.index(), r.eax(), r.edx()));
      }
    }
    for (CpuModel md : m.models()) {
      for (Pvr p : md.pvrs()) {
        values.addAll(List.of(p.value(), p.mask()));
      }
    }
    for (long v : values) {
      if (v < 0 || v > 0xFFFFFFFFL) {
        return false;
      }
    }
    return true;
  }

  /** The number of a string or bit set in its table, added when new; NONE for null. */
  private static <T> int ref(Map<T, Integer> table, T value) throws IOException {
    if (value == null) {
      return NONE;
    }
    Integer n = table.get(value);
    if (n == null) {
      n = table.size();
      if (n >= NONE) {
        throw new IOException("too many strings or bit sets for this format");
      }
      table.put(value, n);
    }
    return n;
  }

  private static <T> int indexIn(List<T> list, T item, String model) throws IOException {
    int i = list.indexOf(item);
    if (i < 0) {
      throw new IOException("model " + model + " refers to something its map does not list");
    }
    return i;
  }

  /**
   * Opens a map written by {@link #write}, checking its format and CRC; its arches are decoded
   * when first asked for. IOException for anything else (another format, a damaged file).
   */
  public static CpuMaps read(InputStream is) throws IOException {
    byte[] b = is.readAllBytes();
    try {
      int end = b.length - 4;
      if (end < 0 || new In(b, end).i32() != crc(b, 0, end)) {
        throw new IOException("not a migcheck cpu_map, or a damaged one (its CRC does not match)");
      }
      In in = new In(b, 0);
      if (!MAGIC.equals(in.string()) || in.i32() != FORMAT) {
        throw new IOException("not a migcheck cpu_map of format " + FORMAT);
      }
      MapSource src = new MapSource(in.nullableString(), in.nullableString(),
          in.nullableString(), in.nullableString());
      int n = in.u16();
      Arch[] arches = new Arch[n];
      int[] offsets = new int[n];
      int[] lengths = new int[n];
      for (int i = 0; i < n; i++) {
        arches[i] = Arch.fromMapName(in.string()).orElse(null);
        offsets[i] = in.i32();
        lengths[i] = in.i32();
      }
      int bodyLength = in.i32();
      int body = in.position();
      if (bodyLength != end - body) {
        throw new IOException("a damaged migcheck cpu_map (its length does not match)");
      }
      Map<Arch, Section> sections = new EnumMap<>(Arch.class);
      for (int i = 0; i < n; i++) {
        if (arches[i] == null || sections.containsKey(arches[i]) || offsets[i] < 0
            || lengths[i] < 0 || offsets[i] > bodyLength - lengths[i]) {
          throw new IOException("a damaged migcheck cpu_map (its table of arches)");
        }
        sections.put(arches[i], new Section(arches[i], b, body + offsets[i], lengths[i]));
      }
      return CpuMaps.decodedOnUse(src, sections);
    } catch (RuntimeException e) {
      throw new IOException("a damaged migcheck cpu_map: " + e, e);
    }
  }

  private static int crc(byte[] b, int offset, int length) {
    CRC32 c = new CRC32();
    c.update(b, offset, length);
    return (int) c.getValue();
  }

  /** One arch's bytes in a map that passed its CRC check, decoded on demand. */
  static final class Section {
    private final Arch arch;
    private final byte[] bytes;
    private final int offset;
    private final int length;

    Section(Arch arch, byte[] bytes, int offset, int length) {
      this.arch = arch;
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
    }

    CpuMap decode(MapSource source) {
      try {
        In in = new In(bytes, offset);
        CpuMap m = decode(in, source);
        if (in.position() != offset + length) {
          throw new IllegalStateException("decoding ended at byte " + (in.position() - offset));
        }
        return m;
      } catch (RuntimeException e) {
        // the CRC matched, so writer and reader disagree: a bug, never a silently wrong map
        throw new IllegalStateException(
            "the precompiled " + arch.mapName() + " cpu_map does not decode: " + e, e);
      }
    }

    private CpuMap decode(In in, MapSource source) {
      boolean wide = in.u8() != 0;
      String[] strings = new String[in.u16()];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = in.string();
      }
      Bits[] bits = new Bits[in.u16()];
      for (int i = 0; i < bits.length; i++) {
        long[] words = new long[in.u16()];
        for (int k = in.u16(); k > 0; k--) {
          words[in.u16()] = in.i64();
        }
        bits[i] = Bits.ofWords(words);
      }
      Vendor[] vendors = new Vendor[in.u16()];
      for (int i = 0; i < vendors.length; i++) {
        String name = strings[in.u16()];
        String cpuid = in.ref(strings);
        boolean hasValue = in.u8() != 0;
        long value = in.value(wide);
        vendors[i] = new Vendor(name, cpuid, hasValue ? value : null, bits[in.u16()]);
      }
      Feature[] features = new Feature[in.u16()];
      for (int i = 0; i < features.length; i++) {
        String name = strings[in.u16()];
        CpuidBits[] cpuid = new CpuidBits[in.u16()];
        for (int k = 0; k < cpuid.length; k++) {
          cpuid[k] = new CpuidBits(in.value(wide), in.value(wide), in.value(wide),
              in.value(wide), in.value(wide), in.value(wide));
        }
        MsrBits[] msr = new MsrBits[in.u16()];
        for (int k = 0; k < msr.length; k++) {
          msr[k] = new MsrBits(in.value(wide), in.value(wide), in.value(wide));
        }
        FeatureAlias[] aliases = new FeatureAlias[in.u16()];
        for (int k = 0; k < aliases.length; k++) {
          aliases[k] = new FeatureAlias(strings[in.u16()], in.ref(strings));
        }
        String[] depends = new String[in.u16()];
        for (int k = 0; k < depends.length; k++) {
          depends[k] = strings[in.u16()];
        }
        boolean migratable = in.u8() != 0;
        features[i] = new Feature(name, i, List.of(cpuid), List.of(msr), List.of(aliases),
            List.of(depends), migratable, bits[in.u16()]);
      }
      CpuModel[] models = new CpuModel[in.u16()];
      for (int i = 0; i < models.length; i++) {
        String name = strings[in.u16()];
        String ancestor = in.ref(strings);
        int vendor = in.u16();
        Signature[] sigs = new Signature[in.u16()];
        for (int k = 0; k < sigs.length; k++) {
          int family = in.i32();
          int model = in.i32();
          boolean hasSteppings = in.u8() != 0;
          long steppings = in.i64();
          sigs[k] = new Signature(family, model,
              hasSteppings ? BitSet.valueOf(new long[] {steppings}) : null);
        }
        boolean host = in.u8() != 0;
        boolean guest = in.u8() != 0;
        Bits modelBits = bits[in.u16()];
        Feature[] removed = new Feature[in.u16()];
        for (int k = 0; k < removed.length; k++) {
          removed[k] = features[in.u16()];
        }
        Feature[] added = new Feature[in.u16()];
        for (int k = 0; k < added.length; k++) {
          added[k] = features[in.u16()];
        }
        String check = in.ref(strings);
        Pvr[] pvrs = new Pvr[in.u16()];
        for (int k = 0; k < pvrs.length; k++) {
          pvrs[k] = new Pvr(in.value(wide), in.value(wide));
        }
        models[i] = new CpuModel(name, i, ancestor, vendor == NONE ? null : vendors[vendor],
            List.of(sigs), host, guest, modelBits, List.of(removed), List.of(added), check,
            List.of(pvrs));
      }
      return new CpuMap(arch, source, List.of(vendors), List.of(features), List.of(models));
    }
  }

  /** Reads big-endian numbers and strings from a byte array. */
  private static final class In {
    private final byte[] b;
    private int p;

    In(byte[] b, int p) {
      this.b = b;
      this.p = p;
    }

    int position() {
      return p;
    }

    int u8() {
      return b[p++] & 0xff;
    }

    int u16() {
      int v = (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
      p += 2;
      return v;
    }

    int i32() {
      int v = (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8
          | (b[p + 3] & 0xff);
      p += 4;
      return v;
    }

    long i64() {
      long hi = i32();
      return hi << 32 | (i32() & 0xffffffffL);
    }

    /** A value stored as i64, or as u32 in a section whose values all fit. */
    long value(boolean wide) {
      return wide ? i64() : i32() & 0xFFFFFFFFL;
    }

    String string() {
      int n = u16();
      String s = new String(b, p, n, StandardCharsets.UTF_8);
      p += n;
      return s;
    }

    String nullableString() {
      return u8() == 0 ? null : string();
    }

    /** A string of the table, or null. */
    String ref(String[] strings) {
      int i = u16();
      return i == NONE ? null : strings[i];
    }
  }

  /** Writes what {@link In} reads. */
  private static final class Out extends ByteArrayOutputStream {
    byte[] bytes() {
      return buf;
    }

    void u8(int v) {
      write(v);
    }

    void u16(int v) throws IOException {
      if (v < 0 || v > 0xFFFF) {
        throw new IOException("too large for this format: " + v);
      }
      write(v >>> 8);
      write(v);
    }

    void i32(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void i64(long v) {
      i32((int) (v >>> 32));
      i32((int) v);
    }

    void value(long v, boolean wide) {
      if (wide) {
        i64(v);
      } else {
        i32((int) v);
      }
    }

    void string(String s) throws IOException {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      u16(utf8.length);
      write(utf8, 0, utf8.length);
    }

    void nullableString(String s) throws IOException {
      u8(s == null ? 0 : 1);
      if (s != null) {
        string(s);
      }
    }
  }
}
