package org.migcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.InputException;
import org.migcheck.report.InspectReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Summarises host documents the way operators otherwise do by hand from lscpu and virsh. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise libvirt documents: host capabilities (CPU, expanded features, x86-64 level,",
      "topology, NUMA, pages, nested virtualization, IOMMU, TSC, phys bits, security drivers,",
      "migration transports, guest types and machines), domain capabilities (host-model,",
      "usable CPU models and their blockers) and domain XML (CPU, memory, clock, labels).",
      "Inputs: files, directories (their *.xml), - (stdin); files may hold several documents.",
      "Exit status: 0 success, 2 bad input."
    })
final class InspectCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  @Mixin ReportOptions reporting;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Documents to inspect.")
  List<String> inputs;

  InspectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    InspectReport report = new InspectReport(common.engine());
    new CpuInputs(context).reader().stream(inputs, report::add);
    if (report.size() == 0) {
      throw new InputException(String.join(" ", inputs), "no document found");
    }
    reporting.write(report::text, report::json, context.out());
    return ExitCodes.OK;
  }
}
