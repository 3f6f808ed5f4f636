package org.migcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.migcheck.InputException;
import org.migcheck.model.CpuCheck;
import org.migcheck.model.CpuDef;
import org.migcheck.model.CpuFeature;
import org.migcheck.model.CpuMatch;
import org.migcheck.model.CpuMode;
import org.migcheck.model.CpuType;
import org.migcheck.model.DomainDef;
import org.migcheck.model.Fallback;
import org.migcheck.model.FeaturePolicy;
import org.migcheck.model.ParsedDocument;
import org.migcheck.report.CheckReport;
import org.migcheck.verdict.CheckOptions;
import org.migcheck.verdict.GuestMode;
import org.migcheck.verdict.Host;
import org.migcheck.verdict.HostVersions;
import org.migcheck.verdict.MigrationChecker;
import org.migcheck.verdict.ModeVerdict;
import org.migcheck.verdict.OwnMaps;
import org.migcheck.verdict.Safety;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Can a guest live-migrate from one host to another? Per guest CPU mode, with the reasons. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    header = "Judge live migration SRC -> DST per guest CPU mode: SAFE, RISKY or UNSAFE, with "
        + "reasons.",
    description = {
      "Each guest CPU mode (host-passthrough, host-model, custom; or the guest's own with "
          + "--guest) is judged on the CPU and beyond it: arch, machine type, TSC, physical address "
          + "bits, security drivers, migration support, huge pages, NUMA nodes and devices.",
      "",
      "SRC, DST: a host's capabilities, optionally with its domcapabilities "
          + "(a.xml,a-domcaps.xml in either order), or a directory holding one host's files."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every verdict is SAFE or RISKY (RISKY is 1 with --strict)",
      "1:a verdict is UNSAFE (or RISKY with --strict)",
      ExitCodes.HELP_BAD_INPUT,
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck check samples/skylake-a.xml,samples/skylake-a-domcaps.xml \\",
      "      samples/broadwell.xml,samples/broadwell-domcaps.xml \\",
      "      --guest samples/guest-passthrough.xml",
      "  migcheck check --both-ways --mode host-model samples/skylake-a.xml \\",
      "      samples/cascadelake.xml",
      "  migcheck check --model Skylake-Server-IBRS --feature +pku,-hle,-rtm \\",
      "      samples/skylake-a.xml samples/icelake-notsx.xml"
    })
final class CheckCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin CommonOptions common;

  @Option(
      names = "--mode",
      split = ",",
      paramLabel = "MODE",
      description = "host-passthrough, host-model or custom (repeatable; default: the guest's"
          + " mode with --guest, else all three).")
  List<String> modes = new ArrayList<>();

  @Option(names = "--guest", paramLabel = "DOMAIN_XML", description = "Judge this domain.")
  String guest;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Judge this CPU model in custom mode only (without it, custom mode judges the"
          + " two hosts' suggestion).")
  String model;

  @Option(
      names = "--feature",
      split = ",",
      paramLabel = "+F|-F",
      description = "With --model: require (+F) or disable (-F) features, e.g. +pku,-hle"
          + " (a list that starts with -h reads as the help option: put a +F first).")
  List<String> features = new ArrayList<>();

  @Option(names = "--both-ways", description = "Also judge DST -> SRC.")
  boolean bothWays;

  @Option(names = "--strict", description = "Exit 1 on RISKY verdicts too.")
  boolean strict;

  @Mixin ReportOptions reporting;

  @Mixin HostLibvirtOptions hostLibvirt;

  @Parameters(index = "0", paramLabel = "SRC")
  String src;

  @Parameters(index = "1", paramLabel = "DST")
  String dst;

  CheckCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<GuestMode> wanted = new ArrayList<>();
    for (String m : modes) {
      GuestMode g = GuestMode.parse(m);
      if (g == null) {
        throw new InputException("--mode", "unknown mode '" + m
            + "': expected host-passthrough, host-model or custom");
      }
      wanted.add(g);
    }
    if (model != null && model.isBlank()) {
      throw new InputException("--model", "empty model name");
    }
    if (model != null && guest != null) {
      throw new InputException("--model", "give either --guest or --model, not both");
    }
    if (!features.isEmpty() && model == null) {
      throw new InputException("--feature", "--feature needs --model");
    }
    if (model != null) { // a named model is a custom CPU: judging the other modes answers nothing asked
      if (wanted.stream().anyMatch(m -> m != GuestMode.CUSTOM)) {
        throw new InputException("--model", "--model judges a custom CPU: it goes with --mode custom"
            + " (or no --mode)");
      }
      wanted = List.of(GuestMode.CUSTOM);
    }
    HostInputs in = new HostInputs(context, common.maps());
    Host a = in.host(src);
    Host b = in.host(dst);
    // each host's CPU must only name what its own libvirt knows (bad input otherwise)
    HostVersions versions = hostLibvirt.resolve(List.of(a, b), List.of(src, dst));
    if (common.defaultMap()) { // each host's CPU as its own libvirt's map means it
      OwnMaps own = new OwnMaps(common.engine());
      a = own.read(a, versions.of(a));
      b = own.read(b, versions.of(b));
    }
    DomainDef domain = guest == null ? null : domain(in, guest);
    CheckOptions options = new CheckOptions(wanted, domain, customCpu(), bothWays);
    List<ModeVerdict> verdicts = new MigrationChecker(common.engine(), versions).check(a, b, options);
    CheckReport report = new CheckReport(a.name(), b.name(), guest, verdicts,
        common.engine().featureMap(src));
    reporting.write(report::text, report::json, context.out());
    Notes.print(in.notes(), context); // after the report: a failed write stays one line
    Safety result = report.result();
    boolean fail = result == Safety.UNSAFE || (strict && result == Safety.RISKY);
    return fail ? ExitCodes.INCOMPATIBLE : ExitCodes.OK;
  }

  private static DomainDef domain(HostInputs in, String file) {
    for (ParsedDocument d : in.reader().readAll(List.of(file))) {
      if (d instanceof DomainDef dd) {
        dd.cpuDef(); // libvirt's <cpu> rules: a domain libvirt rejects is bad input
        return dd;
      }
    }
    throw new InputException(file, "no <domain> document found");
  }

  /** --model NAME --feature +x,-y as a custom CPU (exact, fallback forbid, check partial). */
  private CpuDef customCpu() {
    if (model == null) {
      return null;
    }
    List<CpuFeature> list = new ArrayList<>();
    for (String f : features) {
      String name = f.startsWith("+") || f.startsWith("-") ? f.substring(1) : f;
      if (name.isEmpty()) {
        throw new InputException("--feature", "empty feature name in '" + f + "'");
      }
      list.add(new CpuFeature(name,
          f.startsWith("-") ? FeaturePolicy.DISABLE : FeaturePolicy.REQUIRE));
    }
    CpuDef cpu = new CpuDef(CpuType.GUEST, null, CpuMode.CUSTOM, CpuMatch.EXACT,
        CpuCheck.PARTIAL, null, model, Fallback.FORBID, null, null, list, "--model");
    common.engine().features(cpu); // unknown names are bad input
    return cpu;
  }
}
