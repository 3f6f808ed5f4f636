package org.migcheck.fleet.read;

import org.migcheck.InputException;
import org.migcheck.read.HeldError;
import org.migcheck.parse.ValueRules;

/**
 * The full parser's value rules for the strings the extractors collect; a bad value becomes a
 * {@link HeldError}, which {@link org.migcheck.read.Tokens} holds back until the rest of the chunk is parsed.
 */
final class Fields extends ValueRules {
  Fields(String source) {
    super(source);
  }

  @Override
  protected InputException error(int line, String message) {
    return new HeldError(source(), line, message);
  }
}
