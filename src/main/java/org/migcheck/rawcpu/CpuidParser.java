package org.migcheck.rawcpu;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.migcheck.InputException;
import org.migcheck.xml.XmlNode;
import org.migcheck.xml.XmlTreeReader;

/**
 * Reads raw CPUID dumps: the output of {@code cpuid -r} (Debian's cpuid package; only the first
 * CPU's block is used, every CPU of a host has the same features) and libvirt's own {@code
 * <cpudata arch='x86'>} (tests/cputestdata, virCPUx86DataFormat).
 */
public final class CpuidParser {
  private CpuidParser() {}

  /**
   * The text format's patterns, compiled on first use: every host file named on a command line is
   * sniffed ({@link #sniff}), and an XML one never needs them.
   */
  private static final class Patterns {
    /** "   0x00000007 0x00: eax=0x00000001 ebx=0xf1bf07ab ecx=0x00405fc6 edx=0x00000010" */
    static final Pattern LINE =
        Pattern.compile(
            "^\\s*0x([0-9a-fA-F]{1,8})\\s+0x([0-9a-fA-F]{1,8}):\\s+eax=0x([0-9a-fA-F]{1,8})\\s+"
                + "ebx=0x([0-9a-fA-F]{1,8})\\s+ecx=0x([0-9a-fA-F]{1,8})\\s+edx=0x([0-9a-fA-F]{1,8})\\s*$");

    /** "CPU 0:" before each CPU's block, "CPU:" with -1 (one CPU). */
    static final Pattern CPU_HEADER = Pattern.compile("^CPU( \\d+)?:\\s*$");
  }

  /** Whether the text starts like one of the two formats (looked at before parsing). */
  public static Kind sniff(String head) {
    String h = head.stripLeading();
    // XML (every host document) is never the text format, whose lines start "CPU" or "0x"
    if (!h.startsWith("<")) {
      String first = h.lines().findFirst().orElse("");
      if (Patterns.CPU_HEADER.matcher(first).matches() || Patterns.LINE.matcher(first).matches()) {
        return Kind.CPUID_R;
      }
    }
    if (h.startsWith("<cpudata") || (h.startsWith("<?xml") && h.contains("<cpudata"))) {
      return Kind.CPUDATA;
    }
    return null;
  }

  public enum Kind {
    CPUID_R,
    CPUDATA
  }

  public static CpuidData parse(String text, String file) {
    return sniff(text) == Kind.CPUDATA ? parseCpudata(text, file) : parseCpuidR(text, file);
  }

  static CpuidData parseCpuidR(String text, String file) {
    Map<CpuidData.Leaf, long[]> leaves = new LinkedHashMap<>();
    int lineNo = 0;
    boolean seenCpu = false;
    for (String line : text.split("\\r?\\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (Patterns.CPU_HEADER.matcher(line).matches()) {
        if (seenCpu) {
          break; // the next CPU's block
        }
        seenCpu = true;
        continue;
      }
      Matcher m = Patterns.LINE.matcher(line);
      if (!m.matches()) {
        throw new InputException(file, lineNo, -1, "not a line of 'cpuid -r' output (0xLEAF 0xSUB: eax=... ebx=... ecx=... edx=...)");
      }
      leaves.put(
          new CpuidData.Leaf(hex(m.group(1)), hex(m.group(2))),
          new long[] {hex(m.group(3)), hex(m.group(4)), hex(m.group(5)), hex(m.group(6))});
    }
    if (leaves.isEmpty()) {
      throw new InputException(file, "no CPUID leaves in the 'cpuid -r' output");
    }
    return new CpuidData(leaves, Map.of());
  }

  static CpuidData parseCpudata(String text, String file) {
    XmlNode root = XmlTreeReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file);
    if (!root.name().equals("cpudata")) {
      throw new InputException(file, root.line(), -1, "expected <cpudata arch='x86'>, found <" + root.name() + ">");
    }
    String arch = root.attr("arch").orElse("");
    if (!arch.equals("x86")) {
      throw new InputException(file, root.line(), -1, "only <cpudata arch='x86'> is supported, not arch='" + arch + "'");
    }
    Map<CpuidData.Leaf, long[]> leaves = new LinkedHashMap<>();
    Map<Long, Long> msrs = new LinkedHashMap<>();
    for (XmlNode c : root.children()) {
      switch (c.name()) {
        case "cpuid" -> {
          long[] r = new long[4];
          for (int i = 0; i < 4; i++) {
            r[i] = number(c, CpuidData.REGISTERS.get(i), file);
          }
          leaves.put(new CpuidData.Leaf(number(c, "eax_in", file), number(c, "ecx_in", file)), r);
        }
        case "msr" -> msrs.put(number(c, "index", file), (number(c, "edx", file) << 32) | number(c, "eax", file));
        default -> throw new InputException(file, c.line(), -1, "unexpected <" + c.name() + "> in <cpudata>");
      }
    }
    if (leaves.isEmpty()) {
      throw new InputException(file, "no <cpuid> leaves in <cpudata>");
    }
    return new CpuidData(leaves, msrs);
  }

  private static long number(XmlNode n, String attr, String file) {
    String v = n.attr(attr).orElseThrow(() -> new InputException(file, n.line(), -1, "<" + n.name() + "> has no " + attr));
    try {
      String s = v.strip();
      long x = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
      if (x < 0 || (!attr.equals("index") && x > 0xffffffffL)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new InputException(file, n.line(), -1, "<" + n.name() + "> " + attr + "='" + v + "' is not a 32-bit number");
    }
  }

  private static long hex(String s) {
    return Long.parseLong(s, 16);
  }
}
