package nl.mediatafel.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.platform.Chromium;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.task.Task;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.WebappBrowser;
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.portal.PortalLinks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The secretariat's way to a dossier in a real browser (Debian's headless Chromium, as {@code PortalChromiumTest}):
 * logged in to the webapps (the session of {@link WebappBrowser}), the case list, a row's link, the dossier and its
 * timeline. Saves {@code target/screenshots/dossier.png}; with {@code -Dmediatafel.write-docs=true} also the README's
 * {@code docs/screenshots/dossier.png}. Demo accounts and fixed names keep the picture the same from run to run but
 * for the case number and the times.
 */
@MediatafelTest
class DossierChromiumTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path DOCS = Path.of("docs", "screenshots", "dossier.png");

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;

  private WebDriver browser;

  @BeforeEach
  void chromiumOnALaptop() throws Exception {
    browser = Chromium.start(1100, 900, "--lang=nl-NL", "--hide-scrollbars");
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theSecretariatFollowsARowOfTheListToTheDossierAndItsTimeline() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    CaseRequest request = new ObjectMapper().readValue("""
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW",
         "preferredRoute": "FACE_TO_FACE", "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.chromedossier.%1$s@example.nl", "language": "nl",
                      "payer": "SELF"},
                     {"name": "Emma Clarke", "email": "emma.chromedossier.%1$s@example.co.uk", "language": "en",
                      "payer": "LEGAL_AID"}]}
        """.formatted(run), CaseRequest.class);
    String caseNumber = requests.register(request, null).mediationCase().getCaseNumber();
    // sanne triages, as in Tasklist: the engine logs her name with the completion
    identityService.setAuthentication("sanne", java.util.List.of(StaffGroup.SECRETARIAT.id()));
    try {
      Task triage = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
      taskService.complete(triage.getId(), ProcessVariable.map(
          MediationCaseProcess.TRIAGE_DECISION.with(MediationCaseProcess.ACCEPT),
          MediationCaseProcess.SUITABILITY_JUDGEMENT.with("Past"),
          MediationCaseProcess.ROUTE.with("FACE_TO_FACE"),
          CaseVariables.MEDIATOR.with("anna"),
          MediationCaseProcess.HOURLY_RATE.with(120.0)));
    } finally {
      identityService.clearAuthentication();
    }
    Party jan = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).get(0);
    new PortalBrowser(port).confirm(links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url());

    // the webapp login's session, handed to the browser
    WebappBrowser login = WebappBrowser.loggedInToTasklist(port, "sanne");
    browser.get(base() + "/css/mediatafel.css");
    browser.manage().addCookie(new Cookie.Builder("SESSION", login.cookie("SESSION")).path("/").isHttpOnly(true)
        .build());

    browser.get(base() + "/cases?q=" + run);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dossiers");
    browser.findElement(By.linkText(caseNumber)).click();

    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
        "Dossier " + caseNumber));
    WebElement timeline = browser.findElement(By.cssSelector("table.timeline"));
    assertThat(timeline.getText()).contains("Taak afgerond: Aanmelding beoordelen", "sanne",
        "Portaal geopend met persoonlijke link", "E-mailadres bevestigd met code", "partij Jan de Boer");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Jan de Boer", "Emma Clarke", "Aan tafel",
        "anna", "Toevoeging");

    long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(1100, (int) Math.min(height + 20, 2400)));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve("dossier.png"), StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("mediatafel.write-docs")) {
      Files.copy(shot.toPath(), DOCS, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
