package org.migcheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level command: only subcommands do work. It names no subcommands itself: building a
 * command's picocli model costs milliseconds on a cold JVM, so a run builds only the one it invokes
 * (see {@link Cli#commandLine}); {@link All} is the whole tree, for help and the generators.
 */
@Command(
    name = "migcheck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Tells, offline, whether KVM/libvirt guests can live-migrate between hosts, from the XML "
          + "that libvirt prints (virsh capabilities, virsh domcapabilities, domain XML), with "
          + "libvirt's own CPU model semantics. 'migcheck COMMAND --help' describes each command."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success: compatible, SAFE, the gate passed",
      "1:a result that is not: incompatible, UNSAFE, a host cannot run the suggestion, a gate "
          + "rule broken",
      ExitCodes.HELP_BAD_INPUT,
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck inspect samples/skylake-a.xml",
      "  migcheck check samples/skylake-a.xml samples/cascadelake.xml",
      "  migcheck fleet samples/fleet/"
    })
public class MigcheckCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The whole command tree: the full help, and picocli's build-time generators (man pages, shell
   * completion). Subclasses inherit the top-level command's attributes.
   */
  @Command(
      subcommands = {BaselineCommand.class, CompareCommand.class, InspectCommand.class,
          DiffCommand.class, CheckCommand.class, SuggestCommand.class, FleetCommand.class,
          GateCommand.class, CollectCommand.class})
  public static final class All extends MigcheckCommand {}
}
