package org.migcheck.xml;

import java.io.IOException;
import org.migcheck.InputException;

/**
 * Carries an {@link InputException} raised while producing the characters a parser reads (a
 * rejected DOCTYPE, bad UTF-8) through the parser, which only lets IOExceptions pass.
 */
public final class ReaderFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient InputException error;

  public ReaderFailure(InputException error) {
    super(error.getMessage(), error);
    this.error = error;
  }

  public InputException error() {
    return error;
  }
}
