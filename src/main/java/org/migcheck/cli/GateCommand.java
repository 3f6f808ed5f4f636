package org.migcheck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.InputException;
import org.migcheck.fleet.Fleet;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.FleetLoader;
import org.migcheck.fleet.FleetRegistry;
import org.migcheck.fleet.gate.Gate;
import org.migcheck.fleet.gate.GateResult;
import org.migcheck.fleet.gate.Policy;
import org.migcheck.fleet.gate.PolicyParser;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainDef;
import org.migcheck.model.ParsedDocument;
import org.migcheck.report.html.GateHtml;
import org.migcheck.report.GateJson;
import org.migcheck.report.GateJunit;
import org.migcheck.report.GateMarkdown;
import org.migcheck.report.GateText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The CI gate for a fleet rollout. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    header = "Check a fleet rollout in CI: guests, migrations, the baseline and a policy must hold.",
    description = {
      "The fleet before (--fleet) is compared with the fleet after: the candidates "
          + "(--candidate) are added, or replace the fleet host with the same uuid (a new snapshot "
          + "after a microcode, kernel, QEMU or libvirt update). Fails when a guest (--guests) can "
          + "no longer start on, or live-migrate among, hosts it could before; when the fleet "
          + "baseline loses features; or when a rule of the --policy file breaks. Every violation "
          + "is reported."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every rule holds",
      "1:a rule is broken",
      "2:bad input, including every mistake in the policy file: one line on standard error "
          + "names the file",
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck gate --fleet samples/fleet/ --candidate samples/rollout/ \\",
      "      --guests samples/guests/",
      "  migcheck gate --fleet samples/fleet/ --candidate samples/rollout/ \\",
      "      --policy samples/rollout/policy.conf --format junit --junit-time=zero \\",
      "      -o gate.xml"
    })
final class GateCommand implements Callable<Integer> {
  /** The formats of gate. */
  enum GateFormat {
    text,
    json,
    junit,
    markdown,
    html
  }

  private final CliContext context;

  @Mixin CommonOptions common;

  @Option(names = "--fleet", required = true, paramLabel = "INPUT", parameterConsumer = InputList.class,
      description = "The fleet's host documents (capabilities, domcapabilities; files, directories, -).")
  List<String> fleet;

  @Option(names = "--candidate", paramLabel = "INPUT", parameterConsumer = InputList.class,
      description = "New hosts or new snapshots of fleet hosts (same uuid).")
  List<String> candidates = new ArrayList<>();

  @Option(names = "--guests", paramLabel = "INPUT", parameterConsumer = InputList.class,
      description = "Guest domain XMLs (files or directories) that must keep working.")
  List<String> guests = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "FILE", description = "Rules every host must keep (see README).")
  Path policy;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json, junit, markdown or html (default: ${DEFAULT-VALUE}).")
  GateFormat format;

  /** Whether JUnit reports carry measured times. */
  enum JunitTime {
    measured,
    zero
  }

  @Option(
      names = "--junit-time",
      defaultValue = "measured",
      paramLabel = "measured|zero",
      description = "With --format junit: the measured durations (default), or zero for a"
          + " report that is byte-identical from run to run.")
  JunitTime junitTime;

  @Mixin OutputOption output;

  @Mixin HostLibvirtOptions hostLibvirt;

  GateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Policy rules =
        policy == null
            ? Policy.NONE
            : new PolicyParser(common.maps().forLibvirtArch("x86_64", policy.toString())).read(policy);
    List<DomainDef> domains = guests();
    FleetRegistry registry = new FleetRegistry(common.engine());
    registry.readHostsWithTheirLibvirt(common.defaultMap());
    FleetReader reader = new FleetReader(context::stdin);
    boolean keep = !domains.isEmpty();
    List<String> all = new ArrayList<>(fleet);
    all.addAll(candidates);
    HostLibvirtOptions.Lookup versions = hostLibvirt.lookup(all);
    org.migcheck.fleet.HostVersionLookup lookup = hostLibvirt.fleetLookup(versions);
    FleetLoader beforeLoader = new FleetLoader(registry, reader, keep, lookup);
    List<FleetHost> before = beforeLoader.load(fleet);
    FleetLoader addedLoader = new FleetLoader(registry, reader, keep, lookup);
    List<FleetHost> added = candidates.isEmpty() ? List.of() : addedLoader.load(candidates);
    versions.requireAllUsed();
    // mixed fleets: the baseline with the oldest libvirt's map, as suggest makes its CPU
    List<org.migcheck.cpumap.LibvirtVersion> declared = registry.versions();
    GateResult result =
        new Gate(common.engine(), rules,
            common.engineForOldest(declared.isEmpty() ? null : declared.get(0)))
            .run(new Fleet(registry, before), added, domains);
    String cpuMap = common.maps().source().describe();
    String text =
        switch (format) {
          case json -> new GateJson(result, cpuMap).render();
          case junit -> new GateJunit(result, (System.nanoTime() - start) / 1e9,
              junitTime == JunitTime.measured).render();
          case markdown -> new GateMarkdown(result, cpuMap).render();
          case html -> new GateHtml(result, cpuMap).render();
          case text -> new GateText(result, cpuMap).render();
        };
    output.write(text, context.out());
    List<String> notes = new ArrayList<>(beforeLoader.notes());
    notes.addAll(addedLoader.notes());
    Notes.print(notes, context); // after the report: a failed write stays one line
    return result.passed() ? ExitCodes.OK : ExitCodes.INCOMPATIBLE;
  }

  private List<DomainDef> guests() {
    List<DomainDef> out = new ArrayList<>();
    if (guests.isEmpty()) {
      return out;
    }
    for (ParsedDocument d : new InputReader(context::stdin).readAll(guests)) {
      if (!(d instanceof DomainDef dd)) {
        throw new InputException(d.source(), d.line(), -1,
            "not a guest: --guests takes domain XML (<domain>) documents");
      }
      out.add(dd);
    }
    return out;
  }
}
