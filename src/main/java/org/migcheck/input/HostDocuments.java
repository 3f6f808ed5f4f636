package org.migcheck.input;

import java.util.ArrayList;
import java.util.List;
import org.migcheck.InputException;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.DomainDef;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;

/**
 * The host documents of command-line arguments, read with the full profile and sorted into
 * capabilities and domcapabilities, each with what {@link HostPairing} needs of it. Guests in a
 * directory are skipped; a file named explicitly must be host data.
 *
 * @param caps the capabilities documents, in input order
 * @param domcaps the domcapabilities documents, in input order
 * @param notes how the files were planned (a domcapabilities file found beside an argument)
 */
public record HostDocuments(List<Read> caps, List<Read> domcaps, List<String> notes) {
  /** A host document with what the pairing rule needs of it. */
  public record Read(ParsedDocument doc, HostPairing.Doc pairing) {}

  public static HostDocuments read(InputReader reader, List<String> args) {
    InputPlan plan = InputPlan.of(args);
    HostDocuments found = new HostDocuments(new ArrayList<>(), new ArrayList<>(), plan.notes());
    int[] seq = {0};
    for (InputPlan.Planned p : plan.files()) {
      reader.stream(p.file(), doc -> {
        if (doc instanceof HostCapabilities c) {
          found.caps.add(new Read(doc, docOf(p, seq[0]++, c.source(), c.uuid())));
        } else if (doc instanceof DomainCapabilities d) {
          found.domcaps.add(new Read(doc, docOf(p, seq[0]++, d.source(), d.hostUuid())));
        } else if (!p.fromDirectory()) {
          String what = doc instanceof DomainDef ? "a <domain>" : "a bare <cpu>";
          throw new InputException(doc.source(), doc.line(), -1, what + " is not host data: give"
              + " the host's capabilities and, optionally, its domcapabilities");
        }
      });
    }
    return found;
  }

  private static HostPairing.Doc docOf(InputPlan.Planned p, int seq, String source, String uuid) {
    return new HostPairing.Doc(source, seq, p.argument(), p.argumentText(), p.explicit(), uuid);
  }
}
