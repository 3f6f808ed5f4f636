package org.migcheck.samples;

import java.nio.file.Path;
import java.util.List;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.Bits;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.X86Driver;
import org.migcheck.input.InputReader;
import org.migcheck.model.CpuDef;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.testing.SharedData;

/** Reads the committed samples/ files through migcheck's own input layer. */
final class Samples {
  static final List<String> HOSTS =
      List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell",
          "coffeelake-e2288g", "epyc-rome");

  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));
  static final CpuMap MAP = ENGINE.maps().forArch(Arch.X86).orElseThrow();
  static final X86Driver X86 = ENGINE.x86("samples");
  private static final InputReader READER = new InputReader();

  private Samples() {}

  static Path dir() {
    return SharedData.repo().resolve("samples");
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  static HostCapabilities caps(String host) {
    return (HostCapabilities) READER.readAll(List.of(file(host + ".xml").toString())).get(0);
  }

  static DomainCapabilities domcaps(String host) {
    return (DomainCapabilities)
        READER.readAll(List.of(file(host + "-domcaps.xml").toString())).get(0);
  }

  static DomainDef guest(String name) {
    return (DomainDef) READER.readAll(List.of(file(name + ".xml").toString())).get(0);
  }

  /** The host CPU of a capabilities sample, as the engine sees it. */
  static CpuDef hostCpu(String host) {
    return caps(host).cpu().toCpuDef();
  }

  /** The guest CPU of a domain sample, as virsh cpu-compare extracts it. */
  static CpuDef guestCpu(String name) {
    return READER.extractCpus(file(name + ".xml").toString()).get(0);
  }

  /** A CPU's effective bits plus its vendor's CPUID string: what libvirt decodes. */
  static Bits decodeInput(CpuDef cpu) {
    Bits bits = X86.effectiveBits(cpu);
    return cpu.vendor() == null ? bits : bits.or(X86.vendorBits(cpu.vendor()));
  }
}
