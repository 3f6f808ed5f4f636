package org.migcheck.input;

import org.migcheck.model.CpuDocument;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;

/** What the commands do with a parsed document beyond reading it: where libvirt's rules run. */
final class DocumentUse {
  private DocumentUse() {}

  /** Runs the document's CPU conversions (and a domain's memory size), as the commands do. */
  static void exercise(ParsedDocument d) {
    if (d instanceof HostCapabilities c && c.cpu() != null) {
      c.cpu().toCpuDef();
    } else if (d instanceof DomainCapabilities dc) {
      dc.hostModelCpuDef();
    } else if (d instanceof DomainDef dd) {
      dd.cpuDef();
      dd.migrationBlockers();
      if (dd.memory() != null) {
        dd.memory().kib();
      }
    } else if (d instanceof CpuDocument cd) {
      cd.toCpuDef();
    }
  }
}
