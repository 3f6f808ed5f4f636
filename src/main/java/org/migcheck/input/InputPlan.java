package org.migcheck.input;

import org.migcheck.read.InputFile;
import org.migcheck.read.Inputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.migcheck.InputException;

/**
 * The files that command-line host arguments stand for, each with the argument it came from, so
 * that {@link HostPairing} treats directories and file arguments alike. A capabilities file named
 * on its own brings its domcapabilities along when they lie beside it under a name {@link
 * HostPairing} pairs ({@code a.xml} with {@code a-domcaps.xml}, {@code a_domcaps.xml} or {@code
 * a.domcaps.xml}); a note says so.
 *
 * @param files every file to read, in input order
 * @param notes one line per domcapabilities file found beside a capabilities file
 */
public record InputPlan(List<Planned> files, List<String> notes) {
  public InputPlan {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }

  /**
   * One file to read.
   *
   * @param argument the index of the argument it came from
   * @param argumentText that argument as given
   * @param explicit the argument is an explicit {@code caps,domcaps} host
   * @param fromDirectory the file was found in a directory argument (or beside a file), not named
   */
  public record Planned(
      InputFile file, int argument, String argumentText, boolean explicit, boolean fromDirectory) {}

  /** The plan for some arguments; an argument with a comma is one explicit host. */
  public static InputPlan of(List<String> args) {
    List<Planned> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean explicit = arg.contains(",");
      for (String part : explicit ? parts(arg) : List.of(arg)) {
        List<InputFile> resolved = Inputs.resolve(part); // a bad path fails here, named
        boolean directory = !part.equals("-") && Files.isDirectory(Path.of(part));
        for (InputFile f : resolved) {
          files.add(new Planned(f, i, arg, explicit, directory));
        }
      }
    }
    return withSiblings(files);
  }

  private static InputPlan withSiblings(List<Planned> given) {
    Set<Path> seen = new HashSet<>();
    for (Planned p : given) {
      if (!p.file().isStdin()) {
        seen.add(p.file().path().toAbsolutePath().normalize());
      }
    }
    List<Planned> out = new ArrayList<>(given.size());
    List<String> notes = new ArrayList<>();
    for (Planned p : given) {
      out.add(p);
      if (p.explicit() || p.fromDirectory() || p.file().isStdin()) {
        continue;
      }
      Path file = p.file().path();
      String name = file.getFileName().toString();
      if (HostPairing.isDomcapsName(name)) {
        continue;
      }
      for (String candidate : HostPairing.domcapsNames(name)) {
        Path sibling = file.resolveSibling(candidate);
        if (Files.isRegularFile(sibling) && seen.add(sibling.toAbsolutePath().normalize())) {
          out.add(new Planned(new InputFile(sibling.toString(), sibling), p.argument(),
              p.argumentText(), false, true));
          notes.add(p.file().name() + ": paired with " + sibling + ", found beside it");
          break;
        }
      }
    }
    return new InputPlan(out, notes);
  }

  private static List<String> parts(String arg) {
    List<String> out = new ArrayList<>();
    for (String p : arg.split(",", -1)) {
      if (p.isEmpty()) {
        throw new InputException(arg, "empty file name in a comma-separated host");
      }
      out.add(p);
    }
    return out;
  }

  /** The files alone. */
  public List<InputFile> inputFiles() {
    return files.stream().map(Planned::file).toList();
  }
}
