package org.migcheck.fleet.gen;

/**
 * The sample guests, as {@code virsh dumpxml --inactive} prints them on libvirt 9.0.0: a custom CPU
 * guest on 1 GiB hugepages with two NUMA cells, a host-model guest and a host-passthrough guest with
 * invtsc and a pinned TSC rate.
 */
final class GuestXml {
  private GuestXml() {}

  static String custom() {
    return "<domain type='kvm'>\n"
        + "  <name>erp-db01</name>\n"
        + "  <uuid>6f1d2b7e-8c43-4a9e-b1f5-2d7c9e0a4b18</uuid>\n"
        + "  <memory unit='KiB'>16777216</memory>\n"
        + "  <currentMemory unit='KiB'>16777216</currentMemory>\n"
        + "  <memoryBacking>\n"
        + "    <hugepages>\n"
        + "      <page size='1048576' unit='KiB'/>\n"
        + "    </hugepages>\n"
        + "  </memoryBacking>\n"
        + "  <vcpu placement='static'>8</vcpu>\n"
        + "  <numatune>\n"
        + "    <memory mode='strict' nodeset='0-1'/>\n"
        + "    <memnode cellid='0' mode='strict' nodeset='0'/>\n"
        + "    <memnode cellid='1' mode='strict' nodeset='1'/>\n"
        + "  </numatune>\n"
        + os("pc-q35-7.2")
        + features()
        + "  <cpu mode='custom' match='exact' check='partial'>\n"
        + "    <model fallback='forbid'>Skylake-Server-IBRS</model>\n"
        + "    <topology sockets='2' dies='1' cores='4' threads='1'/>\n"
        + "    <feature policy='require' name='pku'/>\n"
        + "    <feature policy='require' name='ssbd'/>\n"
        + "    <feature policy='disable' name='hle'/>\n"
        + "    <feature policy='disable' name='rtm'/>\n"
        + "    <numa>\n"
        + "      <cell id='0' cpus='0-3' memory='8388608' unit='KiB'/>\n"
        + "      <cell id='1' cpus='4-7' memory='8388608' unit='KiB'/>\n"
        + "    </numa>\n"
        + "  </cpu>\n"
        + "  <clock offset='utc'>\n"
        + "    <timer name='rtc' tickpolicy='catchup'/>\n"
        + "    <timer name='pit' tickpolicy='delay'/>\n"
        + "    <timer name='hpet' present='no'/>\n"
        + "    <timer name='tsc' present='yes' mode='native'/>\n"
        + "  </clock>\n"
        + lifecycle()
        + devices("erp-db01", "52:54:00:3a:91:c2", "br-prod")
        + "  <seclabel type='dynamic' model='apparmor' relabel='yes'/>\n"
        + "</domain>\n";
  }

  static String hostModel() {
    return "<domain type='kvm'>\n"
        + "  <name>build-runner07</name>\n"
        + "  <uuid>0b8e5a9c-2f4d-4c61-8a37-95e1d0c7f2a4</uuid>\n"
        + "  <memory unit='KiB'>8388608</memory>\n"
        + "  <currentMemory unit='KiB'>8388608</currentMemory>\n"
        + "  <vcpu placement='static'>4</vcpu>\n"
        + os("pc-q35-7.2")
        + features()
        + "  <cpu mode='host-model' check='partial'/>\n"
        + plainClock()
        + lifecycle()
        + devices("build-runner07", "52:54:00:7d:14:e8", "br-ci")
        + "</domain>\n";
  }

  /** A guest that names no CPU: libvirt gives it QEMU's default model (qemu64) unchecked. */
  static String noCpu() {
    return "<domain type='kvm'>\n"
        + "  <name>web-static03</name>\n"
        + "  <uuid>5c0f9e27-7a1b-4d38-9e64-2b8d3f61a0c5</uuid>\n"
        + "  <memory unit='KiB'>2097152</memory>\n"
        + "  <currentMemory unit='KiB'>2097152</currentMemory>\n"
        + "  <vcpu placement='static'>2</vcpu>\n"
        + os("pc-q35-7.2")
        + features()
        + plainClock()
        + lifecycle()
        + devices("web-static03", "52:54:00:3a:c2:91", "br-web")
        + "</domain>\n";
  }

  static String passthrough(long tscHz) {
    return "<domain type='kvm'>\n"
        + "  <name>trading-gw02</name>\n"
        + "  <uuid>c4a7e2f0-6b19-4d8e-a5c3-71f09b2e8d56</uuid>\n"
        + "  <memory unit='KiB'>33554432</memory>\n"
        + "  <currentMemory unit='KiB'>33554432</currentMemory>\n"
        + "  <vcpu placement='static'>16</vcpu>\n"
        + os("pc-q35-7.2")
        + features()
        + "  <cpu mode='host-passthrough' check='none' migratable='on'>\n"
        + "    <topology sockets='1' dies='1' cores='8' threads='2'/>\n"
        + "    <feature policy='require' name='invtsc'/>\n"
        + "  </cpu>\n"
        + "  <clock offset='utc'>\n"
        + "    <timer name='rtc' tickpolicy='catchup'/>\n"
        + "    <timer name='pit' tickpolicy='delay'/>\n"
        + "    <timer name='hpet' present='no'/>\n"
        + "    <timer name='tsc' frequency='" + tscHz + "'/>\n"
        + "  </clock>\n"
        + lifecycle()
        + devices("trading-gw02", "52:54:00:c1:5e:07", "br-prod")
        + "</domain>\n";
  }

