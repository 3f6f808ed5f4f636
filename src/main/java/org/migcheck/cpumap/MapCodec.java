package org.migcheck.cpumap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a loaded cpu_map. The build writes the bundled map this way (see
 * {@link #main}), so start-up does not parse ~80 XML files on every run; the result is identical
 * to loading the XML (tested), and the XML stays the source of truth.
 */
public final class MapCodec {
  static final int FORMAT = 1;
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
    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os));
    out.writeUTF(MAGIC);
    out.writeInt(FORMAT);
    MapSource s = maps.source();
    writeNullable(out, s.kind());
    writeNullable(out, s.location());
    writeNullable(out, s.layout());
    writeNullable(out, s.libvirtVersion());
    out.writeInt(maps.arches().size());
    for (Arch a : maps.arches()) {
      out.writeUTF(a.name());
      writeArch(out, maps.forArch(a).orElseThrow());
    }
    out.flush();
  }

  private static void writeArch(DataOutputStream out, CpuMap m) throws IOException {
    out.writeInt(m.vendors().size());
    for (Vendor v : m.vendors()) {
      out.writeUTF(v.name());
      writeNullable(out, v.cpuidString());
      out.writeBoolean(v.value() != null);
      out.writeLong(v.value() == null ? 0 : v.value());
      writeBits(out, v.bits());
    }
    out.writeInt(m.features().size());
    for (Feature f : m.features()) {
      out.writeUTF(f.name());
      out.writeInt(f.cpuid().size());
      for (CpuidBits c : f.cpuid()) {
        for (long l : new long[] {c.eaxIn(), c.ecxIn(), c.eax(), c.ebx(), c.ecx(), c.edx()}) {
          out.writeLong(l);
        }
      }
      out.writeInt(f.msr().size());
      for (MsrBits r : f.msr()) {
        out.writeLong(r.index());
        out.writeLong(r.eax());
        out.writeLong(r.edx());
      }
      out.writeInt(f.aliases().size());
      for (FeatureAlias a : f.aliases()) {
        out.writeUTF(a.name());
        writeNullable(out, a.source());
      }
      writeStrings(out, f.depends());
      out.writeBoolean(f.migratable());
      writeBits(out, f.bits());
    }
    out.writeInt(m.models().size());
    for (CpuModel md : m.models()) {
      out.writeUTF(md.name());
      writeNullable(out, md.ancestor());
      writeNullable(out, md.vendor() == null ? null : md.vendor().name());
      out.writeInt(md.signatures().size());
      for (Signature sig : md.signatures()) {
        out.writeInt(sig.family());
        out.writeInt(sig.model());
        BitSet st = sig.steppings();
        out.writeLong(st == null ? -1L : (st.isEmpty() ? 0 : st.toLongArray()[0]));
      }
      out.writeBoolean(md.decodeHost());
      out.writeBoolean(md.decodeGuest());
      writeBits(out, md.bits());
      writeStrings(out, md.removedFeatures().stream().map(Feature::name).toList());
      writeStrings(out, md.addedFeatures().stream().map(Feature::name).toList());
      writeNullable(out, md.checkPartial());
      out.writeInt(md.pvrs().size());
      for (Pvr p : md.pvrs()) {
        out.writeLong(p.value());
        out.writeLong(p.mask());
      }
    }
  }

  public static CpuMaps read(java.io.InputStream is) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is));
    if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
      throw new IOException("not a migcheck cpu_map of format " + FORMAT);
    }
    MapSource src = new MapSource(readNullable(in), readNullable(in), readNullable(in), readNullable(in));
    Map<Arch, CpuMap> byArch = new EnumMap<>(Arch.class);
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      Arch a = Arch.valueOf(in.readUTF());
      byArch.put(a, readArch(in, a, src));
    }
    return new CpuMaps(src, byArch);
  }

  private static CpuMap readArch(DataInputStream in, Arch arch, MapSource src) throws IOException {
    List<Vendor> vendors = new ArrayList<>();
    Map<String, Vendor> vendorByName = new HashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      String name = in.readUTF();
      String str = readNullable(in);
      boolean hasValue = in.readBoolean();
      long value = in.readLong();
      Vendor v = new Vendor(name, str, hasValue ? value : null, readBits(in));
      vendors.add(v);
      vendorByName.put(name, v);
    }
    List<Feature> features = new ArrayList<>();
    Map<String, Feature> featureByName = new HashMap<>();
    int nf = in.readInt();
    for (int i = 0; i < nf; i++) {
      String name = in.readUTF();
      List<CpuidBits> cpuid = new ArrayList<>();
      for (int k = in.readInt(); k > 0; k--) {
        cpuid.add(new CpuidBits(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
            in.readLong(), in.readLong()));
      }
      List<MsrBits> msr = new ArrayList<>();
      for (int k = in.readInt(); k > 0; k--) {
        msr.add(new MsrBits(in.readLong(), in.readLong(), in.readLong()));
      }
      List<FeatureAlias> aliases = new ArrayList<>();
      for (int k = in.readInt(); k > 0; k--) {
        aliases.add(new FeatureAlias(in.readUTF(), readNullable(in)));
      }
      List<String> depends = readStrings(in);
      boolean migratable = in.readBoolean();
      Feature f = new Feature(name, i, cpuid, msr, aliases, depends, migratable, readBits(in));
      features.add(f);
      featureByName.put(name, f);
    }
    List<CpuModel> models = new ArrayList<>();
    int nm = in.readInt();
    for (int i = 0; i < nm; i++) {
      String name = in.readUTF();
      String ancestor = readNullable(in);
      String vendor = readNullable(in);
      List<Signature> sigs = new ArrayList<>();
      for (int k = in.readInt(); k > 0; k--) {
        int family = in.readInt();
        int model = in.readInt();
        long st = in.readLong();
        sigs.add(new Signature(family, model, st == -1L ? null : BitSet.valueOf(new long[] {st})));
      }
      boolean host = in.readBoolean();
      boolean guest = in.readBoolean();
      Bits bits = readBits(in);
      List<Feature> removed = readStrings(in).stream().map(featureByName::get).toList();
      List<Feature> added = readStrings(in).stream().map(featureByName::get).toList();
      String check = readNullable(in);
      List<Pvr> pvrs = new ArrayList<>();
      for (int k = in.readInt(); k > 0; k--) {
        pvrs.add(new Pvr(in.readLong(), in.readLong()));
      }
      models.add(new CpuModel(name, i, ancestor, vendor == null ? null : vendorByName.get(vendor),
          sigs, host, guest, bits, removed, added, check, pvrs));
    }
    return new CpuMap(arch, src, vendors, features, models);
  }

  private static void writeBits(DataOutputStream out, Bits b) throws IOException {
    int[] pos = b.positions().toArray();
    out.writeInt(pos.length);
    for (int p : pos) {
      out.writeShort(p);
    }
  }

  private static Bits readBits(DataInputStream in) throws IOException {
    Bits.Builder b = new Bits.Builder();
    for (int k = in.readInt(); k > 0; k--) {
      b.set(in.readUnsignedShort());
    }
    return b.build();
  }

  private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      out.writeUTF(s);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    for (int k = in.readInt(); k > 0; k--) {
      out.add(in.readUTF());
    }
    return out;
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
