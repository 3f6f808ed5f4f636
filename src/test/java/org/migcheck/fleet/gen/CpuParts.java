package org.migcheck.fleet.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.migcheck.fleet.gen.CpuPart.Microcode;

/**
 * The processors the samples and the synthetic fleet are made of. Each feature list is the part's
 * CPUID (and IA32_ARCH_CAPABILITIES) as libvirt 9.0.0 names it: the features its cpu_map knows,
 * including those implied by the model libvirt picks, so the host decode can name the model itself.
 * Lists were derived from libvirt's cputest CPUID data where a dump exists (expanded with the newest
 * cpu_map, names unknown to 9.0.0 dropped) and from the parts' documented CPUID otherwise.
 */
public final class CpuParts {
  private CpuParts() {}

  private static final String INTEL_EDX =
      "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush ds acpi mmx"
          + " fxsr sse sse2 ss ht tm pbe";
  private static final String INTEL_SERVER_ECX =
      "pni pclmuldq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 fma cx16 xtpr pdcm pcid dca sse4.1"
          + " sse4.2 x2apic movbe popcnt tsc-deadline aes xsave osxsave avx f16c rdrand";
  private static final String INTEL_EXT = "arat syscall nx pdpe1gb rdtscp lm lahf_lm abm invtsc";

  /** Intel Xeon Gold 6148 (Skylake-SP, 20 cores, 2.4 GHz), CPUID 50654. */
  public static final CpuPart XEON_GOLD_6148 =
      new CpuPart(
          "Intel Xeon Gold 6148",
          "Intel", 6, 85, 4,
          names(INTEL_EDX, INTEL_SERVER_ECX, INTEL_EXT,
              "3dnowprefetch fsgsbase tsc_adjust bmi1 hle avx2 smep bmi2 erms invpcid rtm cmt mpx"
                  + " avx512f avx512dq rdseed adx smap clflushopt clwb intel-pt avx512cd avx512bw"
                  + " avx512vl pku ospke md-clear spec-ctrl stibp ssbd xsaveopt xsavec xgetbv1 xsaves"
                  + " mbm_total mbm_local"),
          List.of(
              new Microcode(0x2000043L, List.of("spec-ctrl", "stibp", "ssbd", "md-clear")),
              new Microcode(0x200004dL, List.of("md-clear")),
              new Microcode(0x2000065L, List.of()),
              new Microcode(0x2007006L, List.of())),
          false, 2_400_000, true, 46,
          List.of(0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 16, 17, 18, 19, 20, 24, 25, 26, 27, 28),
          2, 1, 28_160, 21);

  /**
   * Intel Xeon Platinum 8268 (Cascade Lake-SP, 24 cores, 2.9 GHz), CPUID 50657: the feature set of
   * libvirt's Xeon-Platinum-9242 CPUID data, the same core and stepping.
   */
  public static final CpuPart XEON_PLATINUM_8268 =
      new CpuPart(
          "Intel Xeon Platinum 8268",
          "Intel", 6, 85, 7,
          names(INTEL_EDX, INTEL_SERVER_ECX, INTEL_EXT,
              "3dnowprefetch fsgsbase tsc_adjust bmi1 hle avx2 smep bmi2 erms invpcid rtm cmt mpx"
                  + " avx512f avx512dq rdseed adx smap clflushopt clwb intel-pt avx512cd avx512bw"
                  + " avx512vl pku ospke avx512vnni md-clear spec-ctrl stibp arch-capabilities ssbd"
                  + " xsaveopt xsavec xgetbv1 xsaves mbm_total mbm_local rdctl-no ibrs-all"
                  + " skip-l1dfl-vmentry mds-no tsx-ctrl"),
          List.of(
              new Microcode(0x5000021L, List.of("md-clear", "tsx-ctrl")),
              new Microcode(0x500002cL, List.of()),
              new Microcode(0x5003102L, List.of()),
              new Microcode(0x5003604L, List.of())),
          true, 2_900_000, true, 46,
          List.of(0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 21, 24, 25, 26, 27,
              28, 29),
          2, 1, 36_608, 21);

