package org.migcheck.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver, named explicitly so
 * that Selenium Manager never looks for (or downloads) a browser or driver. Skips with the reason
 * when they are missing, fails instead under CI=true.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A fresh browser with its own profile; skip or fail when Chromium is not installed. */
  public static Browser start() {
    SharedData.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "headless Chromium not installed (apt-get install chromium chromium-driver)");
    try {
      Path profile = Files.createTempDirectory("migcheck-chromium");
      ChromeOptions o = new ChromeOptions();
      o.setBinary(CHROMIUM.toFile());
      // the network is not needed (the page is self-contained); keep Chromium from calling home
      o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
      o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(DRIVER.toString()))
          .usingAnyFreePort()
          .build();
      ChromeDriver d = new ChromeDriver(service, o);
      d.manage().window().setSize(new Dimension(1400, 1000));
      return new Browser(d, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a file as file:// (as a user opening a saved report). */
  public void open(Path file) {
    driver.get(file.toAbsolutePath().toUri().toString());
  }

  /** The console errors (and uncaught exceptions) since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Writes a PNG of the viewport to {@code target/browser/NAME.png}. */
  public Path screenshot(String name) {
    try {
      Path dir = SharedData.repo().resolve("target").resolve("browser");
      Files.createDirectories(dir);
      Path out = dir.resolve(name + ".png");
      Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
