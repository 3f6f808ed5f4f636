package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.cpumap.Feature;
import org.migcheck.engine.CpuEngine;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.testing.LiveHosts;

/**
 * Real QEMU/KVM as the oracle for "can this custom CPU start here": generated custom CPUs are
 * judged by migcheck against this machine's capabilities and domcapabilities from qemu:///system
 * (the same start rule {@code check} and {@code gate} use), then each is really started with
 * {@code virsh create} as a small diskless guest and destroyed at once. Every answer must match.
 * Skipped without /dev/kvm or libvirtd on a user's clone; under CI=true only a machine without
 * /dev/kvm skips.
 */
class RealQemuOracleTest {
  /** Fixed, so a disagreement can be replayed; the host decides which CPUs the seed yields. */
  private static final long SEED = Long.getLong("migcheck.oracle.seed", 12);
  private static final int CASES = 36;
  private static final String PREFIX = "migcheck-oracle-" + ProcessHandle.current().pid() + "-"
      + Long.toString(System.currentTimeMillis(), 36) + "-";

  /** The newest models of libvirt 9.0's map: mostly unusable here, exercised on purpose. */
  private static final List<String> NEWEST = List.of("EPYC-Milan", "EPYC-Rome", "Cooperlake",
      "Snowridge", "Icelake-Server", "Icelake-Server-noTSX", "Icelake-Client", "Cascadelake-Server");

  /**
   * The features QEMU turns on by itself under KVM, which libvirt's check='full' then calls
   * "extra" unless the definition has them: hypervisor (target/i386/cpu.c x86_cpu_load_model sets
   * CPUID_EXT_HYPERVISOR for every model), x2apic (kvm_default_props) and a local APIC.
   */
  private static final List<String> QEMU_ADDS = List.of("apic", "x2apic", "hypervisor");

  /** Disagreements understood but not (yet) modelled, each with its reason. */
  private record Known(Predicate<Case> applies, String reason) {}

  private static final List<Known> KNOWN = List.of(
      new Known(c -> c.model().equals("486"), "QEMU's 486 has no local APIC (target/i386/cpu.c"
          + " I486_FEATURES) and with one vCPU QEMU creates none (x86_cpu_realizefn), so the"
          + " pcie-root-port libvirt adds to a q35 guest cannot use MSI-X and QEMU exits;"
          + " migcheck does not model the devices libvirt adds"),
      new Known(c -> c.check().equals("full") && qemuDefinitionDiffers(c),
          "check='full' compares with the CPU QEMU built from its own definition of the model,"
              + " which has features libvirt's cpu_map model lacks (apic in QEMU's"
              + " PENTIUM_FEATURES; vme, arat and pclmulqdq in QEMU's older named models:"
              + " target/i386/cpu.c builtin_x86_defs); migcheck knows libvirt's cpu_map only"),
      new Known(RealQemuOracleTest::setsArchCapabilities, "this machine's KVM offers"
          + " arch-capabilities and the bits of IA32_ARCH_CAPABILITIES but refuses to set MSR"
          + " 0x10a to anything but 0 (QEMU: 'failed to set MSR 0x10a', kvm_buf_set_msrs), the"
          + " fault that stops host-model guests here; no capabilities document shows it"));

  /** Whether the guest gets arch-capabilities with a bit of its MSR (0x10a) set (see KNOWN). */
  private static boolean setsArchCapabilities(Case c) {
    CpuMap map = new CpuEngine(CpuMapLoader.load("system")).featureMap("oracle");
    List<String> on = new ArrayList<>(modelFeatures(map, c.model()));
    for (String[] f : c.features()) {
      if (f[0].equals("require")) {
        on.add(f[1]);
      } else {
        on.remove(f[1]);
      }
    }
    return on.contains("arch-capabilities") && on.stream().anyMatch(n -> map.feature(n)
        .map(f -> f.msr().stream().anyMatch(m -> m.index() == 0x10a)).orElse(false));
  }

  /** Whether the case leaves out a feature QEMU's model has and libvirt's lacks (see KNOWN). */
  private static boolean qemuDefinitionDiffers(Case c) {
    CpuMap map = new CpuEngine(CpuMapLoader.load("system")).featureMap("oracle");
    List<String> own = modelFeatures(map, c.model());
    return List.of("apic", "vme", "arat", "pclmuldq").stream()
        .anyMatch(f -> !own.contains(f) && c.features().stream().noneMatch(x -> x[1].equals(f)));
  }

