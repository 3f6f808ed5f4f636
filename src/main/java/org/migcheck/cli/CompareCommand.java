package org.migcheck.cli;

import java.util.concurrent.Callable;
import org.migcheck.engine.CompareResult;
import org.migcheck.engine.Verdict;
import org.migcheck.model.CpuDef;
import org.migcheck.report.CompareReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** virsh cpu-compare against any host, with the reasons libvirt only logs. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare a CPU with a host CPU the way 'virsh cpu-compare' does:",
      "IDENTICAL, SUPERSET (the host has more) or INCOMPATIBLE, with the reasons.",
      "HOST: capabilities (its host CPU), domcapabilities (its host-model) or a CPU.",
      "CPU: the first CPU in a file: guest <cpu>, domain XML, or another host.",
      "Exit status: 0 IDENTICAL or SUPERSET, 1 INCOMPATIBLE, 2 bad input."
    })
final class CompareCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  @Mixin ReportOptions reporting;

  @Parameters(index = "0", paramLabel = "HOST")
  String host;

  @Parameters(index = "1", paramLabel = "CPU")
  String cpu;

  CompareCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CpuInputs in = new CpuInputs(context);
    CpuDef hostCpu = in.hostCpu(host);
    CpuDef guestCpu = in.firstCpu(cpu);
    CompareResult result = common.engine().compare(hostCpu, guestCpu);
    CompareReport report =
        new CompareReport(host, cpu, result, common.engine(), hostCpu.arch());
    reporting.write(report::text, report::json, context.out());
    return result.verdict() == Verdict.INCOMPATIBLE ? ExitCodes.INCOMPATIBLE : ExitCodes.OK;
  }
}
