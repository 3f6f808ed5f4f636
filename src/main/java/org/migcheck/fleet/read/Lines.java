package org.migcheck.fleet.read;

/** Line ends as the input layer counts them: LF, CR, and CR LF as one. */
final class Lines {
  private Lines() {}

  /** The line ends in the first {@code length} bytes. */
  static int count(byte[] bytes, int length) {
    int n = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\r') {
        n++;
      } else if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        n++;
      }
    }
    return n;
  }
}
