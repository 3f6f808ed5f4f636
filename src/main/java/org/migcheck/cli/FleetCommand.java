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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Compatibility classes, migration graph, baseline and fleet-wide facts for many hosts. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse a fleet: compatibility classes (hosts whose guests see the same CPU), where",
      "host-model guests can live-migrate between them, which are one CPU for host-passthrough,",
      "the fleet baseline and suggested CPU, who holds them back, and machine types, TSC,",
      "phys-bits, security drivers and vendors across the fleet.",
      "INPUT: capabilities and domcapabilities (files, directories, concatenated documents, -);",
      "a host's domcapabilities pair with its capabilities by a <uuid> child, by coming right",
      "after them in one file, or by name (X-domcaps.xml with X.xml, N-th document with N-th).",
      "Exit status: 0 report written, 2 bad input."
    })
final class FleetCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  @Mixin ReportOptions reporting;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Host documents.")
  List<String> inputs;

  FleetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    FleetRegistry registry = new FleetRegistry(common.engine());
    FleetLoader loader = new FleetLoader(registry, new FleetReader(context::stdin));
    List<FleetHost> hosts = loader.load(inputs);
    FleetAnalysis analysis = new FleetAnalysis(common.engine(), new Fleet(registry, hosts));
    String cpuMap = common.maps().source().describe();
    reporting.write(
        () -> new FleetText(analysis, cpuMap).render(),
        () -> new FleetJson(analysis, x86Map(), cpuMap).render(),
        context.out());
    Notes.print(loader.notes(), context); // after the report: a failed write stays one line
    return ExitCodes.OK;
  }

  private CpuMap x86Map() {
    return common.maps().forArch(Arch.X86).orElse(null);
  }
}
