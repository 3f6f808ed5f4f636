package org.migcheck.rawcpu;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.migcheck.InputException;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.Feature;
import org.migcheck.cpumap.FeatureAlias;
import org.migcheck.cpumap.Vendor;
import org.migcheck.engine.CpuEngine;
import org.migcheck.model.CpuDef;

/**
 * An x86 host known only by its {@code /proc/cpuinfo}: the kernel's view of CPUID, approximate.
 * The first processor's vendor, family/model/stepping, microcode and flags are used; flag names
 * are mapped to the cpu_map's (its own names and aliases, then the kernel's spellings below), and
 * the features are decoded with libvirt's host rule. Kernel-only flags (constant_tsc, rep_good,
 * ...) map to nothing, and CPUID bits the kernel does not list (osxsave, for one) are missing.
 */
public record CpuInfo(
    String vendorId,
    int family,
    int model,
    int stepping,
    Long microcode,
    List<String> flags,
    int sockets,
    int cores,
    int threads) {

  /** Kernel flag names (arch/x86/include/asm/cpufeatures.h) that are spelled otherwise in libvirt. */
  private static final Map<String, String> KERNEL_NAMES =
      Map.ofEntries(
          Map.entry("tsc_deadline_timer", "tsc-deadline"),
          Map.entry("cr8_legacy", "cr8legacy"),
          Map.entry("dts", "ds"),
          Map.entry("nonstop_tsc", "invtsc"),
          Map.entry("sha_ni", "sha-ni"),
          Map.entry("avx512_bf16", "avx512-bf16"),
          Map.entry("avx512_vbmi2", "avx512vbmi2"),
          Map.entry("avx512_vnni", "avx512vnni"),
          Map.entry("avx512_bitalg", "avx512bitalg"),
          Map.entry("avx512_vpopcntdq", "avx512-vpopcntdq"),
          Map.entry("avx512_4vnniw", "avx512-4vnniw"),
          Map.entry("avx512_4fmaps", "avx512-4fmaps"),
          Map.entry("avx512_vp2intersect", "avx512-vp2intersect"),
          Map.entry("avx512_fp16", "avx512-fp16"),
          Map.entry("avx_vnni", "avx-vnni"),
          Map.entry("amx_bf16", "amx-bf16"),
          Map.entry("amx_tile", "amx-tile"),
          Map.entry("amx_int8", "amx-int8"),
          Map.entry("arch_capabilities", "arch-capabilities"),
          Map.entry("ssbd", "ssbd"),
          Map.entry("virt_ssbd", "virt-ssbd"),
          Map.entry("flush_l1d", "flush-l1d"),
          Map.entry("md_clear", "md-clear"),
          Map.entry("spec_ctrl", "spec-ctrl"),
          Map.entry("intel_pt", "intel-pt"),
          Map.entry("tsc_adjust", "tsc_adjust"),
          Map.entry("xsaveerptr", "xsaveerptr"),
          Map.entry("perfctr_core", "perfctr_core"),
          Map.entry("perfctr_nb", "perfctr_nb"),
          Map.entry("movdir64b", "movdir64b"),
          Map.entry("vmmcall", "vmmcall"));

  public static CpuInfo parse(String text, String file) {
    String vendor = null;
    Integer family = null;
    Integer model = null;
    Integer stepping = null;
    Long microcode = null;
    List<String> flags = null;
    Set<String> physicalIds = new LinkedHashSet<>();
    int cores = 0;
    int siblings = 0;
    int processors = 0;
    int lineNo = 0;
    for (String line : text.split("\\r?\\n", -1)) {
      lineNo++;
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      boolean first = processors <= 1;
      try {
        switch (key) {
          case "processor" -> processors++;
          case "vendor_id" -> vendor = first ? value : vendor;
          case "cpu family" -> family = first ? Integer.parseInt(value) : family;
          case "model" -> model = first ? Integer.parseInt(value) : model;
          case "stepping" -> stepping = first ? Integer.parseInt(value) : stepping;
          case "microcode" -> microcode = first ? Long.decode(value) : microcode;
          case "flags" -> flags = first ? List.of(value.split("\\s+")) : flags;
          case "physical id" -> physicalIds.add(value);
          case "cpu cores" -> cores = first ? Integer.parseInt(value) : cores;
          case "siblings" -> siblings = first ? Integer.parseInt(value) : siblings;
          default -> {
            // other lines (model name, bogomips, ...) say nothing libvirt decodes
          }
        }
      } catch (NumberFormatException e) {
        throw new InputException(file, lineNo, -1, "'" + key + "' is not a number: '" + value + "'");
      }
    }
    if (vendor == null || family == null || model == null || flags == null) {
      throw new InputException(file, "not an x86 /proc/cpuinfo (needs vendor_id, cpu family, model and flags)");
    }
    int sockets = Math.max(1, physicalIds.size());
    int threads = cores > 0 && siblings >= cores ? siblings / cores : 1;
    return new CpuInfo(vendor, family, model, stepping == null ? 0 : stepping, microcode, flags, sockets,
        Math.max(1, cores), threads);
  }

  /** The cpu_map feature a kernel flag names, or null. */
  static Feature featureFor(String flag, CpuMap map) {
    for (String name : List.of(flag, KERNEL_NAMES.getOrDefault(flag, flag), flag.replace('_', '-'),
        flag.replace('_', '.'), flag.replace("_", ""))) {
      var f = map.feature(name).or(() -> byAlias(name, map));
      if (f.isPresent()) {
        return f.get();
      }
    }
    return null;
  }

  private static java.util.Optional<Feature> byAlias(String name, CpuMap map) {
    for (Feature f : map.features()) {
      for (FeatureAlias a : f.aliases()) {
        if (a.name().equals(name)) {
          return java.util.Optional.of(f);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The flags no cpu_map feature has, sorted (reports say what was left out). */
  public Set<String> unmapped(CpuMap map) {
    Set<String> out = new TreeSet<>();
    for (String fl : flags) {
      if (featureFor(fl, map) == null) {
        out.add(fl);
      }
    }
    return out;
  }

  /** The host CPU libvirt would name for these features (x86Decode for a host). */
  public CpuDef decode(CpuEngine engine, CpuMap map, String source) {
    Bits.Builder b = new Bits.Builder();
    for (String fl : flags) {
      Feature f = featureFor(fl, map);
      if (f != null) {
        b.or(f.bits());
      }
    }
    for (Vendor v : map.vendors()) {
      if (vendorId.equals(v.cpuidString())) {
        b.or(v.bits());
      }
    }
    return engine.decodeHost(b.build(), family, model, stepping, source).withArch("x86_64");
  }
}
