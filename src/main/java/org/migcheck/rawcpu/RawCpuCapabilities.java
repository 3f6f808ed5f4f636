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
import org.migcheck.report.CpuXml;

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
      return CpuidParser.sniff(new String(in.readNBytes(512), StandardCharsets.ISO_8859_1)) != null;
    } catch (IOException e) {
      return false; // the normal reader reports why it cannot be read
    }
  }

  /** The capabilities document for the dump in {@code file}. */
  public static String capabilities(Path file, String name) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + e.getMessage());
    }
    CpuidData raw = CpuidParser.parse(text, name);
    CpuMaps maps = CpuMapLoader.bundled();
    CpuDef cpu =
        CpuidHost.decode(raw, new CpuEngine(maps).x86(name), maps.forLibvirtArch("x86_64", name), name);
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
}
