package org.migcheck.fleet.read;

import org.migcheck.InputException;

/**
 * A value the extractors cannot convert (a bad number, a missing attribute, a feature given twice).
 * {@link ChunkParser} reports it only once the rest of the document is well-formed, because the
 * full parser reads a whole document before it converts values: a malformed spot further on wins.
 */
final class ValueError extends InputException {
  private static final long serialVersionUID = 1L;

  ValueError(String source, int line, String message) {
    super(source, line, -1, message);
  }
}
