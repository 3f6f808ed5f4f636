package org.migcheck.fleet.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.cpumap.CpuMapLoader;
import org.migcheck.engine.CpuEngine;
import org.migcheck.engine.X86Level;
import org.migcheck.fleet.Fleet;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.FleetLoader;
import org.migcheck.fleet.FleetRegistry;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainDef;
import org.migcheck.testing.SharedData;
import org.migcheck.verdict.MigrationChecker;
import org.migcheck.verdict.Safety;

/** Gate verdicts on rollouts with known answers, built from the samples. */
class GateTest {
  static final CpuEngine ENGINE = new CpuEngine(CpuMapLoader.bundled("9.0.0"));

  @TempDir Path tmp;

  static String sample(String file) {
    return SharedData.repo().resolve("samples").resolve(file).toString();
  }

  static List<String> hosts(String... names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(sample(n + ".xml"));
      out.add(sample(n + "-domcaps.xml"));
    }
    return out;
  }

  static List<DomainDef> guests(String... names) {
    List<DomainDef> out = new ArrayList<>();
    for (String n : names) {
      out.add((DomainDef) new InputReader().readAll(List.of(sample(n + ".xml"))).get(0));
    }
    return out;
  }

  static GateResult gate(Policy policy, List<String> fleet, List<String> candidates, List<DomainDef> guests) {
    FleetRegistry registry = new FleetRegistry(ENGINE);
    FleetReader reader = new FleetReader(() -> System.in, 2);
    boolean keep = !guests.isEmpty();
    List<FleetHost> before = new FleetLoader(registry, reader, keep).load(fleet);
    List<FleetHost> added =
        candidates.isEmpty() ? List.of() : new FleetLoader(registry, reader, keep).load(candidates);
    return new Gate(ENGINE, policy).run(new Fleet(registry, before), added, guests);
  }

  static RuleResult rule(GateResult r, String key) {
    return r.rules().stream().filter(x -> x.rule().equals(key)).findFirst().orElseThrow();
  }

  static List<String> failing(GateResult r, String key) {
    return rule(r, key).violations().stream().map(Violation::subject).toList();
  }

  @Test
  void aMicrocodeUpdateThatDropsTsx() throws IOException {
    Path cand = Rollouts.tsxUpdate(tmp.resolve("cand"));
    GateResult r = gate(Policy.NONE, hosts("skylake-a", "skylake-b", "cascadelake"),
        List.of(cand.toString()), guests("guest-custom", "guest-host-model", "guest-passthrough"));
    assertThat(r.passed()).isFalse();
    assertThat(r.updates()).isEqualTo(1);
    assertThat(r.hostsAfter()).isEqualTo(3);
    // the fleet baseline loses hle and rtm, and the update is to blame
    assertThat(failing(r, "baseline")).containsExactly("skylake-b");
    assertThat(rule(r, "baseline").violations().get(0).message()).isEqualTo("removes hle, rtm from the fleet baseline");
    assertThat(rule(r, "baseline").violations().get(0).candidate()).isTrue();
    // host-model and host-passthrough guests started on skylake-a can no longer move to
    // skylake-b; erp-db01 disables TSX in its custom CPU and is fine
    assertThat(failing(r, "guest-migration")).containsExactly("build-runner07", "trading-gw02");
    assertThat(rule(r, "guest-migration").passed()).containsExactly("erp-db01");
    assertThat(rule(r, "guest-migration").violations().get(0).details()).singleElement().asString()
        .startsWith("to skylake-b from skylake-a: ").contains("(hle, rtm)");
    // every guest still starts on the new snapshot
    assertThat(rule(r, "guest-start").violations()).isEmpty();
  }

  /** A downgrade to a QEMU without pc-q35-7.2: guests of that machine type lose the host. */
  @Test
  void aQemuDowngradeLosesGuestsTheirMachineType() throws IOException {
    Path dir = tmp.resolve("downgrade");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("skylake-b.xml"),
        Files.readString(Path.of(sample("skylake-b.xml")))
            .replace("<machine maxCpus='288'>pc-q35-7.2</machine>", "")
            .replace("<machine canonical='pc-q35-7.2' maxCpus='288'>q35</machine>",
                "<machine canonical='pc-q35-7.1' maxCpus='288'>q35</machine>"));
    GateResult r = gate(Policy.NONE, hosts("skylake-a", "skylake-b"), List.of(dir.toString()),
        guests("guest-custom", "guest-host-model"));
    assertThat(failing(r, "guest-start")).containsExactly("erp-db01", "build-runner07");
    Violation v = rule(r, "guest-start").violations().get(1);
    assertThat(v.message()).isEqualTo("can no longer start on 1 host it could start on before: skylake-b");
    assertThat(v.details()).singleElement().asString().startsWith("skylake-b: ").contains("pc-q35-7.2");
    // a host a guest cannot start on takes no part in its migrations
    assertThat(rule(r, "guest-migration").violations()).isEmpty();
  }

  @Test
  void allowedLossesPassTheBaseline() throws IOException {
    Path cand = Rollouts.tsxUpdate(tmp.resolve("cand"));
    Policy allow = new Policy(null, List.of(), List.of(), List.of("hle", "rtm"), false, null, null, List.of(), false);
    GateResult r = gate(allow, hosts("skylake-a", "skylake-b"), List.of(cand.toString()), List.of());
    assertThat(r.passed()).isTrue();
    assertThat(rule(r, "baseline").passed()).containsExactly("skylake-b");
    assertThat(rule(r, "baseline").description()).endsWith("(allowed to lose: hle, rtm)");
  }

  @Test
  void aNewOlderHostLowersTheBaselineAndGuestsGetANote() {
    GateResult r = gate(Policy.NONE, hosts("skylake-a", "cascadelake"), hosts("broadwell"),
        guests("guest-custom", "guest-host-model"));
    assertThat(r.updates()).isZero();
    assertThat(r.candidates()).containsExactly("broadwell");
    assertThat(failing(r, "baseline")).containsExactly("broadwell");
    assertThat(rule(r, "baseline").violations().get(0).message()).contains("avx512f");
    // a new host is no host the guests could use before: no regression, a note
    assertThat(rule(r, "guest-start").violations()).isEmpty();
    assertThat(rule(r, "guest-migration").violations()).isEmpty();
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("guest erp-db01 cannot start on new host broadwell: "));
  }

  /** Issue finding 4: a new host without TSX joins Skylake hosts. */
  @Test
  void aNewHostGuestsCannotMoveOntoFails() {
    List<DomainDef> all = guests("guest-custom", "guest-host-model", "guest-passthrough", "guest-no-cpu");
    GateResult r = gate(Policy.NONE, hosts("skylake-a", "skylake-b"), hosts("icelake-notsx"), all);
    assertThat(r.passed()).isFalse();
    assertThat(failing(r, "guest-new-host")).containsExactly("build-runner07", "trading-gw02");
    assertThat(rule(r, "guest-new-host").passed()).containsExactly("erp-db01", "web-static03");
    Violation hm = rule(r, "guest-new-host").violations().get(0);
    assertThat(hm.message()).startsWith("cannot live-migrate 4 ways between the fleet and a new host: "
        + "to icelake-notsx from skylake-a, skylake-b; from icelake-notsx to skylake-a, skylake-b");
    // structured: the way there names the hosts and the findings with their features
    Detail there = hm.facts().get(0);
    assertThat(there.kind()).isEqualTo("migration");
    assertThat(there.fields().get("from")).isEqualTo(List.of("skylake-a", "skylake-b"));
    assertThat(there.fields().get("to")).isEqualTo(List.of("icelake-notsx"));
    assertThat(there.text()).contains("(hle, rtm, md-clear)");
    // the way back: a host-model guest started on the newer host keeps features Skylake lacks
    assertThat(hm.facts().get(1).fields().get("from")).isEqualTo(List.of("icelake-notsx"));
    // the same verdict as check gives
    MigrationChecker checker = new MigrationChecker(ENGINE);
    assertThat(checker.migrate(all.get(1), TestHostsAccess.host("skylake-a"),
        TestHostsAccess.host("icelake-notsx")).safety()).isEqualTo(Safety.UNSAFE);
  }

  @Test
  void theNewHostRuleIsScopedByThePolicy() {
    List<DomainDef> g = guests("guest-host-model");
    Policy off = new Policy(null, List.of(), List.of(), List.of(), false, null, null, List.of(), false,
        Policy.NewHosts.OFF);
    GateResult r = gate(off, hosts("skylake-a", "skylake-b"), hosts("icelake-notsx"), g);
    assertThat(r.rules()).noneMatch(x -> x.rule().equals("guest-new-host"));
    // an AMD host joins: same-vendor pairs it with no Intel host; all pairs it with every one
    GateResult same = gate(Policy.NONE, hosts("skylake-a"), hosts("epyc-rome"), g);
    assertThat(rule(same, "guest-new-host").violations()).isEmpty();
    Policy all = new Policy(null, List.of(), List.of(), List.of(), false, null, null, List.of(), false,
        Policy.NewHosts.ALL);
    GateResult every = gate(all, hosts("skylake-a"), hosts("epyc-rome"), guests("guest-host-model", "guest-no-cpu"));
    // the guest without <cpu> is checked too (it starts anywhere), and qemu64 would change vendor
    assertThat(failing(every, "guest-new-host")).containsExactly("build-runner07", "web-static03");
    assertThat(rule(every, "guest-new-host").violations().get(1).details())
        .anySatisfy(d -> assertThat(d).contains("the vendor changes under a running guest"));
    assertThat(every.notes()).noneMatch(n -> n.contains("starts on no fleet host"));
  }

  /** Issue finding 6: q35 is an alias each host resolves to its own newest q35. */
  @Test
  void requiredMachineAliasesAreResolvedPerHost() {
    Policy q35 = new Policy(null, List.of(), List.of(), List.of(), false, null, null,
        List.of("q35", "pc", "pc-q35-7.2"), false);
    GateResult r = gate(q35, hosts("skylake-a", "broadwell", "epyc-rome"), List.of(), List.of());
    // every host offers the aliases; broadwell (QEMU 6.2) lacks the versioned pc-q35-7.2 only
    assertThat(failing(r, "require-machines")).containsExactly("broadwell");
    assertThat(rule(r, "require-machines").violations().get(0).message())
        .isEqualTo("lacks machine type pc-q35-7.2");
    Policy none = new Policy(null, List.of(), List.of(), List.of(), false, null, null,
        List.of("microvm-q35"), false);
    assertThat(failing(gate(none, hosts("skylake-a"), List.of(), List.of()), "require-machines"))
        .containsExactly("skylake-a");
  }

  @Test
  void anotherVendorLeavesNoBaseline() {
    Policy oneVendor = new Policy(null, List.of(), List.of(), List.of(), false, null, null, List.of(), true);
    GateResult r = gate(oneVendor, hosts("skylake-a", "broadwell"), hosts("epyc-rome"), List.of());
    assertThat(failing(r, "baseline")).containsExactly("epyc-rome");
    assertThat(rule(r, "baseline").violations().get(0).message())
        .isEqualTo("leaves no fleet baseline: libvirt says CPU vendors do not match");
    assertThat(failing(r, "single-vendor")).containsExactly("epyc-rome");
    assertThat(rule(r, "single-vendor").passed()).containsExactly("broadwell", "skylake-a");
    assertThat(r.baselineAfter().ok()).isFalse();
  }

  /** Every violation of every rule, not the first. */
  @Test
  void everyViolationIsReported() {
    Policy p =
        new Policy(X86Level.V4, List.of("Skylake-Server-IBRS"), List.of("avx512f", "pku"), List.of(), false,
            new Policy.TscSpread(1_000_000, false), 46, List.of("pc-q35-7.2"), false);
    GateResult r = gate(p, hosts("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell",
        "coffeelake-e2288g", "epyc-rome"), List.of(), List.of());
    assertThat(failing(r, "min-level")).containsExactly("broadwell", "coffeelake-e2288g", "epyc-rome");
    assertThat(failing(r, "require-model Skylake-Server-IBRS"))
        .containsExactly("broadwell", "coffeelake-e2288g", "epyc-rome", "icelake-notsx");
    assertThat(rule(r, "require-model Skylake-Server-IBRS").violations()).filteredOn(v -> v.subject().equals("icelake-notsx"))
        .singleElement().satisfies(v -> assertThat(v.message()).contains("hle, rtm"));
    assertThat(failing(r, "require-features")).containsExactly("broadwell", "coffeelake-e2288g", "epyc-rome");
    assertThat(failing(r, "min-phys-bits")).containsExactly("coffeelake-e2288g", "epyc-rome");
    assertThat(failing(r, "require-machines")).containsExactly("broadwell");
    // skylake-a and skylake-b share the slowest rate above icelake's 2000 MHz: all but icelake
    assertThat(failing(r, "max-tsc-spread")).hasSize(6).doesNotContain("icelake-notsx");
    assertThat(rule(r, "baseline").passed()).containsExactly("fleet");
    assertThat(r.violations()).isEqualTo(3 + 4 + 3 + 2 + 1 + 6);
  }

  @Test
  void aCandidateMustSayWhichHostItUpdates() throws IOException {
    // two fleet hosts share a uuid (cloned firmware): an update of that uuid is ambiguous
    assertThatThrownBy(() -> gate(Policy.NONE, List.of(sample("skylake-a.xml"), sample("skylake-a.xml")),
            List.of(sample("skylake-a.xml")), List.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("which 2 fleet hosts share: cannot tell which one it updates");
  }
}
