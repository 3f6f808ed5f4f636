package org.migcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.InputException;
import org.migcheck.cpumap.Arch;
import org.migcheck.read.Inputs;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuDocument;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.report.DiffReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The features two x86 hosts do not share, after expanding both through the cpu_map. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    header = "Show the CPU features only one of two x86 hosts has, after full expansion.",
    description = {
      "Both CPUs are expanded through the cpu_map first, so features a model implies count as "
          + "much as listed ones. The features only one side has are grouped by kind with their "
          + "CPUID or MSR location, and the report ends with what a guest would lose moving each "
          + "way.",
      "",
      "A, B: capabilities (the host CPU), domcapabilities (the host-model CPU: what KVM gives "
          + "guests), domain XML or <cpu> (that CPU). x86 only: other architectures differ by model "
          + "name only (use compare)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the expanded feature sets are equal and the vendors agree",
      "1:the CPUs differ",
      ExitCodes.HELP_BAD_INPUT,
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck diff samples/skylake-a.xml samples/cascadelake.xml",
      "  migcheck diff samples/skylake-a-domcaps.xml \\",
      "      samples/icelake-notsx-domcaps.xml"
    })
final class DiffCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  @Mixin ReportOptions reporting;

  @Parameters(index = "0", paramLabel = "A")
  String fileA;

  @Parameters(index = "1", paramLabel = "B")
  String fileB;

  DiffCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CpuInputs in = new CpuInputs(context);
    DiffReport.Side a = side(in, fileA);
    DiffReport.Side b = side(in, fileB);
    DiffReport report = new DiffReport(a, b, common.engine(), fileA);
    reporting.write(report::text, report::json, context.out());
    return report.identical() ? ExitCodes.OK : ExitCodes.INCOMPATIBLE;
  }

  private static DiffReport.Side side(CpuInputs in, String arg) {
    Inputs.resolveFile(arg); // a host is one file: a directory is an error
    List<ParsedDocument> docs = in.reader().readAll(List.of(arg));
    if (docs.isEmpty()) {
      throw new InputException(arg, "no document found");
    }
    ParsedDocument doc = docs.get(0);
    if (doc instanceof HostCapabilities caps) {
      CpuDef cpu = in.hostCpu(doc, arg);
      requireX86(cpu.arch(), arg);
      return new DiffReport.Side(
          arg, "host CPU", cpu, caps.cpu().signature(), caps.cpu().microcodeVersion());
    }
    if (doc instanceof DomainCapabilities dc) {
      requireX86(dc.arch(), arg);
      return new DiffReport.Side(arg, "host-model CPU", in.hostCpu(doc, arg), null, null);
    }
    if (doc instanceof DomainDef d) {
      requireX86(d.os() == null ? null : d.os().arch(), arg);
      CpuDef cpu = in.hostCpu(doc, arg);
      if (cpu.model() == null) {
        throw new InputException(
            arg,
            "the domain's CPU ("
                + (cpu.mode() == null ? "custom" : cpu.mode().xmlName())
                + ") names no model, so it has no feature set of its own: diff the hosts instead");
      }
      return new DiffReport.Side(arg, "domain CPU", cpu, null, null);
    }
    CpuDef cpu = ((CpuDocument) doc).toCpuDef();
    requireX86(cpu.arch(), arg);
    return new DiffReport.Side(arg, "CPU", cpu, null, null);
  }

  /** libvirt has no feature bits for other arches, so there is nothing to diff but the name. */
  private static void requireX86(String arch, String arg) {
    if (arch == null || Arch.forLibvirtArch(arch).orElse(null) == Arch.X86) {
      return;
    }
    throw new InputException(
        arg,
        "diff works on x86 CPUs only; libvirt tells "
            + arch
            + " CPUs apart by model name alone, so use 'migcheck compare' for them");
  }
}
