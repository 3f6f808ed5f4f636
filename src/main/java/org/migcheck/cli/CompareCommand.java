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
    header = "Compare a CPU with a host CPU as 'virsh cpu-compare' does, with the reasons.",
    description = {
      "The result is libvirt's: IDENTICAL, SUPERSET (the host has more) or INCOMPATIBLE, with "
          + "the reason libvirt only writes to its debug log and the CPUID or MSR location of each "
          + "feature.",
      "",
      "HOST: capabilities (its host CPU), domcapabilities (its host-model CPU) or a <cpu>. "
          + "CPU: the first CPU in a file, as virsh picks it: a <cpu>, a domain's CPU, a host CPU "
          + "or a host-model."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:IDENTICAL or SUPERSET",
      "1:INCOMPATIBLE",
      ExitCodes.HELP_BAD_INPUT,
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck compare samples/skylake-a.xml samples/cascadelake.xml",
      "  migcheck compare samples/icelake-notsx-domcaps.xml samples/guest-custom.xml"
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
