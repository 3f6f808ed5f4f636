package org.migcheck.fleet.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A QEMU release as libvirt 9.0.0 reports it: the x86 machine types (capabilities) and the CPU
 * models of the custom mode (domcapabilities), both as QEMU lists them.
 */
public enum QemuRelease {
  V6_2(6, 2),
  V7_0(7, 0),
  V7_2(7, 2);

  /** The x86 models QEMU 7.2 offers that libvirt 9.0.0 also knows, in domcapabilities order. */
  private static final List<String> MODELS_7_2 =
      List.of(
          "486", "Broadwell", "Broadwell-IBRS", "Broadwell-noTSX", "Broadwell-noTSX-IBRS",
          "Cascadelake-Server", "Cascadelake-Server-noTSX", "Conroe", "Cooperlake", "Dhyana",
          "EPYC", "EPYC-IBPB", "EPYC-Milan", "EPYC-Rome", "Haswell", "Haswell-IBRS",
          "Haswell-noTSX", "Haswell-noTSX-IBRS", "Icelake-Server", "Icelake-Server-noTSX",
          "IvyBridge", "IvyBridge-IBRS", "Nehalem", "Nehalem-IBRS", "Opteron_G1", "Opteron_G2",
          "Opteron_G3", "Opteron_G4", "Opteron_G5", "Penryn", "SandyBridge", "SandyBridge-IBRS",
          "Skylake-Client", "Skylake-Client-IBRS", "Skylake-Client-noTSX-IBRS", "Skylake-Server",
          "Skylake-Server-IBRS", "Skylake-Server-noTSX-IBRS", "Snowridge", "Westmere",
          "Westmere-IBRS", "athlon", "core2duo", "coreduo", "kvm32", "kvm64", "n270", "pentium",
          "pentium2", "pentium3", "phenom", "qemu32", "qemu64");

  private final int major;
  private final int minor;

  QemuRelease(int major, int minor) {
    this.major = major;
    this.minor = minor;
  }

  public String version() {
    return major + "." + minor;
  }

  /** The newest q35 machine type, the one domcapabilities describes. */
  public String q35Machine() {
    return "pc-q35-" + version();
  }

  public int q35MaxCpus() {
    return 288;
  }

  /** CPU models of the custom mode; Icelake-Client left QEMU in 7.1. */
  public List<String> cpuModels() {
    if (this == V7_2) {
      return MODELS_7_2;
    }
    List<String> out = new ArrayList<>(MODELS_7_2);
    out.add(out.indexOf("IvyBridge"), "Icelake-Client");
    out.add(out.indexOf("IvyBridge"), "Icelake-Client-noTSX");
    return out;
  }

  /** A machine type line of capabilities. */
  public record Machine(String name, String canonical, int maxCpus, boolean deprecated) {}

  /**
   * The machine types in the order capabilities lists them: the default machine first with its
   * alias, the rest in QEMU's hash order (fixed per release; an alias follows its machine).
   */
  public List<Machine> machines() {
    List<Machine> rest = new ArrayList<>();
    for (String v : versions()) {
      if (v.equals(version())) {
        continue;
      }
      boolean old = v.startsWith("1.");
      rest.add(new Machine("pc-i440fx-" + v, null, 255, old && deprecatesOldPc()));
    }
    for (String v : versions()) {
      if (v.startsWith("1.") || v.equals("2.0") || v.equals("2.1") || v.equals("2.2")
          || v.equals("2.3")) {
        continue;
      }
      boolean small = v.equals("2.4") || v.equals("2.5") || v.equals("2.6") || v.equals("2.7");
      rest.add(new Machine("pc-q35-" + v, null, small ? 255 : 288, false));
      if (v.equals("4.0")) {
        rest.add(new Machine("pc-q35-4.0.1", null, 288, false));
      }
    }
    rest.add(new Machine("isapc", null, 1, false));
    rest.add(new Machine("microvm", null, 288, false));
    rest.add(new Machine("xenfv-4.2", null, 128, false));
    rest.add(new Machine("xenfv-3.1", null, 128, false));
    rest.add(new Machine("xenpv", null, 1, false));
    rest.add(new Machine("x-remote", null, 1, false));
    Collections.shuffle(rest, new Random(major * 100L + minor));
    List<Machine> out = new ArrayList<>();
    out.add(new Machine("pc-i440fx-" + version(), null, 255, false));
    out.add(new Machine("pc", "pc-i440fx-" + version(), 255, false));
    for (Machine m : rest) {
      out.add(m);
      if (m.name().equals(q35Machine())) {
        out.add(new Machine("q35", q35Machine(), 288, false));
      }
      if (m.name().equals("xenfv-3.1")) {
        out.add(new Machine("xenfv", "xenfv-3.1", 128, false));
      }
    }
    return out;
  }

  /** pc-i440fx-1.4 to 1.7 are deprecated since QEMU 7.0. */
  private boolean deprecatesOldPc() {
    return major >= 7;
  }

  private List<String> versions() {
    List<String> out = new ArrayList<>(List.of("1.4", "1.5", "1.6", "1.7"));
    for (int m = 0; m <= 12; m++) {
      out.add("2." + m);
    }
    out.addAll(List.of("3.0", "3.1", "4.0", "4.1", "4.2", "5.0", "5.1", "5.2"));
    for (int maj = 6; maj <= major; maj++) {
      int last = maj == major ? minor : 2;
      for (int min = 0; min <= last; min++) {
        out.add(maj + "." + min);
      }
    }
    return out;
  }
}
