package org.migcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.migcheck.InputException;
import org.migcheck.live.FleetCollector;
import org.migcheck.live.GuestSelection;
import org.migcheck.live.HostCollector;
import org.migcheck.live.LibvirtUri;
import org.migcheck.live.SnapshotWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reads live hosts through libvirt into a snapshot directory that every other command reads. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    header = "Read live hosts through libvirt into a snapshot directory the other commands read.",
    description = {
      "Connects to each libvirt URI (at most --parallel at once, each within --timeout seconds) "
          + "and writes HOST.xml (capabilities), HOST-domcaps.xml (domain capabilities, virt type "
          + "kvm), domcaps/HOST/MACHINE.xml for other machine types its guests use, "
          + "guests/HOST/NAME.xml (the XML migration sends) and snapshot.json, the manifest, last. "
          + "Every file is written atomically. Needs libvirt.so.0 (Debian package libvirt0).",
      "",
      "A host that cannot be read is one line on standard error naming its URI and libvirt's "
          + "reason; the other hosts are kept. Passwords and secret query values in URIs are "
          + "never printed or stored. Authentication stays with libvirt (ssh keys, SASL, TLS)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every host was collected",
      "1:a host could not be read (the others are in the snapshot)",
      "2:bad input: bad arguments, or no libvirt.so.0",
      ExitCodes.HELP_BUG
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  migcheck collect test:///default -o snapshot",
      "  migcheck collect --from inventory/hosts.txt --guests all -o snapshot",
      "  migcheck collect qemu+ssh://root@h1/system?no_tty=1 -o inventory/"
    })
final class CollectCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(arity = "0..*", paramLabel = "URI", description = "libvirt URIs, e.g. qemu+ssh://root@host/system.")
  List<String> uris = new ArrayList<>();

  @Option(names = "--from", paramLabel = "FILE", description = "Read URIs from FILE, one a line ('#' starts a comment).")
  Path from;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "snapshot", description = "Snapshot directory (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "16", description = "Hosts read at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Time limit per host (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--guests", paramLabel = "WHICH", defaultValue = "running", description = "running, all or none (default: ${DEFAULT-VALUE}).")
  String guests;

  CollectCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> all = new ArrayList<>(uris);
    if (from != null) {
      all.addAll(readFrom(from));
    }
    if (all.isEmpty()) {
      throw new InputException("collect: no URI given (arguments or --from FILE)");
    }
    for (String u : all) {
      if (!LibvirtUri.isUri(u)) {
        throw new InputException(LibvirtUri.redact(u), "not a libvirt URI (e.g. qemu:///system, qemu+ssh://host/system)");
      }
    }
    if (parallel < 1) {
      throw new InputException("--parallel", "must be at least 1");
    }
    if (timeout < 1) {
      throw new InputException("--timeout", "must be at least 1 second");
    }
    GuestSelection which = guestSelection(guests);
    HostCollector.requireLibvirt();
    SnapshotWriter writer = new SnapshotWriter(output, (file, text) -> OutputFile.write(text, file, null));
    Progress progress = new Progress(System.console() != null, context.err(), System.nanoTime());
    int[] failed = {0};
    new FleetCollector(new HostCollector(which), parallel, Duration.ofSeconds(timeout))
        .run(
            all,
            new FleetCollector.Listener() {
              @Override
              public void result(FleetCollector.Result r) {
                writer.add(r);
                if (r.failed()) {
                  failed[0]++;
                  progress.clear();
                  context.err().println("migcheck: " + r.uri() + ": " + r.error());
                  context.err().flush();
                }
              }

              @Override
              public void progress(int done, int total, int failedSoFar) {
                progress.show(done, total, failedSoFar);
              }
            });
    writer.finish();
    progress.clear();
    context.out().println(
        "collected " + (all.size() - failed[0]) + " of " + all.size() + " hosts into " + output
            + (failed[0] > 0 ? " (" + failed[0] + " failed)" : ""));
    return failed[0] > 0 ? ExitCodes.INCOMPATIBLE : ExitCodes.OK;
  }

  static GuestSelection guestSelection(String s) {
    try {
      return GuestSelection.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--guests", "expected running, all or none, got '" + s + "'");
    }
  }

  private static List<String> readFrom(Path file) {
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(s);
        }
      }
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "no such file or directory");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputException(file.toString(), "cannot read: " + e.getMessage());
    }
    return out;
  }

  /** done/total, failed, hosts/s on one rewritten stderr line, only when stderr is a terminal. */
  private record Progress(boolean on, java.io.PrintWriter err, long start) {
    void show(int done, int total, int failed) {
      if (!on) {
        return;
      }
      double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
      err.printf(Locale.ROOT, "\rcollect: %d/%d done, %d failed, %.1f hosts/s ", done, total, failed, done / secs);
      err.flush();
    }

    void clear() {
      if (on) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
