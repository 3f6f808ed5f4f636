package org.migcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.InputException;
import org.migcheck.engine.X86Level;
import org.migcheck.report.SuggestReport;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.SuggestOptions;
import org.migcheck.verdict.Suggester;
import org.migcheck.verdict.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A custom guest CPU every given host runs, verified against each of them. */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    header = "Print a custom guest <cpu> every input host can run, verified on each host.",
    description = {
      "The CPU is libvirt's baseline without the features that block migration, with "
          + "<maxphysaddr> at the smallest width; libvirt's compare on every host verifies it. With "
          + "--format xml (the default) the <cpu> goes to standard output and the verification "
          + "table to standard error.",
      "",
      "INPUT: capabilities and domcapabilities: a.xml,a-domcaps.xml is one host; X.xml pairs "
          + "with X-domcaps.xml; concatenated files and directories too."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every host runs the CPU",
      "1:a host cannot run it, it is below --require-level, or the hosts share no CPU",
      ExitCodes.HELP_BAD_INPUT,
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck suggest samples/skylake-a.xml samples/cascadelake.xml \\",
      "      samples/icelake-notsx.xml",
      "  migcheck suggest --without hle,rtm --model Skylake-Server-IBRS \\",
      "      samples/skylake-a.xml samples/icelake-notsx.xml",
      "  migcheck suggest --format text --require-level v3 samples/fleet/"
    })
final class SuggestCommand implements Callable<Integer> {
  /** The formats of suggest. */
  enum SuggestFormat {
    xml,
    text,
    json
  }

  private final CliContext context;

  @Mixin CommonOptions common;

  @Option(names = "--model", paramLabel = "NAME", description = "Use this named model.")
  String model;

  @Option(names = "--named",
      description = "Use the newest named model every host runs without disabled features.")
  boolean named;

  @Option(names = "--without", split = ",", paramLabel = "F",
      description = "Features guests must not depend on (e.g. hle,rtm).")
  List<String> without = new ArrayList<>();

  @Option(names = "--require-level", paramLabel = "vN",
      description = "Fail when the CPU is below this x86-64 level (v1..v4).")
  String requireLevel;

  @Option(
      names = "--format",
      defaultValue = "xml",
      paramLabel = "FORMAT",
      description = "xml, text or json (default: ${DEFAULT-VALUE}).")
  SuggestFormat format;

  @Mixin OutputOption output;

  @Mixin HostLibvirtOptions hostLibvirt;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Host documents.")
  List<String> inputs;

  SuggestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (model != null && model.isBlank()) {
      throw new InputException("--model", "empty model name");
    }
    if (without.stream().anyMatch(String::isBlank)) {
      throw new InputException("--without", "empty feature name");
    }
    if (model != null && named) {
      throw new InputException("--named", "give either --model or --named, not both");
    }
    X86Level level = null;
    if (requireLevel != null) {
      level = X86Level.parse(requireLevel);
      if (level == null) {
        throw new InputException("--require-level",
            "unknown level '" + requireLevel + "': expected v1, v2, v3 or v4");
      }
    }
    HostInputs in = new HostInputs(context, common.maps());
    List<Host> hosts = in.hosts(inputs);
    // mixed fleets: suggest with the oldest libvirt's map, so every host's libvirt can use it
    org.migcheck.verdict.HostVersions versions = hostLibvirt.resolve(hosts, inputs);
    org.migcheck.engine.CpuEngine engine = common.engineForOldest(versions.oldest(hosts));
    if (common.defaultMap()) { // each host's CPU as its own libvirt's map means it
      hosts = new org.migcheck.verdict.OwnMaps(engine).read(hosts, versions);
    }
    Suggestion s = new Suggester(engine)
        .suggest(hosts, new SuggestOptions(model, named, without, level));
    SuggestReport report = new SuggestReport(s, engine.featureMap("suggest"));
    switch (format) {
      case xml -> {
        // a file first: if it cannot be written, that one line is all stderr gets
        if (s.ok() && !output.toStdout()) {
          output.write(report.cpuXml(), context.out());
        }
        context.err().print(report.headline() + report.table() + report.remarks());
        context.err().flush();
        if (s.ok() && output.toStdout()) {
          output.write(report.cpuXml(), context.out());
        }
      }
      case text -> output.write(report.text(), context.out());
      case json -> output.write(report.json(), context.out());
    }
    Notes.print(in.notes(), context); // after the report: a failed write stays one line
    return s.ok() ? ExitCodes.OK : ExitCodes.INCOMPATIBLE;
  }
}
