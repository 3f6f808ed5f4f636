package org.migcheck.fleet.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample fleet of the README walk-through: seven hosts chosen so that each migration check has
 * a pair that passes and one that fails (see samples/README.md), their domcapabilities, and three
 * guests. {@code main} rewrites the {@code samples/} directory.
 */
public final class SampleFleet {
  private SampleFleet() {}

  /** The sample hosts by file name (without .xml). */
  public static Map<String, HostSpec> hosts() {
    Map<String, HostSpec> out = new LinkedHashMap<>();
    out.put("skylake-a", skylake("4c4c4544-0047-3610-8034-b4c04f4d3232"));
    out.put("skylake-b", skylake("4c4c4544-0047-3610-8035-b4c04f4d3232"));
    out.put("cascadelake",
        new HostSpec("30393137-3436-5a43-3237-323530305a39", CpuParts.XEON_PLATINUM_8268,
            CpuParts.XEON_PLATINUM_8268.features(), 0x5003604L, 2_893_202_000L, true, 46, 2,
            List.of(395_872_504L, 396_563_236L), 4096, 0, Distro.FEDORA_38, "+107:+107",
            QemuRelease.V7_2, true, true));
    out.put("icelake-notsx",
        new HostSpec("a8e2c3d4-5f61-11ec-8a3b-3cecef1d2e40", CpuParts.ICELAKE_SP_STEPPING_0,
            without(CpuParts.ICELAKE_SP_STEPPING_0.features(), "hle", "rtm"), 0x8d000520L,
            2_000_000_000L, true, 46, 2, List.of(263_644_632L, 264_230_484L), 0, 64,
            Distro.DEBIAN_12, "+64055:+994", QemuRelease.V7_2, true, true));
    out.put("broadwell",
        new HostSpec("00000000-0000-0000-0000-0cc47a8e4f12", CpuParts.XEON_E5_2650_V4,
            CpuParts.XEON_E5_2650_V4.features(), 0xb000040L, 2_199_998_000L, false, 46, 2,
            List.of(131_811_744L, 132_097_352L), 0, 0, Distro.DEBIAN_12, "+0:+0",
            QemuRelease.V6_2, true, true));
    out.put("coffeelake-e2288g",
        new HostSpec("03000200-0400-0500-0006-000700080009", CpuParts.XEON_E_2288G,
            without(CpuParts.XEON_E_2288G.features(), "hle", "rtm"), 0xf8L, 3_696_000_000L, true,
            39, 1, List.of(65_725_400L), 2048, 0, Distro.DEBIAN_12, "+64055:+994",
            QemuRelease.V7_2, false, true));
    out.put("epyc-rome",
        new HostSpec("8f4e1c2a-3b5d-4e6f-9a0b-1c2d3e4f5a6b", CpuParts.EPYC_7502,
            CpuParts.EPYC_7502.features(), 0x830107aL, 2_495_312_000L, true, 43, 2,
            List.of(263_551_876L, 264_191_356L), 0, 64, Distro.FEDORA_38, "+107:+107",
            QemuRelease.V7_2, true, true));
    return out;
  }

  /** Two of these make the identical pair: only the SMBIOS uuid differs. */
  private static HostSpec skylake(String uuid) {
    CpuPart p = CpuParts.XEON_GOLD_6148;
    return new HostSpec(uuid, p, p.features(), 0x2007006L, 2_394_374_000L, true, 46, 2,
        List.of(197_421_148L, 198_119_868L), 0, 32, Distro.DEBIAN_12, "+64055:+994",
        QemuRelease.V7_2, true, true);
  }

  static List<String> without(List<String> features, String... drop) {
    List<String> out = new ArrayList<>(features);
    out.removeAll(List.of(drop));
    return out;
  }

  /** Every sample file by name: capabilities, domcapabilities and the guests. */
  public static Map<String, String> files(CpuNamer namer) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, HostSpec> e : hosts().entrySet()) {
      HostSpec h = e.getValue();
      CpuPart p = h.part();
      out.put(e.getKey() + ".xml",
          CapabilitiesXml.format(h,
              namer.hostCpu(h.features(), p.vendor(), p.family(), p.model(), p.stepping())));
      out.put(e.getKey() + "-domcaps.xml", DomainCapabilitiesXml.format(h, namer));
    }
    out.put("guest-custom.xml", GuestXml.custom());
    out.put("guest-host-model.xml", GuestXml.hostModel());
    out.put("guest-passthrough.xml", GuestXml.passthrough(hosts().get("skylake-a").tscHz()));
    out.put("guest-no-cpu.xml", GuestXml.noCpu());
    return out;
  }

  /** Writes the samples into the given directory (default {@code samples}). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "samples");
    Files.createDirectories(dir);
    Map<String, String> files = files(CpuNamer.bundled());
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    System.out.println("wrote " + files.size() + " files to " + dir);
  }
}