  /**
   * The Ice Lake-SP of libvirt's Ice-Lake-Server CPUID data (CPUID 606A0, an early stepping that
   * still enumerates MPX, so libvirt 9.0.0 can name it Icelake-Server), as a 32-core 2.0 GHz part.
   */
  public static final CpuPart ICELAKE_SP_STEPPING_0 =
      new CpuPart(
          "Intel Xeon Ice Lake-SP (CPUID 606A0)",
          "Intel", 6, 106, 0,
          names(INTEL_EDX, INTEL_SERVER_ECX, INTEL_EXT,
              "3dnowprefetch fsgsbase tsc_adjust sgx bmi1 hle avx2 smep bmi2 erms invpcid rtm cmt"
                  + " mpx avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb intel-pt"
                  + " avx512cd sha-ni avx512bw avx512vl avx512vbmi umip pku ospke avx512vbmi2 gfni"
                  + " vaes vpclmulqdq avx512vnni avx512bitalg avx512-vpopcntdq la57 rdpid sgxlc fsrm"
                  + " spec-ctrl stibp arch-capabilities ssbd xsaveopt xsavec xgetbv1 xsaves mbm_total"
                  + " mbm_local wbnoinvd rdctl-no ibrs-all skip-l1dfl-vmentry"),
          List.of(new Microcode(0x8d000520L, List.of())),
          true, 2_000_000, true, 46,
          sequence(32), 2, 1, 49_152, 20);

  /**
   * Intel Xeon Platinum 8380 (Ice Lake-SP production, 40 cores, 2.3 GHz), CPUID 606A6. Production
   * parts have no MPX, and the 9.0.0 Icelake models still list it, so libvirt 9.0.0 names these
   * hosts after an older model.
   */
  public static final CpuPart XEON_PLATINUM_8380 =
      new CpuPart(
          "Intel Xeon Platinum 8380",
          "Intel", 6, 106, 6,
          names(INTEL_EDX, INTEL_SERVER_ECX, INTEL_EXT,
              "3dnowprefetch fsgsbase tsc_adjust bmi1 hle avx2 smep bmi2 erms invpcid rtm cmt"
                  + " avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb intel-pt avx512cd"
                  + " sha-ni avx512bw avx512vl avx512vbmi umip pku ospke avx512vbmi2 gfni vaes"
                  + " vpclmulqdq avx512vnni avx512bitalg avx512-vpopcntdq la57 rdpid fsrm md-clear"
                  + " pconfig spec-ctrl stibp arch-capabilities ssbd xsaveopt xsavec xgetbv1 xsaves"
                  + " mbm_total mbm_local wbnoinvd rdctl-no ibrs-all skip-l1dfl-vmentry mds-no"
                  + " pschange-mc-no tsx-ctrl taa-no"),
          List.of(
              new Microcode(0xd000270L, List.of()),
              new Microcode(0xd000363L, List.of()),
              new Microcode(0xd0003a5L, List.of())),
          true, 2_300_000, true, 46,
          sequence(40), 2, 1, 61_440, 20);

  /** Intel Xeon E5-2650 v4 (Broadwell-EP, 12 cores, 2.2 GHz), CPUID 406F1. */
  public static final CpuPart XEON_E5_2650_V4 =
      new CpuPart(
          "Intel Xeon E5-2650 v4",
          "Intel", 6, 79, 1,
          names(INTEL_EDX, INTEL_SERVER_ECX, INTEL_EXT,
              "3dnowprefetch fsgsbase tsc_adjust bmi1 hle avx2 smep bmi2 erms invpcid rtm cmt rdseed"
                  + " adx smap md-clear spec-ctrl stibp ssbd xsaveopt mbm_total mbm_local"),
          List.of(
              new Microcode(0xb00001fL, List.of("spec-ctrl", "stibp", "ssbd", "md-clear")),
              new Microcode(0xb00002eL, List.of("md-clear")),
              new Microcode(0xb000036L, List.of()),
              new Microcode(0xb000040L, List.of())),
          false, 2_200_000, false, 46,
          List.of(0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13),
          2, 1, 30_720, 21);

