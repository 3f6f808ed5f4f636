package org.migcheck.fleet.gen;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What QEMU 6.2–7.2 on a Linux 6.1 KVM host offers a guest (its "host" CPU model), from the host's
 * CPUID: KVM hides what it cannot virtualize (debug store, thermal and power management, monitoring,
 * SMX, PT, SGX...), adds what it emulates (hypervisor, x2apic, TSC deadline, ARAT, TSC_ADJUST,
 * IA32_ARCH_CAPABILITIES) and mirrors the mitigation bits across the Intel and AMD CPUID leaves.
 * Checked against the host-model of libvirt's QEMU 7.2 domcapabilities test data (an EPYC-Rome).
 */
public final class KvmOffer {
  private KvmOffer() {}

  private static final Set<String> HIDDEN =
      Set.of(
          "ds", "acpi", "tm", "pbe", "ht", "dtes64", "monitor", "ds_cpl", "smx", "est", "tm2",
          "xtpr", "dca", "pdcm", "osxsave", "ospke", "cmt", "mbm_total", "mbm_local", "intel-pt",
          "intel-pt-lip", "sgx", "sgxlc", "sgx1", "sgx2", "sgx-exinfo", "sgx-debug", "sgx-mode64",
          "sgx-provisionkey", "sgx-tokenkey", "sgx-kss", "pconfig", "extapic", "ibs", "skinit",
          "wdt", "tce", "perfctr_nb", "topoext", "nodeid_msr", "lwp", "pn", "ia64", "cid",
          "core-capability", "split-lock-detect", "arch-lbr", "xfd", "svm-lock", "decodeassists",
          "avic", "flushbyasid", "vmx", "svm");

  /** SVM sub-features KVM offers to a nested hypervisor when the host has them. */
  private static final Set<String> NESTED_SVM =
      Set.of("npt", "nrip-save", "tsc-scale", "v-vmsave-vmload", "lbrv", "pause-filter",
          "pfthreshold", "vgif", "vmcb-clean");

  private static final Set<String> SVM_LEAF =
      Set.of("npt", "lbrv", "svm-lock", "nrip-save", "tsc-scale", "vmcb-clean", "flushbyasid",
          "decodeassists", "pause-filter", "pfthreshold", "avic", "v-vmsave-vmload", "vgif",
          "svme-addr-chk");

  /** The features QEMU's host model has on a host with these features. */
  public static Set<String> offered(List<String> host, String vendor, boolean nested) {
    boolean intel = vendor.equals("Intel");
    Set<String> out = new LinkedHashSet<>();
    for (String f : host) {
      if (!HIDDEN.contains(f) && !SVM_LEAF.contains(f)) {
        out.add(f);
      }
    }
    out.addAll(List.of("hypervisor", "x2apic", "tsc-deadline", "arat", "tsc_adjust",
        "arch-capabilities", "pschange-mc-no", "skip-l1dfl-vmentry"));
    if (intel) {
      if (host.contains("vmx")) {
        out.add("umip");
        if (nested) {
          out.add("vmx");
        }
      }
      addIf(out, host.contains("spec-ctrl"), "ibpb", "ibrs");
      addIf(out, host.contains("stibp"), "amd-stibp");
      addIf(out, host.contains("ssbd"), "amd-ssbd");
    } else {
      if (nested && host.contains("svm")) {
        out.add("svm");
        for (String f : host) {
          if (NESTED_SVM.contains(f)) {
            out.add(f);
          }
        }
        out.add("svme-addr-chk");
      }
      addIf(out, host.contains("ibpb") && host.contains("ibrs"), "spec-ctrl");
      addIf(out, host.contains("amd-stibp"), "stibp");
      addIf(out, host.contains("amd-ssbd"), "ssbd", "virt-ssbd");
      // AMD parts are not affected by Meltdown or MDS
      out.add("rdctl-no");
      out.add("mds-no");
    }
    if (!host.contains("rtm")) {
      out.remove("taa-no");
      out.remove("tsx-ctrl");
    }
    return out;
  }

  private static void addIf(Set<String> out, boolean condition, String... names) {
    if (condition) {
      out.addAll(List.of(names));
    }
  }
}
