package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.fleet.gate.Rollouts;
import org.migcheck.testing.Browser;
import org.migcheck.testing.SharedData;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML reports in a real browser (headless Chromium): they load without console errors, the
 * matrix is the JSON report's graph, a click shows a cell's reasons, filters hide what they should,
 * and names from the input stay text. Screenshots go to target/browser on every run.
 */
class HtmlReportBrowserTest {
  /** A host name with markup and quotes (no slash: it is a file name). */
  static final String HOSTILE_HOST = "evil<img src=x onerror=window.__pwned=1>\"q'<script>";
  /** A guest name with a whole script element. */
  static final String HOSTILE_GUEST = "<script>window.__pwned=2</script>\"q'";

  @TempDir static Path tmp;
  static Browser browser;
  static Path fleetHtml;
  static Map<String, Object> fleetJson;
  static Path versionsHtml;
  static Map<String, Object> versionsJson;

  @BeforeAll
  static void report() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("fleet"));
    for (String h : List.of("skylake-a", "skylake-b", "cascadelake", "icelake-notsx", "broadwell",
        "coffeelake-e2288g", "epyc-rome")) {
      String name = h.equals("epyc-rome") ? HOSTILE_HOST : h;
      Files.copy(sample(h + ".xml"), dir.resolve(name + ".xml"));
      Files.copy(sample(h + "-domcaps.xml"), dir.resolve(name + "-domcaps.xml"));
    }
    fleetHtml = tmp.resolve("fleet.html");
    CliRun html = CliRun.run("fleet", "--format", "html", "-o", fleetHtml.toString(), dir.toString());
    assertThat(html.exit()).as(html.toString()).isZero();
    CliRun json = CliRun.run("fleet", "--format", "json", dir.toString());
    assertThat(json.exit()).as(json.toString()).isZero();
    fleetJson = new Json().toType(json.out(), Map.class);
    // a fleet of two libvirt versions (snapshot manifests) and two hosts of unknown version
    String[] mixed = {sample("versions/debian12").toString(), sample("versions/debian13").toString(),
        sample("broadwell.xml") + "," + sample("broadwell-domcaps.xml"),
        sample("cascadelake.xml") + "," + sample("cascadelake-domcaps.xml")};
    versionsHtml = tmp.resolve("fleet-versions.html");
    List<String> args = new ArrayList<>(List.of("fleet", "--format", "html", "-o", versionsHtml.toString()));
    args.addAll(List.of(mixed));
    CliRun vh = CliRun.run(args.toArray(String[]::new));
    assertThat(vh.exit()).as(vh.toString()).isZero();
    args = new ArrayList<>(List.of("fleet", "--format", "json"));
    args.addAll(List.of(mixed));
    CliRun vj = CliRun.run(args.toArray(String[]::new));
    assertThat(vj.exit()).as(vj.toString()).isZero();
    versionsJson = new Json().toType(vj.out(), Map.class);
    browser = Browser.start();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void noConsoleErrors() {
    if (browser != null) {
      assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }
  }

  private static Path sample(String file) {
    return SharedData.repo().resolve("samples").resolve(file);
  }

  private static Object js(String script, Object... args) {
    return browser.driver().executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> jsonClasses() {
    return (List<Map<String, Object>>) fleetJson.get("classes");
  }

  private void openFleet() {
    browser.open(fleetHtml);
    assertThat(browser.driver().getTitle()).isEqualTo("migcheck fleet report");
  }

  @Test
  void loadsOfflineWithoutConsoleErrorsAndScreenshot() {
    openFleet();
    assertThat(browser.consoleErrors()).isEmpty();
    // self-contained: nothing the page would fetch
    assertThat((Long) js("return performance.getEntriesByType('resource').length")).isZero();
    Path shot = browser.screenshot("fleet-samples");
    assertThat(shot).isNotEmptyFile();
  }

  /** The console check itself sees an error (so that an empty list means something). */
  @Test
  void consoleCheckSeesAnError() throws IOException {
    Path broken = tmp.resolve("broken.html");
    Files.writeString(broken, "<!DOCTYPE html><title>x</title><script>noSuchFunction()</script>");
    browser.open(broken);
    assertThat(browser.consoleErrors()).anyMatch(e -> e.contains("noSuchFunction"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void hostModelMatrixIsTheJsonGraph() {
    openFleet();
    List<List<String>> cells = (List<List<String>>) js(
        "return Array.from(document.querySelectorAll('table.matrix[data-mode=\"host-model\"] tbody tr'))"
            + ".flatMap(tr => Array.from(tr.querySelectorAll('td.c')).map(td => [tr.dataset.class,"
            + " td.dataset.to, td.classList.contains('unsafe') ? 'UNSAFE' : td.classList.contains('risky')"
            + " ? 'RISKY' : 'SAFE']))");
    List<Map<String, Object>> classes = jsonClasses();
    assertThat(cells).hasSize(classes.size() * classes.size());
    Set<List<String>> reach = new HashSet<>();
    for (Map<String, Object> c : classes) {
      for (Object to : (List<Object>) c.get("canMoveTo")) {
        reach.add(List.of((String) c.get("id"), (String) to));
      }
    }
    int moves = 0;
    for (List<String> cell : cells) {
      boolean same = cell.get(0).equals(cell.get(1));
      boolean moves0 = !cell.get(2).equals("UNSAFE");
      assertThat(moves0).as("%s → %s", cell.get(0), cell.get(1))
          .isEqualTo(same || reach.contains(cell.subList(0, 2)));
      moves += moves0 && !same ? 1 : 0;
    }
    assertThat(moves).as("the samples have one-way moves").isEqualTo(reach.size()).isPositive();
    // the row order is the JSON's class order
    List<String> rows = (List<String>) js(
        "return Array.from(document.querySelectorAll('table.matrix[data-mode=\"host-model\"] tbody tr'))"
            + ".map(tr => tr.dataset.class)");
    assertThat(rows).isEqualTo(classes.stream().map(c -> (String) c.get("id")).toList());
  }

  @Test
  void clickingACellShowsItsReasons() {
    openFleet();
    WebElement why = browser.driver().findElement(By.id("why"));
    assertThat(why.isDisplayed()).isFalse();
    // an Intel-to-Intel move libvirt refuses: features are missing
    WebElement cell = null;
    for (WebElement td : browser.driver().findElements(
        By.cssSelector("table.matrix[data-mode='host-model'] td.c.unsafe"))) {
      String from = (String) js("return arguments[0].parentElement.dataset.class", td);
      if (vendor(from).equals("Intel") && vendor(td.getAttribute("data-to")).equals("Intel")) {
        cell = td;
        break;
      }
    }
    assertThat(cell).as("an UNSAFE Intel cell").isNotNull();
    String from = (String) js("return arguments[0].parentElement.dataset.class", cell);
    String to = cell.getAttribute("data-to");
    cell.click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> why.isDisplayed());
    assertThat(why.getText()).contains(from + " → " + to).contains("UNSAFE").contains("lacks");
    List<String> locations = why.findElements(By.cssSelector("table td")).stream()
        .map(WebElement::getText).filter(t -> t.startsWith("CPUID 0x")).toList();
    assertThat(locations).as("features with their CPUID location").isNotEmpty();
  }

  /** A cell's address (#cell=MODE:FROM:TO) opens its reasons, with the way back. */
  @Test
  void aCellsAddressOpensItsReasons() {
    browser.driver().get(fleetHtml.toUri() + "#cell=host-passthrough:C1:C2");
    WebElement why = browser.driver().findElement(By.id("why"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> why.isDisplayed());
    assertThat(why.getText()).contains("C1 → C2, host-passthrough guests: UNSAFE")
        .contains("another CPU vendor").contains("The way back, C2 → C1: UNSAFE");
  }

  private static String vendor(String classId) {
    return jsonClasses().stream().filter(c -> c.get("id").equals(classId))
        .map(c -> (String) c.get("vendor")).findFirst().orElseThrow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void vendorAndModelFiltersHideTheOtherClasses() {
    openFleet();
    new Select(browser.driver().findElement(By.id("f-vendor"))).selectByVisibleText("AMD");
    List<String> amd = jsonClasses().stream().filter(c -> "AMD".equals(c.get("vendor")))
        .map(c -> (String) c.get("id")).toList();
    assertThat(amd).isNotEmpty().hasSizeLessThan(jsonClasses().size());
    for (String mode : List.of("host-model", "custom", "host-passthrough")) {
      List<String> rows = (List<String>) js("return Array.from(document.querySelectorAll("
          + "'table.matrix[data-mode=\"' + arguments[0] + '\"] tbody tr')).filter(r => r.offsetParent"
          + " !== null).map(r => r.dataset.class)", mode);
      assertThat(rows).as(mode).isEqualTo(amd);
      List<String> cols = (List<String>) js("return Array.from(document.querySelectorAll("
          + "'table.matrix[data-mode=\"' + arguments[0] + '\"] th.col')).filter(c => c.offsetParent"
          + " !== null).map(c => c.dataset.col)", mode);
      assertThat(cols).as(mode).isEqualTo(amd);
    }
    List<String> sections = (List<String>) js("return Array.from(document.querySelectorAll("
        + "'div.class')).filter(c => c.offsetParent !== null).map(c => c.dataset.class)");
    assertThat(sections).isEqualTo(amd);

    new Select(browser.driver().findElement(By.id("f-vendor"))).selectByVisibleText("all");
    browser.driver().findElement(By.id("f-model")).sendKeys("skylake");
    List<String> models = (List<String>) js("return Array.from(document.querySelectorAll("
        + "'#class-table tbody tr')).filter(r => r.offsetParent !== null).map(r => r.dataset.model)");
    long skylakes = jsonClasses().stream()
        .filter(c -> ((String) c.get("model")).toLowerCase().contains("skylake")).count();
    assertThat(models).hasSize((int) skylakes).allMatch(m -> m.toLowerCase().contains("skylake"));
  }

  /** The summary names the libvirt versions; the version filter hides the other classes. */
  @Test
  @SuppressWarnings("unchecked")
  void libvirtFilterHidesTheOtherVersionsClasses() {
    browser.open(versionsHtml);
    assertThat(browser.driver().findElement(By.id("libvirt-versions")).getText())
        .contains("9.0.0: 1 host").contains("11.3.0: 1 host").contains("unknown: 2 hosts");
    List<Map<String, Object>> classes = (List<Map<String, Object>>) versionsJson.get("classes");
    for (String version : List.of("9.0.0", "11.3.0", "unknown")) {
      new Select(browser.driver().findElement(By.id("f-libvirt"))).selectByVisibleText(version);
      List<String> expected = classes.stream()
          .filter(c -> c.get("libvirt") == null ? version.equals("unknown")
              : ((List<?>) c.get("libvirt")).contains(version))
          .map(c -> (String) c.get("id")).toList();
      assertThat(expected).as(version).isNotEmpty().hasSizeLessThan(classes.size());
      for (String mode : List.of("host-model", "custom", "host-passthrough")) {
        List<String> rows = (List<String>) js("return Array.from(document.querySelectorAll("
            + "'table.matrix[data-mode=\"' + arguments[0] + '\"] tbody tr')).filter(r => r.offsetParent"
            + " !== null).map(r => r.dataset.class)", mode);
        assertThat(rows).as(version + " " + mode).isEqualTo(expected);
        List<String> cols = (List<String>) js("return Array.from(document.querySelectorAll("
            + "'table.matrix[data-mode=\"' + arguments[0] + '\"] th.col')).filter(c => c.offsetParent"
            + " !== null).map(c => c.dataset.col)", mode);
        assertThat(cols).as(version + " " + mode).isEqualTo(expected);
      }
      List<String> sections = (List<String>) js("return Array.from(document.querySelectorAll("
          + "'div.class')).filter(c => c.offsetParent !== null).map(c => c.dataset.class)");
      assertThat(sections).as(version).isEqualTo(expected);
    }
    new Select(browser.driver().findElement(By.id("f-libvirt"))).selectByVisibleText("all");
    assertThat((Long) js("return Array.from(document.querySelectorAll('div.class'))"
        + ".filter(c => c.offsetParent !== null).length")).isEqualTo((long) classes.size());
    browser.screenshot("fleet-versions");
  }

  /** A cell between two libvirt versions shows the libvirt-version axis's reason. */
  @Test
  @SuppressWarnings("unchecked")
  void aCellBetweenVersionsShowsTheVersionReason() {
    browser.open(versionsHtml);
    List<Map<String, Object>> classes = (List<Map<String, Object>>) versionsJson.get("classes");
    String from = classes.stream().filter(c -> List.of("9.0.0").equals(c.get("libvirt")))
        .map(c -> (String) c.get("id")).findFirst().orElseThrow();
    String to = classes.stream().filter(c -> List.of("11.3.0").equals(c.get("libvirt")))
        .map(c -> (String) c.get("id")).findFirst().orElseThrow();
    WebElement cell = browser.driver().findElement(By.cssSelector(
        "table.matrix[data-mode='host-model'] tr[data-class='" + from + "'] td[data-to='" + to + "']"));
    assertThat(cell.getAttribute("class")).contains("unsafe");
    cell.click();
    WebElement why = browser.driver().findElement(By.id("why"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> why.isDisplayed());
    // the page keeps each reason once, the two classes filled in when shown
    assertThat(why.getText()).contains("libvirt version")
        .contains("means less on libvirt 11.3.0 (" + to + ") than on libvirt 9.0.0 (" + from + ")")
        .contains("the guest loses mpx");
  }

  @Test
  @SuppressWarnings("unchecked")
  void sortingByHostsPutsTheLargestClassFirst() {
    openFleet();
    new Select(browser.driver().findElement(By.id("f-sort"))).selectByValue("hosts");
    List<String> counts = (List<String>) js("return Array.from(document.querySelectorAll("
        + "'#class-table tbody tr')).map(r => r.dataset.hosts)");
    List<Integer> n = counts.stream().map(Integer::parseInt).toList();
    List<Integer> sorted = new ArrayList<>(n);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertThat(n).isEqualTo(sorted);
    // the matrix follows: its rows and columns are in the same order
    List<String> rows = (List<String>) js("return Array.from(document.querySelectorAll("
        + "'table.matrix[data-mode=\"custom\"] tbody tr')).map(r => r.dataset.class)");
    List<String> cols = (List<String>) js("return Array.from(document.querySelectorAll("
        + "'table.matrix[data-mode=\"custom\"] tbody tr:first-child td.c')).map(c => c.dataset.to)");
    assertThat(cols).isEqualTo(rows);
  }

  @Test
  void hostileHostNameStaysTextAndIsFound() {
    openFleet();
    assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
    // the page's script, and its data as a JSON block that never runs
    assertThat((Long) js("return document.scripts.length")).isEqualTo(2L);
    assertThat((Long) js("return Array.from(document.scripts).filter(s => s.type !=="
        + " 'application/json').length")).isEqualTo(1L);
    assertThat((Long) js("return document.images.length")).isZero();
    assertThat((List<?>) js("return Array.from(document.querySelectorAll('ul.hosts li'))"
        + ".map(li => li.textContent).filter(t => t === arguments[0])", HOSTILE_HOST)).hasSize(1);
    // "where can guests on host X go?": the search names the class and where its guests go
    browser.driver().findElement(By.id("host-search")).sendKeys("evil");
    WebElement found = new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(d -> d.findElements(By.cssSelector("#found li b")).stream().findFirst().orElse(null));
    assertThat(found.getText()).isEqualTo(HOSTILE_HOST);
    String hostileClass = (String) ((List<?>) fleetJson.get("hostList")).stream()
        .map(h -> (Map<?, ?>) h).filter(h -> HOSTILE_HOST.equals(h.get("name")))
        .map(h -> h.get("class")).findFirst().orElseThrow();
    assertThat(browser.driver().findElement(By.id("found")).getText())
        .contains("is in class " + hostileClass).contains("host-model:");
    assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
  }

  @Test
  void gateReportKeepsAHostileGuestNameAsText() throws IOException {
    Path candidate = Rollouts.tsxUpdate(tmp.resolve("candidate"));
    Path guest = tmp.resolve("guest.xml");
    Files.writeString(guest, Files.readString(sample("guest-host-model.xml"))
        .replace("<name>build-runner07</name>",
            "<name>" + HOSTILE_GUEST.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</name>"));
    List<String> args = new ArrayList<>(List.of("gate", "--format", "html", "--fleet"));
    for (String h : List.of("skylake-a", "skylake-b", "cascadelake", "broadwell")) {
      args.add(sample(h + ".xml").toString());
      args.add(sample(h + "-domcaps.xml").toString());
    }
    Path out = tmp.resolve("gate.html");
    args.addAll(List.of("--candidate", candidate.toString(), "--guests", guest.toString(),
        "-o", out.toString()));
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    browser.open(out);
    assertThat(browser.driver().getTitle()).isEqualTo("migcheck gate report");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("migcheck gate: FAIL");
    List<String> subjects = browser.driver().findElements(By.cssSelector(".subject")).stream()
        .map(WebElement::getText).toList();
    assertThat(subjects).contains(HOSTILE_GUEST);
    assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
    assertThat((Long) js("return document.scripts.length")).isZero();
    browser.screenshot("gate-tsx-update");
  }
}
