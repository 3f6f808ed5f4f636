package org.migcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.cpumap.Arch;
import org.migcheck.cpumap.CpuMap;
import org.migcheck.fleet.Fleet;
import org.migcheck.fleet.FleetAnalysis;
import org.migcheck.fleet.FleetHost;
import org.migcheck.fleet.FleetLoader;
import org.migcheck.fleet.FleetRegistry;
import org.migcheck.fleet.read.FleetReader;
import org.migcheck.report.FleetJson;
import org.migcheck.report.FleetText;
import org.migcheck.report.html.FleetHtml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compatibility classes, migration graph, baseline and fleet-wide facts for many hosts. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    header = "Analyse a fleet: compatibility classes, where guests can go, the baseline and what "
        + "holds it back.",
    description = {
      "Reports the hosts whose guests see the same CPU (classes), where host-model guests can "
          + "live-migrate between them, which classes are one CPU for host-passthrough, the fleet "
          + "baseline and suggested CPU, which classes and CPU generations hold them back, and "
          + "machine types, TSC rates, physical address bits, security drivers and vendors across "
          + "the fleet. Streams its inputs: 100,000 hosts fit in a few hundred MB.",
      "",
      "INPUT: capabilities and domcapabilities (files, directories, concatenated documents, "
          + "-). A host's domcapabilities pairs with its capabilities by a <uuid> child, by coming "
          + "right after them in one file, or by name (X-domcaps.xml with X.xml; the N-th document "
          + "with the N-th)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the report was written",
      ExitCodes.HELP_BAD_INPUT,
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck fleet samples/fleet/",
      "  migcheck fleet --format json -o fleet.json samples/fleet/",
      "  JAVA_OPTS=-Xmx1g migcheck fleet inventory/"
    })
final class FleetCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  /** The formats of fleet. */
  enum FleetFormat {
    text,
    json,
    html
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or html (one self-contained page; default: ${DEFAULT-VALUE}).")
  FleetFormat format;

  @Mixin OutputOption output;

  @Mixin HostLibvirtOptions hostLibvirt;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Host documents.")
  List<String> inputs;

  FleetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    FleetRegistry registry = new FleetRegistry(common.engine());
    registry.readHostsWithTheirLibvirt(common.defaultMap());
    HostLibvirtOptions.Lookup versions = hostLibvirt.lookup(inputs);
    FleetLoader loader = new FleetLoader(
        registry, new FleetReader(context::stdin), false, hostLibvirt.fleetLookup(versions));
    List<FleetHost> hosts = loader.load(inputs);
    versions.requireAllUsed();
    Fleet fleet = new Fleet(registry, hosts);
    // mixed fleets: suggestions with the oldest libvirt's map, as suggest makes them
    List<org.migcheck.cpumap.LibvirtVersion> declared = registry.versions();
    FleetAnalysis analysis = new FleetAnalysis(common.engine(), fleet, fleet.members().keySet(),
        common.engineForOldest(declared.isEmpty() ? null : declared.get(0)));
    String cpuMap = common.maps().source().describe();
    String report =
        switch (format) {
          case text -> new FleetText(analysis, cpuMap).render();
          case json -> new FleetJson(analysis, x86Map(), cpuMap).render();
          case html -> new FleetHtml(common.engine(), analysis, x86Map(), cpuMap).render();
        };
    output.write(report, context.out());
    Notes.print(loader.notes(), context); // after the report: a failed write stays one line
    return ExitCodes.OK;
  }

  private CpuMap x86Map() {
    return common.maps().forArch(Arch.X86).orElse(null);
  }
}
