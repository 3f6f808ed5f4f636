package org.migcheck.fleet.read;

import org.migcheck.InputException;
import org.migcheck.parse.ValueRules;

/**
 * The full parser's value rules for the strings the extractors collect; a bad value becomes a
 * {@link ValueError}, which {@link ChunkParser} holds back until the rest of the chunk is parsed.
 */
final class Fields extends ValueRules {
  Fields(String source) {
    super(source);
  }

  @Override
  protected InputException error(int line, String message) {
    return new ValueError(source(), line, message);
  }
}
