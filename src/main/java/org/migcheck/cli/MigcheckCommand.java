package org.migcheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: only subcommands do work. */
@Command(
    name = "migcheck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Tells whether KVM/libvirt guests can live-migrate between hosts, from the hosts'",
      "capabilities XML, with libvirt's own CPU model semantics."
    },
    subcommands = {BaselineCommand.class, CompareCommand.class, InspectCommand.class, DiffCommand.class,
        CheckCommand.class, SuggestCommand.class, FleetCommand.class, GateCommand.class})
public final class MigcheckCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
