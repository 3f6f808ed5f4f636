package org.migcheck.fleet.gen;

import java.util.List;

/** The distribution a host runs: its security driver and firmware files. */
public enum Distro {
  /** Debian 12: AppArmor, OVMF 4M images. */
  DEBIAN_12(
      "apparmor",
      List.of(
          "/usr/share/OVMF/OVMF_CODE_4M.ms.fd",
          "/usr/share/OVMF/OVMF_CODE_4M.secboot.fd",
          "/usr/share/OVMF/OVMF_CODE_4M.fd")),
  /** Fedora 38, a RHEL-family host: SELinux, edk2 images. */
  FEDORA_38(
      "selinux",
      List.of("/usr/share/edk2/ovmf/OVMF_CODE.secboot.fd", "/usr/share/edk2/ovmf/OVMF_CODE.fd"));

  private final String securityModel;
  private final List<String> firmware;

  Distro(String securityModel, List<String> firmware) {
    this.securityModel = securityModel;
    this.firmware = firmware;
  }

  /** selinux or apparmor. */
  public String securityModel() {
    return securityModel;
  }

  /** The UEFI loaders domcapabilities lists. */
  public List<String> firmware() {
    return firmware;
  }

  /** The default DAC label: qemu:qemu (107) on Fedora, libvirt-qemu:kvm on Debian. */
  public String defaultDacLabel() {
    return this == FEDORA_38 ? "+107:+107" : "+64055:+994";
  }
}
