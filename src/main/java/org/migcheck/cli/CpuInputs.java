package org.migcheck.cli;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.InputException;
import org.migcheck.read.InputFile;
import org.migcheck.input.InputReader;
import org.migcheck.input.ReadAhead;
import org.migcheck.read.Inputs;
import org.migcheck.model.CpuDef;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;

/** Turns command-line inputs into the CPUs the CPU commands work on. */
final class CpuInputs {
  private final InputReader reader;

  CpuInputs(CliContext context) {
    this.reader = new InputReader(context::stdin);
  }

  InputReader reader() {
    return reader;
  }

  static String argOf(InputFile f) {
    return f.isStdin() ? "-" : f.path().toString();
  }

  /** Every CPU virsh would find in the inputs (files, directories, -), in order. */
  List<CpuDef> allCpus(List<String> args) {
    List<CpuDef> cpus = new ArrayList<>();
    for (InputFile f : Inputs.resolve(args)) {
      // read ahead by the warm-up (the same reading), or read now
      List<CpuDef> ahead = new ArrayList<>();
      boolean replayed = !f.isStdin()
          && ReadAhead.CPUS.replay(new InputFile(argOf(f), f.path()), ahead::add);
      cpus.addAll(replayed ? ahead : reader.extractCpus(argOf(f)));
    }
    return cpus;
  }

  /** The first CPU of a file, as virsh cpu-compare takes it. */
  CpuDef firstCpu(String arg) {
    return reader.extractCpus(arg).get(0);
  }

  /**
   * The CPU that describes a host: the host CPU of capabilities, the host-model of
   * domcapabilities (what KVM can give guests), else the file's first CPU.
   */
  CpuDef hostCpu(String arg) {
    Inputs.resolveFile(arg); // one file, like the CPU argument: a directory is an error
    List<ParsedDocument> docs = reader.readAll(List.of(arg));
    if (docs.isEmpty()) {
      throw new InputException(arg, "no document found");
    }
    return hostCpu(docs.get(0), arg);
  }

  /** {@link #hostCpu(String)} for a document already read from {@code arg}. */
  CpuDef hostCpu(ParsedDocument doc, String arg) {
    if (doc instanceof HostCapabilities caps) {
      if (caps.cpu() == null) {
        throw new InputException(doc.source(), "the capabilities have no host <cpu>");
      }
      return caps.cpu().toCpuDef();
    }
    if (doc instanceof DomainCapabilities dc) {
      CpuDef hm = dc.hostModelCpuDef();
      if (hm == null) {
        throw new InputException(
            doc.source(), "the domain capabilities have no supported host-model CPU");
      }
      return hm.withArch(dc.arch());
    }
    if (doc instanceof DomainDef d && d.cpu() != null) {
      return d.cpu().toCpuDef();
    }
    return firstCpu(arg);
  }
}
