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
    header = "Summarise host capabilities, domain capabilities, domain XML and <cpu> documents.",
    description = {
      "Host capabilities: CPU with its expanded features and x86-64 level, topology, NUMA "
          + "cells, pages, nested virtualization, IOMMU, TSC, physical address bits, security "
          + "drivers, migration transports, guest types and machine types. Domain capabilities: the "
          + "host-model CPU, usable CPU models and their blockers, supported features. Domain XML: "
          + "CPU, memory, vCPUs, clock, security labels, huge pages, devices that block migration.",
      "",
      "INPUT: files, directories (their *.xml files, by name) or - for standard input; a file "
          + "may hold several concatenated documents."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the report was written",
      ExitCodes.HELP_BAD_INPUT,
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck inspect samples/skylake-a.xml",
      "  migcheck inspect --format json samples/skylake-a-domcaps.xml",
      "  virsh capabilities | migcheck inspect -"
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
    for (String w : report.warnings()) {
      context.err().println("migcheck: warning: " + w);
    }
    return ExitCodes.OK;
  }
}
