package org.migcheck.xml;

/**
 * Line ends as XML counts them (and so the JDK parser's locations): LF, CR, and CR LF as one. The
 * fast reader, fleet's splitter and its chunk parser count lines with it, so every reader names
 * the same line.
 */
public final class LineEnds {
  private LineEnds() {}

  /** The line ends in the first {@code length} bytes. */
  public static int count(byte[] bytes, int length) {
    return count(bytes, 0, length);
  }

  /**
   * The line ends in {@code bytes[from..to)}; an LF right after a CR before {@code from} belongs
   * to that CR, so counts over consecutive ranges add up.
   */
  public static int count(byte[] bytes, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\r') {
        n++;
      } else if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        n++;
      }
    }
    return n;
  }
}
