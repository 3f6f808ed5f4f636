package org.migcheck.fleet.gen;

import java.util.List;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;

/** Formats a host's capabilities exactly as libvirt 9.0.0's virCapabilitiesFormatXML does. */
public final class CapabilitiesXml {
  private CapabilitiesXml() {}

  /** The whole document for a host whose CPU was decoded into {@code cpu}. */
  public static String format(HostSpec h, CpuDef cpu) {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<capabilities>\n\n  <host>\n");
    sb.append("    <uuid>").append(h.uuid()).append("</uuid>\n");
    cpu(sb, h, cpu);
    sb.append("    <power_management>\n      <suspend_mem/>\n      <suspend_disk/>\n"
        + "      <suspend_hybrid/>\n    </power_management>\n");
    sb.append("    <iommu support='").append(h.iommu() ? "yes" : "no").append("'/>\n");
    sb.append("    <migration_features>\n      <live/>\n      <uri_transports>\n"
        + "        <uri_transport>tcp</uri_transport>\n        <uri_transport>rdma</uri_transport>\n"
        + "      </uri_transports>\n    </migration_features>\n");
    numa(sb, h);
    cache(sb, h);
    secmodels(sb, h);
    sb.append("  </host>\n\n");
    guest(sb, h, "i686", 32, "/usr/bin/qemu-system-i386");
    guest(sb, h, "x86_64", 64, "/usr/bin/qemu-system-x86_64");
    sb.append("</capabilities>\n");
    return sb.toString();
  }

  private static void cpu(StringBuilder sb, HostSpec h, CpuDef cpu) {
    CpuPart p = h.part();
    sb.append("    <cpu>\n      <arch>x86_64</arch>\n");
    sb.append("      <model>").append(cpu.model()).append("</model>\n");
    sb.append("      <vendor>").append(cpu.vendor()).append("</vendor>\n");
    sb.append("      <microcode version='").append(h.microcode()).append("'/>\n");
    sb.append("      <signature family='").append(p.family()).append("' model='").append(p.model())
        .append("' stepping='").append(p.stepping()).append("'/>\n");
    sb.append("      <counter name='tsc' frequency='").append(h.tscHz()).append("' scaling='")
        .append(h.tscScaling() ? "yes" : "no").append("'/>\n");
    // libvirt reports sockets per NUMA node; here one node per socket
    sb.append("      <topology sockets='1' dies='1' cores='").append(p.coresPerSocket())
        .append("' threads='").append(p.threadsPerCore()).append("'/>\n");
    sb.append("      <maxphysaddr mode='emulate' bits='").append(h.physBits()).append("'/>\n");
    for (CpuFeature f : cpu.features()) {
      sb.append("      <feature name='").append(f.name()).append("'/>\n");
    }
    sb.append("      <pages unit='KiB' size='4'/>\n      <pages unit='KiB' size='2048'/>\n");
    if (h.features().contains("pdpe1gb")) {
      sb.append("      <pages unit='KiB' size='1048576'/>\n");
    }
    sb.append("    </cpu>\n");
  }

  private static void numa(StringBuilder sb, HostSpec h) {
    Topology topo = new Topology(h);
    boolean gigPages = h.features().contains("pdpe1gb");
    sb.append("    <topology>\n      <cells num='").append(h.sockets()).append("'>\n");
    for (int n = 0; n < h.sockets(); n++) {
      long mem = h.nodeMemoryKib().get(n);
      long huge = h.hugepages2m() * 2048 + h.hugepages1g() * 1_048_576;
      sb.append("        <cell id='").append(n).append("'>\n");
      sb.append("          <memory unit='KiB'>").append(mem).append("</memory>\n");
      sb.append("          <pages unit='KiB' size='4'>").append((mem - huge) / 4).append("</pages>\n");
      sb.append("          <pages unit='KiB' size='2048'>").append(h.hugepages2m()).append("</pages>\n");
      if (gigPages) {
        sb.append("          <pages unit='KiB' size='1048576'>").append(h.hugepages1g())
            .append("</pages>\n");
      }
      sb.append("          <distances>\n");
      for (int o = 0; o < h.sockets(); o++) {
        int d = o == n ? 10 : h.part().siblingDistance();
        sb.append("            <sibling id='").append(o).append("' value='").append(d).append("'/>\n");
      }
      sb.append("          </distances>\n");
      List<Topology.Cpu> cpus = topo.cpusOf(n);
      sb.append("          <cpus num='").append(cpus.size()).append("'>\n");
      for (Topology.Cpu c : cpus) {
        sb.append("            <cpu id='").append(c.id()).append("' socket_id='").append(c.socket())
            .append("' die_id='0' core_id='").append(c.coreId()).append("' siblings='")
            .append(c.siblings()).append("'/>\n");
      }
      sb.append("          </cpus>\n        </cell>\n");
    }
    sb.append("      </cells>\n    </topology>\n");
  }

