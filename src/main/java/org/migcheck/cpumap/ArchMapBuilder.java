package org.migcheck.cpumap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.migcheck.InputException;
import org.migcheck.xml.XmlNode;

/** Builds one arch's {@link CpuMap} document by document, with libvirt's checks and messages. */
final class ArchMapBuilder {
  private static final String[] CPUID_REGS = {"eax", "ebx", "ecx", "edx"};
  private static final String[] MSR_REGS = {"eax", "edx"};

  private final Arch arch;
  private final MapSource source;
  private final Map<String, Vendor> vendors = new LinkedHashMap<>();
  private final Map<String, Feature> features = new LinkedHashMap<>();
  private final Map<String, CpuModel> models = new LinkedHashMap<>();
  /** Bit positions, keyed by (kind, leaf, sub-leaf, register, bit). */
  private final Map<List<Long>, Integer> positions = new HashMap<>();

  ArchMapBuilder(Arch arch, MapSource source) {
    this.arch = arch;
    this.source = source;
  }

  CpuMap build() {
    return new CpuMap(
        arch,
        source,
        new ArrayList<>(vendors.values()),
        new ArrayList<>(features.values()),
        new ArrayList<>(models.values()));
  }

  void loadDocument(XmlNode doc, String file) {
    for (XmlNode n : doc.children("vendor")) {
      addVendor(n, file);
    }
    for (XmlNode n : doc.children("feature")) {
      addFeature(n, file);
    }
    for (XmlNode n : doc.children("model")) {
      addModel(n, file);
    }
  }

  private static InputException error(String file, XmlNode n, String msg) {
    return new InputException(file, n.line(), -1, msg);
  }

  private String requireName(XmlNode n, String file, String what) {
    String name = n.attr("name").orElse("");
    if (name.isEmpty()) {
      throw error(file, n, "cannot find " + what + " name in CPU map (<" + n.name() + "> element)");
    }
    return name;
  }

  private int position(long kind, long a, long b, long reg, long bit) {
    return positions.computeIfAbsent(List.of(kind, a, b, reg, bit), k -> positions.size());
  }

  private Bits bitsOf(long kind, long a, long b, long reg, long value) {
    Bits.Builder bb = new Bits.Builder();
    for (int bit = 0; bit < 32; bit++) {
      if ((value >>> bit & 1) != 0) {
        bb.set(position(kind, a, b, reg, bit));
      }
    }
    return bb.build();
  }

  // ---- vendors

  private void addVendor(XmlNode n, String file) {
    String name = requireName(n, file, "vendor");
    if (vendors.containsKey(name)) {
      throw error(file, n, "CPU vendor " + name + " already defined");
    }
    Vendor v;
    switch (arch) {
      case X86 -> {
        String s = n.attr("string").orElse(null);
        if (s == null) {
          throw error(file, n, "missing CPU vendor string for vendor " + name);
        }
        if (s.length() != 12) {
          throw error(file, n, "Invalid CPU vendor string '" + s + "' (must be 12 characters)");
        }
        long ebx = word(s, 0);
        long edx = word(s, 4);
        long ecx = word(s, 8);
        Bits bits = bitsOf(0, 0, 0, 1, ebx).or(bitsOf(0, 0, 0, 2, ecx)).or(bitsOf(0, 0, 0, 3, edx));
        v = new Vendor(name, s, null, bits);
      }
      case ARM -> {
        String value = n.attr("value").orElse(null);
        if (value == null) {
          throw error(file, n, "missing CPU vendor value for vendor " + name);
        }
        v = new Vendor(name, null, number(value, file, n, "value"), Bits.EMPTY);
      }
      default -> v = new Vendor(name, null, null, Bits.EMPTY);
    }
    vendors.put(name, v);
  }

  private static long word(String s, int from) {
    long w = 0;
    for (int i = 3; i >= 0; i--) {
      w = (w << 8) | (s.charAt(from + i) & 0xff);
    }
    return w;
  }

  // ---- features