  private static String os(String machine) {
    return "  <os>\n"
        + "    <type arch='x86_64' machine='" + machine + "'>hvm</type>\n"
        + "    <boot dev='hd'/>\n"
        + "  </os>\n";
  }

  /** A UTC clock with the usual timers and no TSC timer. */
  private static String plainClock() {
    return "  <clock offset='utc'>\n"
        + "    <timer name='rtc' tickpolicy='catchup'/>\n"
        + "    <timer name='pit' tickpolicy='delay'/>\n"
        + "    <timer name='hpet' present='no'/>\n"
        + "  </clock>\n";
  }

  private static String features() {
    return "  <features>\n    <acpi/>\n    <apic/>\n    <vmport state='off'/>\n  </features>\n";
  }

  private static String lifecycle() {
    return "  <on_poweroff>destroy</on_poweroff>\n"
        + "  <on_reboot>restart</on_reboot>\n"
        + "  <on_crash>destroy</on_crash>\n"
        + "  <pm>\n"
        + "    <suspend-to-mem enabled='no'/>\n"
        + "    <suspend-to-disk enabled='no'/>\n"
        + "  </pm>\n";
  }

  private static String pci(int bus, int slot, int function) {
    return String.format("<address type='pci' domain='0x0000' bus='0x%02x' slot='0x%02x'"
        + " function='0x%x'/>", bus, slot, function);
  }

  private static String rootPort(int index, int chassisPort, int function, boolean multi) {
    return "    <controller type='pci' index='" + index + "' model='pcie-root-port'>\n"
        + "      <model name='pcie-root-port'/>\n"
        + "      <target chassis='" + index + "' port='0x" + Integer.toHexString(chassisPort)
        + "'/>\n"
        + "      " + (multi
            ? pci(0, 2, function).replace("/>", " multifunction='on'/>")
            : pci(0, 2, function)) + "\n"
        + "    </controller>\n";
  }

  private static String devices(String name, String mac, String bridge) {
    return "  <devices>\n"
        + "    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
        + "    <disk type='file' device='disk'>\n"
        + "      <driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap'/>\n"
        + "      <source file='/var/lib/libvirt/images/" + name + ".qcow2'/>\n"
        + "      <target dev='vda' bus='virtio'/>\n"
        + "      " + pci(4, 0, 0) + "\n"
        + "    </disk>\n"
        + "    <disk type='block' device='disk'>\n"
        + "      <driver name='qemu' type='raw' cache='none' io='native'/>\n"
        + "      <source dev='/dev/disk/by-id/dm-uuid-mpath-" + name + "-data'/>\n"
        + "      <target dev='vdb' bus='virtio'/>\n"
        + "      " + pci(5, 0, 0) + "\n"
        + "    </disk>\n"
        + "    <controller type='usb' index='0' model='qemu-xhci' ports='15'>\n"
        + "      " + pci(2, 0, 0) + "\n"
        + "    </controller>\n"
        + "    <controller type='pci' index='0' model='pcie-root'/>\n"
        + rootPort(1, 0x10, 0, true)
        + rootPort(2, 0x11, 1, false)
        + rootPort(3, 0x12, 2, false)
        + rootPort(4, 0x13, 3, false)
        + rootPort(5, 0x14, 4, false)
        + rootPort(6, 0x15, 5, false)
        + "    <controller type='sata' index='0'>\n"
        + "      " + pci(0, 0x1f, 2) + "\n"
        + "    </controller>\n"
        + "    <controller type='virtio-serial' index='0'>\n"
        + "      " + pci(3, 0, 0) + "\n"
        + "    </controller>\n"
        + "    <interface type='bridge'>\n"
        + "      <mac address='" + mac + "'/>\n"
        + "      <source bridge='" + bridge + "'/>\n"
        + "      <model type='virtio'/>\n"
        + "      " + pci(1, 0, 0) + "\n"
        + "    </interface>\n"
        + "    <serial type='pty'>\n"
        + "      <target type='isa-serial' port='0'>\n"
        + "        <model name='isa-serial'/>\n"
        + "      </target>\n"
        + "    </serial>\n"
        + "    <console type='pty'>\n"
        + "      <target type='serial' port='0'/>\n"
        + "    </console>\n"
        + "    <channel type='unix'>\n"
        + "      <target type='virtio' name='org.qemu.guest_agent.0'/>\n"
        + "      <address type='virtio-serial' controller='0' bus='0' port='1'/>\n"
        + "    </channel>\n"
        + "    <input type='mouse' bus='ps2'/>\n"
        + "    <input type='keyboard' bus='ps2'/>\n"
        + "    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>\n"
        + "      <listen type='address' address='127.0.0.1'/>\n"
        + "    </graphics>\n"
        + "    <video>\n"
        + "      <model type='virtio' heads='1' primary='yes'/>\n"
        + "      " + pci(0, 1, 0) + "\n"
        + "    </video>\n"
        + "    <memballoon model='virtio'>\n"
        + "      " + pci(6, 0, 0) + "\n"
        + "    </memballoon>\n"
        + "  </devices>\n";
  }
}
