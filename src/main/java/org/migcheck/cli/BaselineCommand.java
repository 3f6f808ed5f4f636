package org.migcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.engine.BaselineOptions;
import org.migcheck.model.CpuDef;
import org.migcheck.report.CpuXml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** virsh cpu-baseline, offline, for any number of hosts. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Print the CPU every input host can run, exactly as 'virsh cpu-baseline' would.",
      "Inputs: host capabilities, domain capabilities (host-model), domain XML or <cpu>,",
      "several concatenated documents in one file, directories (their *.xml) or - (stdin)."
    })
final class BaselineCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  @Option(names = "--features", description = "List every feature of the model (sorted).")
  boolean features;

  @Option(names = "--migratable", description = "Leave out features that block migration.")
  boolean migratable;

  @Mixin OutputOption output;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Host documents.")
  List<String> inputs;

  BaselineCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<CpuDef> cpus = new CpuInputs(context).allCpus(inputs);
    CpuDef result = common.engine().baseline(cpus, new BaselineOptions(features, migratable));
    output.write(CpuXml.format(result), context.out());
    context
        .err()
        .println(
            "migcheck: baseline of "
                + cpus.size()
                + (cpus.size() == 1 ? " CPU" : " CPUs")
                + " with the "
                + common.maps().source().describe());
    return ExitCodes.OK;
  }
}
