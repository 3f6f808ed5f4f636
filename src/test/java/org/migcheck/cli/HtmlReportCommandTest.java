package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.CliRun.run;
import static org.migcheck.cli.SampleArgs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fleet/gate --format html without a browser: one self-contained file, escaped, stable. */
class HtmlReportCommandTest {
  @TempDir Path tmp;

  private static String[] fleet(String... options) {
    return FleetCommandTest.args(FleetCommandTest.HOSTS, true, options);
  }

  @Test
  void oneSelfContainedStablePage() {
    CliRun r = run(fleet("--format", "html"));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    String html = r.out();
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    // nothing fetched: no external scripts, styles, fonts or images; links stay in the page
    assertThat(html).doesNotContain("<link").doesNotContain(" src=").doesNotContain("url(")
        .doesNotContain("@import").doesNotContain("http:").doesNotContain("https:");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      assertThat(href.group(1)).startsWith("#");
    }
    // the page's script and its data (a JSON block, where no "<" may appear)
    assertThat(count(html, "<script")).isEqualTo(2);
    assertThat(count(html, "<script type=\"application/json\" id=\"data\">")).isEqualTo(1);
    String data = html.substring(html.indexOf("id=\"data\">") + 10, html.indexOf("</script>"));
    assertThat(data).startsWith("{").doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(html).contains("default-src 'none'");
    assertThat(run(fleet("--format", "html")).out()).isEqualTo(html);
  }

  @Test
  void everyHostOnceAndEveryClassARowPerMode() {
    String html = run(fleet("--format", "html")).out();
    assertThat(count(html, "<ul class=\"hosts\">")).isEqualTo(6);
    for (String h : FleetCommandTest.HOSTS) {
      assertThat(count(html, "<li>" + h + "</li>")).as(h).isEqualTo(1);
    }
    for (int c = 1; c <= 6; c++) {
      assertThat(count(html, "<tr data-class=\"C" + c + "\"><th class=\"row\"")).as("C" + c).isEqualTo(3);
    }
    assertThat(count(html, "<td class=\"c ")).isEqualTo(3 * 6 * 6);
  }

  @Test
  void namesAreEscaped() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("fleet"));
    String name = "a<b>\"c'&d";
    Files.copy(Path.of(sample("skylake-a.xml")), dir.resolve(name + ".xml"));
    CliRun r = run("fleet", "--format", "html", dir.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("<li>a&lt;b&gt;&quot;c&#39;&amp;d</li>").doesNotContain(name);
  }

  @Test
  void badInputWritesNoFile() {
    Path out = tmp.resolve("fleet.html");
    CliRun bad = run("fleet", "--format", "html", "-o", out.toString(), sample("skylake-a.xml"),
        sample("guest-custom.xml"));
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.errLines()).singleElement().asString().contains("unsupported document <domain>");
    assertThat(out).doesNotExist();
    CliRun format = run(fleet("--format", "pdf"));
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("text, json, html");
  }

  @Test
  void gateHtmlPasses() {
    CliRun r = run("gate", "--format", "html", "--fleet", sample("skylake-a.xml"),
        sample("skylake-b.xml"), "--candidate", sample("cascadelake.xml"));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<h1>migcheck gate: PASS")
        .doesNotContain("<script");
  }

  private static int count(String s, String what) {
    return (s.length() - s.replace(what, "").length()) / what.length();
  }

}
