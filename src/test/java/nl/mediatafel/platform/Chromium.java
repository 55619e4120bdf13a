package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver: the one real browser of the tests. Fails (does not skip)
 * when either is missing, saying how to install them; {@code .ci/run} installs whichever this machine lacks.
 */
public final class Chromium {

  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /**
   * A browser window of this size; {@code arguments} adds Chromium switches (e.g. {@code --lang=nl-NL}). A click that
   * submits a form may return before the next page is there, so elements are looked for up to 10 s.
   */
  public static WebDriver start(int width, int height, String... arguments) {
    assertThat(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER))
        .as("the tests drive Debian's Chromium: %s and %s are missing; "
            + "install them with: apt-get install -y chromium chromium-driver", BINARY, DRIVER)
        .isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    List<String> switches = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=" + width + "," + height, "--force-device-scale-factor=1"));
    switches.addAll(List.of(arguments));
    options.addArguments(switches);
    if (switches.contains("--lang=nl-NL")) {
      options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nl-NL,nl"));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return browser;
  }
}
