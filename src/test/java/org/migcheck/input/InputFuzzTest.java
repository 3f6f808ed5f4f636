package org.migcheck.input;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.migcheck.read.InputFile;
import org.migcheck.read.Inputs;
import org.migcheck.InputException;
import org.migcheck.model.ParsedDocument;
import org.migcheck.testing.FuzzFile;

/**
 * Fuzzes the input layer with files of concatenated documents. Only {@link InputException} may
 * escape, and a file must read the same from disk as from standard input: the same documents, the
 * same CPUs (the fast reader on files, the JDK parser on stdin), or the same error.
 */
class InputFuzzTest {
  private static final FuzzFile FILE = new FuzzFile("migcheck-fuzz-input-");

  @FuzzTest(maxDuration = "30s")
  void concatenated(byte[] data) {
    String f = FILE.write(data);
    InputReader fromFile = new InputReader(() -> new ByteArrayInputStream(new byte[0]));
    InputReader fromStdin = new InputReader(() -> new ByteArrayInputStream(data));
    String docsA = outcome(() -> describe(fromFile.readAll(List.of(f))), f);
    String docsB = outcome(() -> describe(fromStdin.readAll(List.of("-"))), InputFile.STDIN_NAME);
    same("documents", docsA, docsB, data);
    String cpusA = outcome(() -> String.valueOf(fromFile.extractCpus(f)), f);
    String cpusB = outcome(() -> String.valueOf(fromStdin.extractCpus("-")), InputFile.STDIN_NAME);
    same("CPUs", cpusA, cpusB, data);
  }

  private static void same(String what, String a, String b, byte[] data) {
    if (!a.equals(b)) {
      throw new AssertionError(
          what + " differ between file and stdin:\n  file:  " + a + "\n  stdin: " + b);
    }
  }

  /** The result or the error as text, with the input's name replaced so both sides compare. */
  private static String outcome(Supplier<String> read, String name) {
    String text;
    try {
      text = read.get();
    } catch (InputException e) {
      String line = e.oneLine();
      if (line.isBlank() || line.contains("\n")) {
        throw new AssertionError("not one line: " + line);
      }
      text = "error " + line;
    }
    return text.replace(name, "INPUT");
  }

  /** Each document's kind and source, after using what the commands use (CPU rules included). */
  private static String describe(List<ParsedDocument> docs) {
    List<String> out = new ArrayList<>();
    for (ParsedDocument d : docs) {
      out.add(d.getClass().getSimpleName() + "@" + d.source() + ":" + d.line());
      try {
        DocumentUse.exercise(d);
      } catch (InputException e) {
        out.add("rejected " + e.oneLine());
      }
    }
    return String.join(", ", out);
  }
}
