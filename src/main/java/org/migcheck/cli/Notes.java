package org.migcheck.cli;

import java.util.List;

/** Notes and warnings about the inputs, one line each on standard error before the report. */
final class Notes {
  /** More lines than a person reads; the rest are counted. */
  static final int SHOWN = 20;

  private Notes() {}

  static void print(List<String> notes, CliContext context) {
    for (int i = 0; i < Math.min(SHOWN, notes.size()); i++) {
      context.err().println("migcheck: " + notes.get(i));
    }
    if (notes.size() > SHOWN) {
      context.err().println("migcheck: ... and " + (notes.size() - SHOWN) + " more notes");
    }
    context.err().flush();
  }
}
