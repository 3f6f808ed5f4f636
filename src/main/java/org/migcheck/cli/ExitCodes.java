package org.migcheck.cli;

/** migcheck's exit statuses. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Success: compatible, SAFE, gate passed. */
  public static final int OK = 0;

  /** A result, not an error: incompatible, UNSAFE, gate failed. */
  public static final int INCOMPATIBLE = 1;

  /** Bad input or usage: one line on stderr naming the file. */
  public static final int BAD_INPUT = 2;

  /** A bug in migcheck. */
  public static final int INTERNAL = 3;

  /** The exit-status lines every command's help ends with (picocli's "status:text" form). */
  static final String HELP_BAD_INPUT =
      "2:bad input or usage: one line on standard error names the file (and line where known)";

  static final String HELP_BUG = "3:a bug in migcheck: please report it (--debug shows details)";
}
