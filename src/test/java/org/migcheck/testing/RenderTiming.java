package org.migcheck.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For bench/html.sh: how long headless Chromium takes to load each HTML file given, measured by the
 * page's own Navigation Timing (from the start of navigation to the end of the load event, and to
 * DOMContentLoaded), the median of five loads. Prints one line per file; not a test.
 */
public final class RenderTiming {
  private RenderTiming() {}

  public static void main(String[] args) {
    try (Browser b = Browser.start()) {
      System.out.printf("%-28s %10s %10s %10s%n", "file", "MB", "dcl_ms", "load_ms");
      for (String a : args) {
        Path p = Path.of(a);
        List<Double> dcl = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          b.driver().get("about:blank");
          b.open(p);
          @SuppressWarnings("unchecked")
          Map<String, Object> t = (Map<String, Object>) b.driver().executeScript(
              "const n = performance.getEntriesByType('navigation')[0];"
                  + " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd};");
          dcl.add(((Number) t.get("dcl")).doubleValue());
          load.add(((Number) t.get("load")).doubleValue());
        }
        if (!b.consoleErrors().isEmpty()) {
          throw new IllegalStateException(a + ": console errors");
        }
        System.out.printf("%-28s %10.2f %10.0f %10.0f%n", p.getFileName(),
            sizeMb(p), median(dcl), median(load));
      }
    }
  }

  private static double sizeMb(Path p) {
    try {
      return Files.size(p) / 1e6;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
