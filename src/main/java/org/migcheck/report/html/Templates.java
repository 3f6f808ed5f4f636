package org.migcheck.report.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;

/**
 * The HTML reports' Mustache templates (classpath {@code org/migcheck/report/html}): {@code {{x}}}
 * is HTML-escaped by the library, so everything taken from the input is text, never markup.
 * Loaded only when an HTML report is asked for.
 */
public final class Templates {
  private static final DefaultMustacheFactory FACTORY =
      new DefaultMustacheFactory("org/migcheck/report/html");

  private Templates() {}

  public static String render(String template, Object scope) {
    Mustache m = FACTORY.compile(template + ".mustache");
    StringWriter out = new StringWriter();
    m.execute(out, scope);
    return out.toString();
  }
}
