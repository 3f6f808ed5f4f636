package org.migcheck.read;

import org.migcheck.InputException;

/**
 * A value a profile cannot convert (a bad number, a missing attribute, a feature given twice).
 * {@link Tokens} reports it only once the rest of the document is well-formed, because the full
 * profile maps values after it has read the whole document: a malformed spot further on wins.
 */
public final class HeldError extends InputException {
  private static final long serialVersionUID = 1L;

  public HeldError(String source, int line, String message) {
    super(source, line, -1, message);
  }
}