  record Case(String label, String model, String check, String vendor, List<String[]> features) {
    String xml(String name) {
      StringBuilder b = new StringBuilder();
      b.append("<domain type='kvm'>\n")
          .append("  <name>").append(name).append("</name>\n")
          .append("  <memory unit='MiB'>64</memory>\n")
          .append("  <vcpu>1</vcpu>\n")
          .append("  <os><type arch='x86_64' machine='q35'>hvm</type></os>\n")
          .append("  <cpu mode='custom' match='exact' check='").append(check).append("'>\n")
          .append("    <model fallback='forbid'>").append(model).append("</model>\n");
      if (vendor != null) {
        b.append("    <vendor>").append(vendor).append("</vendor>\n");
      }
      for (String[] f : features) {
        b.append("    <feature policy='").append(f[0]).append("' name='").append(f[1])
            .append("'/>\n");
      }
      return b.append("  </cpu>\n  <on_poweroff>destroy</on_poweroff>\n</domain>\n").toString();
    }

    String describe() {
      StringBuilder b = new StringBuilder(model);
      for (String[] f : features) {
        b.append(f[0].equals("require") ? " +" : f[0].equals("disable") ? " -" : " !")
            .append(f[1]);
      }
      return b + (vendor == null ? "" : " vendor=" + vendor) + " check=" + check;
    }
  }

  /**
   * One generated CPU: migcheck's start answer and QEMU's; migcheck's compare with the
   * host-model (what {@code compare HOST-DOMCAPS CPU} prints) and {@code virsh
   * hypervisor-cpu-compare}'s.
   */
  record Outcome(Case c, boolean predicted, boolean started, String why, String error,
      boolean compatible, boolean hypervisorCompatible) {
    boolean agrees() {
      return predicted == started;
    }
  }

  @TempDir Path dir;

  @Test
  void customCpusStartUnderRealQemuExactlyWhenMigcheckSaysSo() throws IOException {
    LiveHosts.requireQemuDaemon();
    Host host = thisHost();
    CpuEngine engine = new CpuEngine(CpuMapLoader.load("system")); // the daemon's own cpu_map
    MigrationChecker checker = new MigrationChecker(engine);
    List<Case> cases = generate(host, engine, new Random(SEED));

    List<Outcome> outcomes = new ArrayList<>();
    InputReader reader = new InputReader();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String name = PREFIX + i;
      Path file = dir.resolve(name + ".xml");
      Files.writeString(file, c.xml(name), StandardCharsets.UTF_8);
      DomainDef domain = (DomainDef) reader.readAll(List.of(file.toString())).get(0);
      List<Finding> findings = checker.startFindings(domain, host);
      boolean predicted = findings.stream().noneMatch(f -> f.severity() == Safety.UNSAFE);
      String why = findings.stream()
          .filter(f -> f.severity() == Safety.UNSAFE)
          .map(f -> f.message() + (f.features().isEmpty() ? "" : " " + f.features()))
          .findFirst().orElse("");
      LiveHosts.Result r = LiveHosts.virsh(LiveHosts.SYSTEM, "create", file.toString());
      if (r.exit() == 0) {
        destroy(name);
      }
      String error = r.exit() == 0 ? "" : lastLine(r.err());
      boolean compatible = engine.compare(host.hostModelCpu(), domain.cpuDef()).verdict()
          .compatible();
      LiveHosts.Result hcc = LiveHosts.virsh(LiveHosts.SYSTEM, "hypervisor-cpu-compare",
          "--virttype", "kvm", "--arch", "x86_64", "--machine", "q35", file.toString());
      outcomes.add(new Outcome(c, predicted, r.exit() == 0, why, error, compatible,
          hcc.exit() == 0));
    }