  /** L3 banks (one per socket, or per CCX on AMD), sized in the largest exact unit. */
  private static void cache(StringBuilder sb, HostSpec h) {
    Topology topo = new Topology(h);
    CpuPart p = h.part();
    int perBank = p.coresPerSocket() / p.l3PerSocket();
    String size = p.l3Kib() % 1024 == 0 ? (p.l3Kib() / 1024) + "' unit='MiB" : p.l3Kib() + "' unit='KiB";
    sb.append("    <cache>\n");
    int id = 0;
    for (int s = 0; s < h.sockets(); s++) {
      for (int b = 0; b < p.l3PerSocket(); b++) {
        sb.append("      <bank id='").append(id++).append("' level='3' type='both' size='")
            .append(size).append("' cpus='").append(topo.range(s, b * perBank, (b + 1) * perBank))
            .append("'/>\n");
      }
    }
    sb.append("    </cache>\n");
  }

  private static void secmodels(StringBuilder sb, HostSpec h) {
    sb.append("    <secmodel>\n      <model>").append(h.distro().securityModel())
        .append("</model>\n      <doi>0</doi>\n");
    if (h.distro().securityModel().equals("selinux")) {
      sb.append("      <baselabel type='kvm'>system_u:system_r:svirt_t:s0</baselabel>\n"
          + "      <baselabel type='qemu'>system_u:system_r:svirt_tcg_t:s0</baselabel>\n");
    }
    sb.append("    </secmodel>\n    <secmodel>\n      <model>dac</model>\n      <doi>0</doi>\n");
    sb.append("      <baselabel type='kvm'>").append(h.dacLabel()).append("</baselabel>\n");
    sb.append("      <baselabel type='qemu'>").append(h.dacLabel()).append("</baselabel>\n");
    sb.append("    </secmodel>\n");
  }

  private static void guest(StringBuilder sb, HostSpec h, String arch, int wordSize,
      String emulator) {
    sb.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='").append(arch).append("'>\n");
    sb.append("      <wordsize>").append(wordSize).append("</wordsize>\n");
    sb.append("      <emulator>").append(emulator).append("</emulator>\n");
    for (QemuRelease.Machine m : h.qemu().machines()) {
      sb.append("      <machine");
      if (m.canonical() != null) {
        sb.append(" canonical='").append(m.canonical()).append('\'');
      }
      sb.append(" maxCpus='").append(m.maxCpus()).append('\'');
      if (m.deprecated()) {
        sb.append(" deprecated='yes'");
      }
      sb.append('>').append(m.name()).append("</machine>\n");
    }
    sb.append("      <domain type='qemu'/>\n      <domain type='kvm'/>\n    </arch>\n");
    sb.append("    <features>\n");
    if (arch.equals("i686")) {
      sb.append("      <pae/>\n      <nonpae/>\n");
    }
    sb.append("      <acpi default='on' toggle='yes'/>\n      <apic default='on' toggle='no'/>\n"
        + "      <cpuselection/>\n      <deviceboot/>\n      <disksnapshot default='on' toggle='no'/>\n"
        + "    </features>\n  </guest>\n\n");
  }
}