  private void addFeature(XmlNode n, String file) {
    String name = requireName(n, file, "feature");
    if (features.containsKey(name)) {
      throw error(file, n, "CPU feature " + name + " already defined");
    }
    if (arch == Arch.PPC64) {
      throw error(file, n, "the ppc64 CPU driver does not support features (feature " + name + ")");
    }
    List<CpuidBits> cpuid = new ArrayList<>();
    List<MsrBits> msr = new ArrayList<>();
    List<FeatureAlias> aliases = new ArrayList<>();
    List<String> depends = new ArrayList<>();
    Bits.Builder bits = new Bits.Builder();
    boolean migratable = !"no".equals(n.attr("migratable").orElse(null));
    for (XmlNode c : n.children()) {
      switch (c.name()) {
        case "alias" ->
            aliases.add(
                new FeatureAlias(requireName(c, file, "alias"), c.attr("source").orElse(null)));
        case "depends" -> {
          for (XmlNode d : c.children("feature")) {
            depends.add(requireName(d, file, "feature"));
          }
        }
        case "cpuid" -> {
          String in = c.attr("eax_in").or(() -> c.attr("function")).orElse(null);
          if (in == null) {
            throw error(file, c, "missing eax_in in CPUID data of feature " + name);
          }
          long eaxIn = number(in, file, c, "eax_in");
          long ecxIn = c.attr("ecx_in").map(v -> number(v, file, c, "ecx_in")).orElse(0L);
          long[] r = new long[4];
          for (int i = 0; i < 4; i++) {
            String reg = CPUID_REGS[i];
            r[i] = c.attr(reg).map(v -> register(v, file, c, reg)).orElse(0L);
            bits.or(bitsOf(1, eaxIn, ecxIn, i, r[i]));
          }
          cpuid.add(new CpuidBits(eaxIn, ecxIn, r[0], r[1], r[2], r[3]));
        }
        case "msr" -> {
          long index = number(requiredAttr(c, "index", file, name), file, c, "index");
          long eax = register(requiredAttr(c, "eax", file, name), file, c, "eax");
          long edx = register(requiredAttr(c, "edx", file, name), file, c, "edx");
          bits.or(bitsOf(2, index, 0, 0, eax)).or(bitsOf(2, index, 0, 1, edx));
          msr.add(new MsrBits(index, eax, edx));
        }
        default ->
            throw error(
                file, c, "unknown element <" + c.name() + "> in definition of feature " + name);
      }
    }
    Bits fb = bits.build();
    if (arch == Arch.X86 && cpuid.isEmpty() && msr.isEmpty()) {
      throw error(file, n, "no x86 CPU data found for feature " + name);
    }
    if (arch != Arch.X86) {
      fb = Bits.of(position(3, 0, 0, 0, features.size()));
    }
    features.put(
        name,
        new Feature(name, features.size(), cpuid, msr, aliases, depends, migratable, fb));
  }

  private static String requiredAttr(XmlNode c, String attr, String file, String feature) {
    return c.attr(attr)
        .orElseThrow(
            () ->
                error(
                    file,
                    c,
                    "missing " + attr + " in <" + c.name() + "> data of feature " + feature));
  }

  private static long register(String v, String file, XmlNode n, String attr) {
    long value = number(v, file, n, attr);
    if (value > 0xffffffffL) {
      throw error(file, n, "value of " + attr + " '" + v + "' does not fit in 32 bits");
    }
    return value;
  }

  /** Parses like strtoul(..., 0): 0x.. hex, 0.. octal, else decimal. */
  static long number(String v, String file, XmlNode n, String attr) {
    String s = v.strip();
    try {
      long value;
      if (s.startsWith("0x") || s.startsWith("0X")) {
        value = Long.parseUnsignedLong(s.substring(2), 16);
      } else if (s.length() > 1 && s.startsWith("0")) {
        value = Long.parseUnsignedLong(s.substring(1), 8);
      } else {
        value = Long.parseUnsignedLong(s, 10);
      }
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw error(file, n, "invalid number '" + v + "' in attribute " + attr + " of <" + n.name() + ">");
    }
  }

  // ---- models

  private void addModel(XmlNode n, String file) {
    String name = requireName(n, file, "model");
    if (models.containsKey(name)) {
      throw error(file, n, "Multiple definitions of CPU model '" + name + "'");
    }
    switch (arch) {
      case X86 -> addX86Model(n, file, name);
      default -> addPvrModel(n, file, name);
    }
  }