  /** Intel Xeon E-2288G (Coffee Lake-S refresh, 8 cores, 3.7 GHz, 39 address bits), CPUID 906ED. */
  public static final CpuPart XEON_E_2288G =
      new CpuPart(
          "Intel Xeon E-2288G",
          "Intel", 6, 158, 13,
          names(INTEL_EDX, INTEL_EXT,
              "pni pclmuldq dtes64 monitor ds_cpl vmx smx est tm2 ssse3 fma cx16 xtpr pdcm pcid"
                  + " sse4.1 sse4.2 x2apic movbe popcnt tsc-deadline aes xsave osxsave avx f16c rdrand"
                  + " 3dnowprefetch fsgsbase tsc_adjust bmi1 hle avx2 smep bmi2 erms invpcid rtm mpx"
                  + " rdseed adx smap clflushopt intel-pt md-clear spec-ctrl stibp arch-capabilities"
                  + " ssbd xsaveopt xsavec xgetbv1 xsaves rdctl-no ibrs-all skip-l1dfl-vmentry mds-no"
                  + " tsx-ctrl"),
          List.of(
              new Microcode(0xb8L, List.of("tsx-ctrl")),
              new Microcode(0xdeL, List.of()),
              new Microcode(0xf8L, List.of())),
          true, 3_700_000, true, 39,
          sequence(8), 2, 1, 16_384, 10);

  /** AMD EPYC 7502 (Rome, 32 cores, 2.5 GHz, 43 address bits with SME), CPUID 830F10. */
  public static final CpuPart EPYC_7502 =
      new CpuPart(
          "AMD EPYC 7502",
          "AMD", 23, 49, 0,
          names(
              "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx"
                  + " fxsr sse sse2 ht pni pclmuldq monitor ssse3 fma cx16 sse4.1 sse4.2 x2apic movbe"
                  + " popcnt aes xsave osxsave avx f16c rdrand arat fsgsbase bmi1 avx2 smep bmi2 cmt"
                  + " rdseed adx smap clflushopt clwb sha-ni umip rdpid xsaveopt xsavec xgetbv1 xsaves"
                  + " mbm_total mbm_local syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm lahf_lm"
                  + " cmp_legacy svm extapic cr8legacy abm sse4a misalignsse 3dnowprefetch osvw ibs"
                  + " skinit wdt tce topoext perfctr_core perfctr_nb invtsc clzero xsaveerptr wbnoinvd"
                  + " ibpb amd-stibp amd-ssbd npt lbrv svm-lock nrip-save tsc-scale vmcb-clean"
                  + " flushbyasid decodeassists pause-filter pfthreshold avic v-vmsave-vmload vgif"),
          List.of(
              new Microcode(0x8301034L, List.of()),
              new Microcode(0x830104dL, List.of()),
              new Microcode(0x830107aL, List.of())),
          false, 2_500_000, true, 43,
          sequence(32), 2, 8, 16_384, 32);

  /**
   * AMD EPYC 7713 (Milan, 64 cores, 2.0 GHz), CPUID A00F11: the feature set of libvirt's
   * EPYC-7713-64-Core CPUID data.
   */
  public static final CpuPart EPYC_7713 =
      new CpuPart(
          "AMD EPYC 7713",
          "AMD", 25, 1, 1,
          names(
              "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx"
                  + " fxsr sse sse2 ht pni pclmuldq monitor ssse3 fma cx16 pcid sse4.1 sse4.2 x2apic"
                  + " movbe popcnt aes xsave osxsave avx f16c rdrand arat fsgsbase bmi1 avx2 smep"
                  + " bmi2 erms invpcid cmt rdseed adx smap clflushopt clwb sha-ni umip pku ospke vaes"
                  + " vpclmulqdq rdpid fsrm xsaveopt xsavec xgetbv1 xsaves mbm_total mbm_local syscall"
                  + " nx mmxext fxsr_opt pdpe1gb rdtscp lm lahf_lm cmp_legacy svm extapic cr8legacy"
                  + " abm sse4a misalignsse 3dnowprefetch osvw ibs skinit wdt tce topoext perfctr_core"
                  + " perfctr_nb invtsc clzero xsaveerptr wbnoinvd ibpb ibrs amd-stibp amd-ssbd npt"
                  + " lbrv svm-lock nrip-save tsc-scale vmcb-clean flushbyasid decodeassists"
                  + " pause-filter pfthreshold avic v-vmsave-vmload vgif svme-addr-chk"),
          List.of(
              new Microcode(0xa001119L, List.of()),
              new Microcode(0xa001173L, List.of()),
              new Microcode(0xa0011d1L, List.of())),
          false, 2_000_000, true, 48,
          sequence(64), 2, 8, 32_768, 32);

  static List<String> names(String... groups) {
    Set<String> out = new LinkedHashSet<>();
    for (String g : groups) {
      out.addAll(Arrays.asList(g.trim().split("\\s+")));
    }
    return new ArrayList<>(out);
  }

  private static List<Integer> sequence(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}
