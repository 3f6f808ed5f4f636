package org.migcheck.engine;

import java.util.Set;

/** How migcheck groups CPU features in reports, so the important differences stand out. */
public enum FeatureCategory {
  SIMD("SIMD and crypto instructions"),
  TSX("TSX (transactional memory)"),
  MITIGATIONS("speculative-execution mitigations"),
  VIRTUALIZATION("virtualization"),
  TIMING("power and timing"),
  OTHER("other");

  private final String title;

  FeatureCategory(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  private static final Set<String> SIMD_NAMES =
      Set.of(
          "mmx", "mmxext", "3dnow", "3dnowext", "sse", "sse2", "pni", "ssse3", "sse4.1", "sse4.2",
          "sse4a", "misalignsse", "avx", "avx2", "fma", "fma4", "xop", "f16c", "cvt16", "pclmuldq",
          "aes", "sha-ni", "sha512", "sm3", "sm4", "gfni", "vaes", "vpclmulqdq", "movbe");

  private static final Set<String> TSX_NAMES =
      Set.of("hle", "rtm", "tsx-ctrl", "taa-no", "tsx-ldtrk");

  private static final Set<String> MITIGATION_NAMES =
      Set.of(
          "spec-ctrl", "stibp", "ssbd", "ibpb", "ibrs", "amd-stibp", "stibp-always-on",
          "amd-ssbd", "virt-ssbd", "amd-no-ssb", "amd-psfd", "intel-psfd", "ipred-ctrl",
          "rrsba-ctrl", "ddpd-u", "bhi-ctrl", "bhi-no", "mcdt-no", "md-clear", "flush-l1d",
          "arch-capabilities", "rdctl-no", "ibrs-all", "rsba", "skip-l1dfl-vmentry", "ssb-no",
          "mds-no", "pschange-mc-no", "sbdr-ssdp-no", "fbsdp-no", "psdp-no", "fb-clear",
          "pbrsb-no", "gds-no", "rfds-no", "rfds-clear", "auto-ibrs", "sbpb", "ibpb-brtype",
          "srso-no", "srso-user-kernel-no", "lfence-always-serializing", "eraps", "its-no",
          "core-capability");

  private static final Set<String> VIRT_NAMES =
      Set.of(
          "vmx", "svm", "npt", "lbrv", "svm-lock", "nrip-save", "tsc-scale", "vmcb-clean",
          "flushbyasid", "decodeassists", "pause-filter", "pfthreshold", "avic",
          "v-vmsave-vmload", "vgif", "vnmi", "svme-addr-chk", "hypervisor", "no-nested-data-bp");

  private static final Set<String> TIMING_NAMES =
      Set.of(
          "invtsc", "tsc", "tsc-deadline", "tsc_adjust", "rdtscp", "arat", "monitor", "waitpkg",
          "est", "tm", "tm2", "acpi");

  public static FeatureCategory of(String feature) {
    if (SIMD_NAMES.contains(feature)
        || feature.startsWith("avx")
        || feature.startsWith("amx-")) {
      return SIMD;
    }
    if (TSX_NAMES.contains(feature)) {
      return TSX;
    }
    if (MITIGATION_NAMES.contains(feature)) {
      return MITIGATIONS;
    }
    if (VIRT_NAMES.contains(feature) || feature.startsWith("vmx-")) {
      return VIRTUALIZATION;
    }
    if (TIMING_NAMES.contains(feature)) {
      return TIMING;
    }
    return OTHER;
  }
}
