package org.migcheck.fleet.gen;

import java.util.List;
import java.util.Set;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;

/**
 * Formats {@code virsh domcapabilities} (QEMU, KVM, q35, x86_64) in libvirt 9.0.0's layout. The
 * host-model is the guest decode of what KVM offers on the host; a custom model is usable when that
 * offer covers all its features.
 */
public final class DomainCapabilitiesXml {
  private DomainCapabilitiesXml() {}

  /** The host-model and the usable models of a host, computed with {@code namer}. */
  public static String format(HostSpec h, CpuNamer namer) {
    Set<String> offered = KvmOffer.offered(h.features(), h.part().vendor(), h.nested());
    CpuDef hostModel = namer.hostModel(offered, h.part().vendor());
    StringBuilder sb = new StringBuilder(12_288);
    sb.append("<domainCapabilities>\n");
    sb.append("  <path>/usr/bin/qemu-system-x86_64</path>\n  <domain>kvm</domain>\n");
    sb.append("  <machine>").append(h.qemu().q35Machine()).append("</machine>\n");
    sb.append("  <arch>x86_64</arch>\n  <vcpu max='").append(h.qemu().q35MaxCpus()).append("'/>\n");
    sb.append("  <iothreads supported='yes'/>\n");
    os(sb, h.distro().firmware());
    sb.append("  <cpu>\n");
    for (String mode : List.of("host-passthrough", "maximum")) {
      String en = mode.equals("maximum") ? "maximumMigratable" : "hostPassthroughMigratable";
      sb.append("    <mode name='").append(mode).append("' supported='yes'>\n");
      sb.append("      <enum name='").append(en).append("'>\n");
      sb.append("        <value>on</value>\n        <value>off</value>\n      </enum>\n    </mode>\n");
    }
    sb.append("    <mode name='host-model' supported='yes'>\n");
    sb.append("      <model fallback='forbid'>").append(hostModel.model()).append("</model>\n");
    sb.append("      <vendor>").append(hostModel.vendor()).append("</vendor>\n");
    sb.append("      <maxphysaddr mode='passthrough' limit='").append(h.physBits()).append("'/>\n");
    for (CpuFeature f : hostModel.features()) {
      sb.append("      <feature policy='").append(f.effectivePolicy().xmlName()).append("' name='")
          .append(f.name()).append("'/>\n");
    }
    sb.append("    </mode>\n    <mode name='custom' supported='yes'>\n");
    for (String m : h.qemu().cpuModels()) {
      boolean usable = namer.usable(m, offered, h.part().vendor());
      sb.append("      <model usable='").append(usable ? "yes" : "no").append("' vendor='")
          .append(namer.modelVendor(m)).append("'>").append(m).append("</model>\n");
    }
    sb.append("    </mode>\n  </cpu>\n");
    sb.append(REST);
    return sb.toString();
  }

  private static void os(StringBuilder sb, List<String> firmware) {
    sb.append("  <os supported='yes'>\n    <enum name='firmware'>\n      <value>bios</value>\n"
        + "      <value>efi</value>\n    </enum>\n    <loader supported='yes'>\n");
    for (String f : firmware) {
      sb.append("      <value>").append(f).append("</value>\n");
    }
    sb.append(enumOf("      ", "type", "rom", "pflash"));
    sb.append(enumOf("      ", "readonly", "yes", "no"));
    sb.append(enumOf("      ", "secure", "yes", "no"));
    sb.append("    </loader>\n  </os>\n");
  }

  private static String enumOf(String indent, String name, String... values) {
    StringBuilder sb = new StringBuilder();
    sb.append(indent).append("<enum name='").append(name).append("'>\n");
    for (String v : values) {
      sb.append(indent).append("  <value>").append(v).append("</value>\n");
    }
    sb.append(indent).append("</enum>\n");
    return sb.toString();
  }

  private static String device(String name, String[]... enums) {
    StringBuilder sb = new StringBuilder();
    sb.append("    <").append(name).append(" supported='yes'>\n");
    for (String[] e : enums) {
      String[] values = new String[e.length - 1];
      System.arraycopy(e, 1, values, 0, values.length);
      if (values.length == 0) {
        sb.append("      <enum name='").append(e[0]).append("'/>\n");
      } else {
        sb.append(enumOf("      ", e[0], values));
      }
    }
    sb.append("    </").append(name).append(">\n");
    return sb.toString();
  }

  /** Everything after the CPU: the same on every QEMU 6.2–7.2 KVM host. */
  private static final String REST =
      "  <memoryBacking supported='yes'>\n"
          + enumOf("    ", "sourceType", "file", "anonymous", "memfd")
          + "  </memoryBacking>\n  <devices>\n"
          + device("disk",
              new String[] {"diskDevice", "disk", "cdrom", "floppy", "lun"},
              new String[] {"bus", "fdc", "scsi", "virtio", "usb", "sata"},
              new String[] {"model", "virtio", "virtio-transitional", "virtio-non-transitional"})
          + device("graphics",
              new String[] {"type", "sdl", "vnc", "spice", "egl-headless", "dbus"})
          + device("video",
              new String[] {"modelType", "vga", "cirrus", "vmvga", "qxl", "virtio", "none", "bochs",
                  "ramfb"})
          + device("hostdev",
              new String[] {"mode", "subsystem"},
              new String[] {"startupPolicy", "default", "mandatory", "requisite", "optional"},
              new String[] {"subsysType", "usb", "pci", "scsi"},
              new String[] {"capsType"},
              new String[] {"pciBackend", "default", "vfio"})
          + device("rng",
              new String[] {"model", "virtio", "virtio-transitional", "virtio-non-transitional"},
              new String[] {"backendModel", "random", "egd", "builtin"})
          + device("filesystem", new String[] {"driverType", "path", "handle", "virtiofs"})
          + device("tpm",
              new String[] {"model", "tpm-tis", "tpm-crb"},
              new String[] {"backendModel", "passthrough", "emulator"},
              new String[] {"backendVersion", "2.0"})
          + device("redirdev", new String[] {"bus", "usb"})
          + device("channel", new String[] {"type", "pty", "unix", "spicevmc"})
          + "  </devices>\n  <features>\n    <gic supported='no'/>\n"
          + "    <vmcoreinfo supported='yes'/>\n    <genid supported='yes'/>\n"
          + "    <backingStoreInput supported='yes'/>\n    <backup supported='yes'/>\n"
          + "    <sev supported='no'/>\n    <sgx supported='no'/>\n  </features>\n"
          + "</domainCapabilities>\n";
}
