package org.migcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.engine.BaselineOptions;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuXml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** virsh cpu-baseline, offline, for any number of hosts. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    header = "Print the CPU every input host can run, exactly as 'virsh cpu-baseline' would.",
    description = {
      "For host CPUs standard output is byte for byte what virsh prints for the same inputs "
          + "and cpu_map; a line on standard error names the number of CPUs and the cpu_map.",
      "",
      "INPUT: host capabilities, domain capabilities (their host-model), domain XML or <cpu>; "
          + "files with several concatenated documents, directories (their *.xml files) or - for "
          + "standard input."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the baseline was printed",
      "2:bad input, including libvirt's errors (CPU vendors do not match, CPUs are "
          + "incompatible): one line on standard error names the file",
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck baseline samples/skylake-a.xml samples/cascadelake.xml \\",
      "      samples/icelake-notsx.xml",
      "  migcheck baseline --features --migratable samples/broadwell.xml \\",
      "      samples/skylake-a.xml"
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
    try {
      // loaded while the warm-up reads a large input (Warmup.READ_FIRST_BYTES), with the driver
      // of x86, the arch of nearly every fleet; a map that fails fails again below, after the
      // input's own errors, as it always did
      common.engine().prepare("x86_64");
    } catch (RuntimeException later) {
      // reported by common.engine() below
    }
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
