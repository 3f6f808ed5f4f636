package org.migcheck;

/**
 * A problem with what the user gave us (a file, an option, a cpu_map): reported as one line, exit 2.
 * Never used for bugs.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  public InputException(String source, int line, int column, String message) {
    super(message);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  public InputException(String source, String message) {
    this(source, -1, -1, message);
  }

  public InputException(String message) {
    this(null, -1, -1, message);
  }

  /** The file (or other source) the problem is in, or null. */
  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** Returns this error with a source attached, keeping the position. */
  public InputException withSource(String newSource) {
    if (source != null) {
      return this;
    }
    InputException e = new InputException(newSource, line, column, getMessage());
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** "file:line:column: message", leaving out what is unknown. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    sb.append(getMessage().replace('\n', ' '));
    return sb.toString();
  }
}