  private void addX86Model(XmlNode n, String file, String name) {
    boolean decodeHost = true;
    boolean decodeGuest = true;
    Optional<XmlNode> decode = n.child("decode");
    if (decode.isPresent()) {
      decodeHost = onOff(decode.get(), "host", file, name);
      decodeGuest = onOff(decode.get(), "guest", file, name);
    }
    String ancestor = null;
    Vendor vendor = null;
    List<Signature> signatures = new ArrayList<>();
    Bits.Builder bits = new Bits.Builder();
    Optional<XmlNode> anc = n.child("model");
    if (anc.isPresent()) {
      ancestor = requireName(anc.get(), file, "ancestor model");
      CpuModel a = models.get(ancestor);
      if (a == null) {
        throw error(file, anc.get(), "Ancestor model " + ancestor + " not found for CPU model " + name);
      }
      vendor = a.vendor();
      signatures.addAll(a.signatures());
      bits.or(a.bits());
    }
    List<XmlNode> sigs = n.children("signature");
    if (!sigs.isEmpty()) {
      signatures.clear();
      for (XmlNode s : sigs) {
        signatures.add(signature(s, file, name));
      }
    }
    Vendor own = modelVendor(n, file, name);
    if (own != null) {
      vendor = own;
    }
    List<Feature> removed = new ArrayList<>();
    List<Feature> added = new ArrayList<>();
    for (XmlNode fn : n.children("feature")) {
      String fname = requireName(fn, file, "feature");
      Feature f = features.get(fname);
      if (f == null) {
        throw error(file, fn, "Feature " + fname + " required by CPU model " + name + " not found");
      }
      if (yes(fn, "removed", file, fname)) {
        removed.add(f);
      } else if (yes(fn, "added", file, fname)) {
        added.add(f);
      } else {
        bits.or(f.bits());
      }
    }
    String checkPartial = n.child("check").flatMap(c -> c.attr("partial")).orElse(null);
    models.put(
        name,
        new CpuModel(
            name,
            models.size(),
            ancestor,
            vendor,
            signatures,
            decodeHost,
            decodeGuest,
            bits.build(),
            removed,
            added,
            checkPartial,
            List.of()));
  }

  private static boolean yes(XmlNode fn, String attr, String file, String fname) {
    String v = fn.attr(attr).orElse("no");
    return switch (v) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw error(file, fn, "invalid value '" + v + "' of " + attr + " for feature " + fname);
    };
  }

  private static boolean onOff(XmlNode d, String attr, String file, String model) {
    String v = d.attr(attr).orElse(null);
    if ("on".equals(v)) {
      return true;
    }
    if ("off".equals(v)) {
      return false;
    }
    throw error(
        file, d, "missing or invalid decode " + attr + " attribute for CPU model " + model);
  }

  private static Signature signature(XmlNode s, String file, String model) {
    long family = s.attr("family").map(v -> number(v, file, s, "family")).orElse(0L);
    if (family == 0) {
      throw error(file, s, "Invalid CPU signature family in model " + model);
    }
    Long m = s.attr("model").map(v -> number(v, file, s, "model")).orElse(null);
    if (m == null) {
      throw error(file, s, "Invalid CPU signature model in model " + model);
    }
    BitSet steppings = null;
    Optional<String> st = s.attr("stepping");
    if (st.isPresent()) {
      steppings = rangeList(st.get(), file, s, model);
    }
    return new Signature((int) family, m.intValue(), steppings);
  }

  /** A libvirt bitmap string such as "0-4,7" over steppings 0..15. */
  private static BitSet rangeList(String spec, String file, XmlNode s, String model) {
    BitSet b = new BitSet();
    for (String part : spec.split(",")) {
      String p = part.strip();
      try {
        int dash = p.indexOf('-');
        int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
        int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).strip());
        if (lo < 0 || hi > 15 || lo > hi) {
          throw new NumberFormatException();
        }
        b.set(lo, hi + 1);
      } catch (NumberFormatException e) {
        throw error(file, s, "Invalid CPU signature stepping '" + spec + "' in model " + model);
      }
    }
    return b;
  }

  /** The model's own {@code <vendor>}, or null when it names none. */
  private Vendor modelVendor(XmlNode n, String file, String name) {
    Optional<XmlNode> vn = n.child("vendor");
    if (vn.isEmpty()) {
      return null;
    }
    String v = requireName(vn.get(), file, "vendor");
    Vendor vendor = vendors.get(v);
    if (vendor == null) {
      throw error(file, vn.get(), "Unknown vendor " + v + " referenced by CPU model " + name);
    }
    return vendor;
  }

  private void addPvrModel(XmlNode n, String file, String name) {
    Vendor vendor = modelVendor(n, file, name);
    List<Pvr> pvrs = new ArrayList<>();
    for (XmlNode p : n.children("pvr")) {
      long value =
          number(p.attr("value").orElseThrow(() -> error(file, p, "Missing or invalid PVR value in CPU model " + name)), file, p, "value");
      long mask =
          p.attr("mask").map(v -> number(v, file, p, "mask")).orElse(arch == Arch.ARM ? 0xfffL : 0xffffffffL);
      pvrs.add(new Pvr(value, mask));
    }
    if (pvrs.isEmpty()) {
      throw error(file, n, "Missing PVR information for CPU model " + name);
    }
    models.put(
        name,
        new CpuModel(
            name, models.size(), null, vendor, List.of(), true, true, Bits.EMPTY, List.of(),
            List.of(), null, pvrs));
  }
}
