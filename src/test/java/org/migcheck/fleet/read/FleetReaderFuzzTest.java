package org.migcheck.fleet.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.migcheck.InputException;
import org.migcheck.input.InputReader;
import org.migcheck.model.DomainCapabilities;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.FuzzFile;

/**
 * Fuzzes fleet's reader (byte splitter and StAX extractors on worker threads) against the full
 * parser on files of concatenated capabilities and domcapabilities: only {@link InputException}
 * may escape; where both read the file, fleet keeps exactly what the full parser reads of what it
 * uses; where one fails, so does the other with the same line, except where {@link
 * FleetReaderErrorsTest#randomDamage} allows a difference (an invalid value fleet does not read,
 * invalid UTF-8 found at another place).
 */
class FleetReaderFuzzTest {
  private static final FuzzFile FILE = new FuzzFile("migcheck-fuzz-fleet-");

  @FuzzTest(maxDuration = "30s")
  void agreement(byte[] data) {
    String f = FILE.write(data);
    List<ParsedDocument> full = new ArrayList<>();
    String fullError = null;
    try {
      new InputReader().readAll(List.of(f)).forEach(d -> full.add(FleetReaderTest.reduced(d)));
    } catch (InputException e) {
      fullError = e.oneLine();
    }
    List<ParsedDocument> fast = new ArrayList<>();
    String fastError = null;
    try {
      new FleetReader(() -> System.in, 2).read(List.of(f), FleetDocument::document, fast::add);
    } catch (InputException e) {
      fastError = e.oneLine();
    }
    if (fullError == null && fastError == null) {
      if (!fast.equals(full)) {
        throw new AssertionError("fleet reads other records:\n  full: " + full + "\n  fleet: " + fast);
      }
      return;
    }
    if (fullError != null && fullError.equals(fastError)) {
      return;
    }
    boolean bothFail = fullError != null && fastError != null;
    if (bothFail && (fullError.contains("UTF-8") || fastError.contains("UTF-8")
        || fullError.contains("DOCTYPE") || fastError.contains("DOCTYPE"))) {
      return; // the input layer checks UTF-8 and DOCTYPEs as it reads ahead, fleet's splitter as it cuts
    }
    if (bothFail && line(fullError) == line(fastError) && fullError.contains("malformed XML")
        && fastError.contains("text outside of any element")) {
      return; // text, then bad markup or the end: the JDK parser meets that before it hands over the text
    }
    boolean unreadValue =
        fullError != null
            && (fullError.contains("Invalid value") || fullError.contains("Missing"))
            && (fastError == null || line(fastError) > line(fullError));
    if (unreadValue) {
      return; // a value fleet does not read (it fails later, if at all)
    }
    if (bothFail && malformedAt(fullError) != null && malformedAt(fullError).equals(malformedAt(fastError))) {
      return; // the JDK parser words a fault by context (the full reader wraps documents in a root)
    }
    if (fastError != null && unsupportedRoot(fastError) != null) {
      // fleet reads host documents only and says so, where the full parser lists every root it
      // knows and reads guest documents too: the same root must be the trouble, at the same place
      boolean guestRoot = unsupportedRoot(fastError).matches(".*<(domain|cpu)>");
      boolean agree =
          fullError == null
              ? guestRoot && readsGuestDocument(full)
              : unsupportedRoot(fastError).equals(unsupportedRoot(fullError))
                  // fleet refuses a guest document at its root, the full parser reads it first
                  || guestRoot && line(fullError) >= line(fastError);
      if (!agree) {
        throw new AssertionError("full parser: " + fullError + "\nfleet reader: " + fastError);
      }
      return;
    }
    throw new AssertionError("full parser: " + fullError + "\nfleet reader: " + fastError);
  }

  /** "FILE:LINE:COLUMN: malformed XML" without the parser's wording, else null. */
  private static String malformedAt(String oneLine) {
    int at = oneLine.indexOf(": malformed XML: ");
    return at < 0 ? null : oneLine.substring(0, at);
  }

  private static boolean readsGuestDocument(List<ParsedDocument> docs) {
    return docs.stream().anyMatch(d -> !(d instanceof HostCapabilities || d instanceof DomainCapabilities));
  }

  /** "FILE:LINE: unsupported document <ROOT>" without what each reader accepts, else null. */
  private static String unsupportedRoot(String oneLine) {
    int at = oneLine.indexOf(": unsupported document <");
    return at < 0 ? null : oneLine.substring(0, oneLine.indexOf('>', at) + 1);
  }

  private static int line(String oneLine) {
    String[] parts = oneLine.split(":");
    try {
      return Integer.parseInt(parts[1].trim());
    } catch (RuntimeException noLine) {
      return -1;
    }
  }
}
