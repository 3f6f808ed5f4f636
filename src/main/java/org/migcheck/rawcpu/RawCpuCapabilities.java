package org.migcheck.rawcpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.CpuMaps;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuXml;

/**
 * A raw CPUID dump given where a host is read becomes the {@code <capabilities>} libvirt would
 * report for it (host CPU only), decoded with the bundled cpu_map.
 */
public final class RawCpuCapabilities {
  private RawCpuCapabilities() {}

  /** Whether a file given on the command line is a CPUID dump (looks at its first bytes only). */
  public static boolean isDump(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(512), StandardCharsets.ISO_8859_1);
      return CpuidParser.sniff(head) != null || isCpuinfo(head);
    } catch (IOException e) {
      return false; // the normal reader reports why it cannot be read
    }
  }

  /** Whether a file is a /proc/cpuinfo (looks at its first bytes only). */
  public static boolean isCpuinfo(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return isCpuinfo(new String(in.readNBytes(512), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return false;
    }
  }

  /** /proc/cpuinfo starts with "processor\t: 0". */
  static boolean isCpuinfo(String head) {
    // the prefix first: every host file named on a command line is asked, and the regex costs a
    // cold JVM some milliseconds
    return head.startsWith("processor") && head.matches("(?s)processor\\s*:.*");
  }

  /** The capabilities document for the dump in {@code file}. */
  public static String capabilities(Path file, String name) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + e.getMessage());
    }
    // named as libvirt 9.0.0 (Debian 12) names its host, as when this reader was written; newer
    // maps only add names, so every --libvirt from 9.0.0 on reads the result
    CpuMaps maps = CpuMapLoader.bundled("9.0.0");
    if (isCpuinfo(text)) {
      return fromCpuinfo(CpuInfo.parse(text, name), maps, name);
    }
    CpuidData raw = CpuidParser.parse(text, name);
    CpuDef cpu =
        CpuidHost.decode(raw, new CpuEngine(maps), maps.forLibvirtArch("x86_64", name), name);
    int[] sig = CpuidHost.signature(raw);
    StringBuilder sb = new StringBuilder();
    sb.append("<capabilities>\n  <!-- decoded by migcheck from raw CPUID as libvirt decodes its host -->\n");
    sb.append("  <host>\n    <cpu>\n      <arch>x86_64</arch>\n");
    sb.append("      <model>").append(CpuXml.escape(cpu.model())).append("</model>\n");
    if (cpu.vendor() != null) {
      sb.append("      <vendor>").append(CpuXml.escape(cpu.vendor())).append("</vendor>\n");
    }
    sb.append("      <signature family='").append(sig[0]).append("' model='").append(sig[1])
        .append("' stepping='").append(sig[2]).append("'/>\n");
    for (CpuFeature f : cpu.features()) {
      sb.append("      <feature name='").append(CpuXml.escape(f.name())).append("'/>\n");
    }
    sb.append("    </cpu>\n  </host>\n</capabilities>\n");
    return sb.toString();
  }

  private static String fromCpuinfo(CpuInfo info, CpuMaps maps, String name) {
    var map = maps.forLibvirtArch("x86_64", name);
    CpuDef cpu = info.decode(new CpuEngine(maps), map, name);
    StringBuilder sb = new StringBuilder();
    sb.append("<capabilities>\n  <!-- from /proc/cpuinfo: the kernel's view, approximate; flags no")
        .append(" cpu_map feature has: ")
        .append(String.join(" ", info.unmapped(map)).replace("--", "- -"))
        .append(" -->\n");
    sb.append("  <host>\n    <cpu>\n      <arch>x86_64</arch>\n");
    sb.append("      <model>").append(CpuXml.escape(cpu.model())).append("</model>\n");
    if (cpu.vendor() != null) {
      sb.append("      <vendor>").append(CpuXml.escape(cpu.vendor())).append("</vendor>\n");
    }
    if (info.microcode() != null) {
      sb.append("      <microcode version='").append(info.microcode()).append("'/>\n");
    }
    sb.append("      <signature family='").append(info.family()).append("' model='").append(info.model())
        .append("' stepping='").append(info.stepping()).append("'/>\n");
    sb.append("      <topology sockets='").append(info.sockets()).append("' dies='1' cores='")
        .append(info.cores()).append("' threads='").append(info.threads()).append("'/>\n");
    for (CpuFeature f : cpu.features()) {
      sb.append("      <feature name='").append(CpuXml.escape(f.name())).append("'/>\n");
    }
    sb.append("    </cpu>\n  </host>\n</capabilities>\n");
    return sb.toString();
  }
}