    System.out.println(table(host, outcomes));
    List<String> unexplained = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (!o.agrees() && KNOWN.stream().noneMatch(k -> k.applies().test(o.c()))) {
        unexplained.add(o.c().label() + " " + o.c().describe() + ": migcheck says "
            + (o.predicted() ? "starts" : "refused (" + o.why() + ")") + ", QEMU "
            + (o.started() ? "started it" : "refused it (" + o.error() + ")"));
      }
    }
    assertThat(unexplained).as("migcheck and real QEMU disagree").isEmpty();
    // the guest-visible CPU: migcheck's compare with the host-model is libvirt's own answer
    assertThat(outcomes).as("compare with the host-model vs virsh hypervisor-cpu-compare")
        .allSatisfy(o -> assertThat(o.compatible()).as(o.c().label() + " " + o.c().describe())
            .isEqualTo(o.hypervisorCompatible()));
    // the generator must reach both answers, or the comparison proves little
    assertThat(outcomes).anyMatch(Outcome::started).anyMatch(o -> !o.started());
  }

  /** A guest left over by a failed run of this JVM is destroyed (transient: it is then gone). */
  @AfterAll
  static void destroyLeftovers() {
    if (!Files.exists(Path.of("/run/libvirt/libvirt-sock"))) {
      return;
    }
    LiveHosts.Result r = LiveHosts.virsh(LiveHosts.SYSTEM, "list", "--name");
    if (r.exit() != 0) {
      return;
    }
    for (String line : r.out().split("\n")) {
      if (line.strip().startsWith(PREFIX)) {
        destroy(line.strip());
      }
    }
  }

  private static void destroy(String name) {
    LiveHosts.virsh(LiveHosts.SYSTEM, "destroy", name);
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines[lines.length - 1].replaceFirst("^error: ", "");
  }

  private Host thisHost() throws IOException {
    LiveHosts.Result caps = LiveHosts.virsh(LiveHosts.SYSTEM, "capabilities");
    LiveHosts.Result domcaps = LiveHosts.virsh(LiveHosts.SYSTEM, "domcapabilities",
        "--virttype", "kvm", "--arch", "x86_64", "--machine", "q35");
    assertThat(caps.exit()).as(caps.err()).isZero();
    assertThat(domcaps.exit()).as(domcaps.err()).isZero();
    Path c = Files.writeString(dir.resolve("caps.xml"), caps.out());
    Path d = Files.writeString(dir.resolve("domcaps.xml"), domcaps.out());
    InputReader reader = new InputReader();
    return new Host("this-host", (HostCapabilities) reader.readAll(List.of(c.toString())).get(0),
        (DomainCapabilities) reader.readAll(List.of(d.toString())).get(0));
  }

  /**
   * A seeded mix: models QEMU can run here and ones it cannot, usable models with features KVM
   * gives, with features only the host CPU has and with features the host lacks, unusable models
   * with all or some of their blockers disabled, policies require/disable/forbid, check partial
   * and full (half of the full ones listing what QEMU adds), with and without a vendor.
   */
  static List<Case> generate(Host host, CpuEngine engine, Random rnd) {
    CpuMap map = engine.featureMap("oracle");
    DomainCapabilities.CustomMode custom = host.domcaps().cpu().custom();
    List<String> usable = custom.usableModels();
    List<String> unusable = custom.models().stream().map(DomainCapabilities.CustomModel::name)
        .filter(n -> !usable.contains(n) && map.model(n).isPresent()).toList();
    List<String> kvm = names(map, engine.features(host.hostModelCpu()));
    List<String> hostCpu = names(map, engine.features(host.hostCpu()));
    List<String> hostOnly = hostCpu.stream().filter(f -> !kvm.contains(f)).toList();
    List<String> lacking = map.features().stream().map(Feature::name)
        .filter(f -> !hostCpu.contains(f)).toList();
    String ownVendor = host.hostCpu().vendor();
    String otherVendor = "AMD".equals(ownVendor) ? "Intel" : "AMD";

    List<Case> out = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      int kind = i % 9;
      String check = rnd.nextInt(3) == 0 ? "full" : "partial";
      String vendor = switch (rnd.nextInt(4)) {
        case 0 -> ownVendor;
        case 1 -> otherVendor;
        default -> null;
      };
      String model;
      List<String[]> features = new ArrayList<>();
      switch (kind) {
        case 0 -> model = pick(rnd, usable);
        case 1 -> model = pick(rnd, unusable);
        case 2 -> {
          model = pick(rnd, usable);
          for (String f : pickSome(rnd, notIn(kvm, map, model), 1 + rnd.nextInt(3))) {
            features.add(new String[] {"require", f});
          }
        }
        case 3 -> {
          model = pick(rnd, usable);
          for (String f : pickSome(rnd, notIn(hostOnly, map, model), 1 + rnd.nextInt(2))) {
            features.add(new String[] {"require", f});
          }
        }
        case 4 -> {
          model = pick(rnd, usable);
          features.add(new String[] {"require", pick(rnd, lacking)});
        }
        case 5, 6 -> {
          model = kind == 5 ? pick(rnd, unusable) : pick(rnd, NEWEST);
          List<String> blockers = modelFeatures(map, model).stream()
              .filter(f -> !kvm.contains(f)).toList();
          String policy = rnd.nextInt(3) == 0 ? "forbid" : "disable";
          for (String f : blockers) {
            features.add(new String[] {policy, f});
          }
        }
        case 7 -> {
          model = pick(rnd, usable);
          List<String> own = modelFeatures(map, model);
          String policy = rnd.nextBoolean() ? "forbid" : "disable";
          String f = rnd.nextBoolean() && !own.isEmpty() ? pick(rnd, own)
              : rnd.nextBoolean() ? pick(rnd, lacking) : pick(rnd, hostOnly);
          features.add(new String[] {policy, f});
        }
        default -> {
          // an unusable model with only some of its blockers disabled
          model = pick(rnd, unusable);
          List<String> blockers = modelFeatures(map, model).stream()
              .filter(f -> !kvm.contains(f)).toList();
          for (String f : pickSome(rnd, blockers, Math.max(1, blockers.size() / 2))) {
            features.add(new String[] {"disable", f});
          }
        }
      }
      if (check.equals("full") && rnd.nextBoolean()) {
        List<String> own = modelFeatures(map, model);
        for (String f : QEMU_ADDS) {
          if (!own.contains(f) && features.stream().noneMatch(x -> x[1].equals(f))) {
            features.add(new String[] {"require", f});
          }
        }
      }
      out.add(new Case("#" + i, model, check, vendor, features));
    }
    return out;
  }

  private static List<String> names(CpuMap map, org.migcheck.cpumap.Bits bits) {
    return map.presentFeatures(bits).stream().map(Feature::name).toList();
  }

  private static List<String> modelFeatures(CpuMap map, String model) {
    return map.model(model).map(m -> names(map, m.bits())).orElse(List.of());
  }

  /** The features of {@code from} the model does not already have. */
  private static List<String> notIn(List<String> from, CpuMap map, String model) {
    List<String> own = modelFeatures(map, model);
    return from.stream().filter(f -> !own.contains(f)).toList();
  }

  private static String pick(Random rnd, List<String> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  private static List<String> pickSome(Random rnd, List<String> from, int n) {
    TreeSet<String> out = new TreeSet<>();
    while (out.size() < Math.min(n, from.size())) {
      out.add(pick(rnd, from));
    }
    return List.copyOf(out);
  }

  static String table(Host host, List<Outcome> outcomes) {
    StringBuilder b = new StringBuilder("Real QEMU oracle on " + host.hostCpu().vendor() + " "
        + host.hostCpu().model() + " (seed " + SEED + ")\n");
    for (Outcome o : outcomes) {
      b.append(String.format("  %-4s %-8s %-8s %s%s%n", o.c().label(),
          o.started() ? "started" : "refused", o.agrees() ? "agreed" : "DISAGREE"
              + (KNOWN.stream().anyMatch(k -> k.applies().test(o.c())) ? "*" : ""),
          o.c().describe(), o.started() ? "" : "  [" + o.error() + "]"));
    }
    long started = outcomes.stream().filter(Outcome::started).count();
    long startedAgreed = outcomes.stream().filter(o -> o.started() && o.agrees()).count();
    long refusedAgreed = outcomes.stream().filter(o -> !o.started() && o.agrees()).count();
    long refused = outcomes.size() - started;
    long known = outcomes.stream().filter(o -> !o.agrees()
        && KNOWN.stream().anyMatch(k -> k.applies().test(o.c()))).count();
    b.append(String.format("%-10s %8s %8s %8s%n", "", "agreed", "disagree", "total"));
    b.append(String.format("%-10s %8d %8d %8d%n", "started", startedAgreed,
        started - startedAgreed, started));
    b.append(String.format("%-10s %8d %8d %8d%n", "refused", refusedAgreed,
        refused - refusedAgreed, refused));
    b.append(String.format("%-10s %8d %8d %8d%n", "total", startedAgreed + refusedAgreed,
        outcomes.size() - startedAgreed - refusedAgreed, outcomes.size()));
    b.append("disagreements explained by a known, listed reason: ").append(known).append('\n');
    for (Known k : KNOWN) {
      List<String> labels = outcomes.stream()
          .filter(o -> !o.agrees() && k.applies().test(o.c())).map(o -> o.c().label()).toList();
      if (!labels.isEmpty()) {
        b.append("  * ").append(String.join(" ", labels)).append(": ").append(k.reason())
            .append('\n');
      }
    }
    long compatible = outcomes.stream().filter(Outcome::hypervisorCompatible).count();
    long compareAgreed = outcomes.stream()
        .filter(o -> o.compatible() == o.hypervisorCompatible()).count();
    long startedIncompatible = outcomes.stream()
        .filter(o -> o.started() && !o.hypervisorCompatible()).count();
    b.append("hypervisor-cpu-compare: ").append(compatible).append(" compatible, ")
        .append(outcomes.size() - compatible).append(" incompatible; migcheck's compare agreed on ")
        .append(compareAgreed).append(" of ").append(outcomes.size()).append("; ")
        .append(startedIncompatible).append(" started although incompatible with the host-model"
            + " (check='partial' lets QEMU drop what KVM lacks)\n");
    return b.toString();
  }
}
