package org.migcheck.report.html;

import org.migcheck.verdict.Safety;

/** How a verdict looks on the page: a CSS class and a symbol that reads without colour. */
final class Safeties {
  private Safeties() {}

  static String css(Safety s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }

  static String symbol(Safety s) {
    return switch (s) {
      case SAFE -> "✓";
      case RISKY -> "!";
      case UNSAFE -> "✗";
    };
  }
}
