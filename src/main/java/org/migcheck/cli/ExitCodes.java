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
}
