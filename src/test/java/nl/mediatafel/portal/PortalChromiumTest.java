package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.Chromium;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.signing.SignatureMethod;
import nl.mediatafel.signing.SignatureService;
import nl.mediatafel.signing.SigningProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal in a real browser on a phone-sized screen (Debian's headless Chromium through chromedriver): from the
 * intake invitation in the mailbox to the submitted questionnaire, and from the signing mail to the signature. Saves
 * screenshots in {@code target/screenshots/} (the README's come from here). Without Chromium the test fails: CI
 * installs it (see {@code .ci/run}).
 */
@MediatafelTest
class PortalChromiumTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired DocumentService documents;
  @Autowired SignatureService signatures;

  private WebDriver browser;
  private final List<ProcessInstance> signingInstances = new ArrayList<>();

  @BeforeEach
  void chromiumOnAPhone() throws Exception {
    browser = Chromium.start(390, 844, "--lang=nl-NL");
    browser.manage().window().setSize(new Dimension(390, 844));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    signingInstances.stream()
        .filter(p -> runtimeService.createProcessInstanceQuery().processInstanceId(p.getId()).count() > 0)
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test done", true, true));
  }

  @Test
  void aPartyGoesFromTheMailboxThroughIntakeAndSigningOnAPhone() throws Exception {
    String run = java.util.UUID.randomUUID().toString().substring(0, 6);
    String janAddress = "jan.chromium." + run + "@example.nl";
    ProcessInstance instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW", "preferredRoute": "FACE_TO_FACE",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "%s", "language": "nl", "payer": "SELF"},
                     {"name": "Emma Clarke", "email": "emma.chromium.%s@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """.formatted(janAddress, run), "FACE_TO_FACE", "anna");
    String caseNumber = instance.getBusinessKey();
    Party jan = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).get(0);
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);

    // the invitation mail's link, a code by mail, the questionnaire
    browser.get(local(lastMailTo(janAddress).orElseThrow().portalLink()));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bevestig uw e-mailadres");
    TestMailServer.purge();
    browser.findElement(By.cssSelector("form[action$='/code'] button")).click();
    String code = PortalBrowser.code(awaitMailTo(janAddress).text());
    browser.findElement(By.id("code")).sendKeys(code);
    screenshot("confirm-phone");
    browser.findElement(By.cssSelector("form[action$='/confirm'] button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Intakevragenlijst"));
    browser.findElement(By.id("whatHappened")).sendKeys("De schutting is zonder overleg vervangen.");
    browser.findElement(By.id("whatMatters")).sendKeys("Rust in de tuin en een goed contact.");
    browser.findElement(By.id("goodOutcome")).sendKeys("Samen afspreken wie wat betaalt.");
    browser.findElement(By.cssSelector("input[name=urgency][value=MEDIUM]")).click();
    browser.findElement(By.id("availability")).sendKeys("Dinsdag- en donderdagavond");
    screenshot("intake-phone");
    browser.findElement(By.cssSelector("button[name=action][value=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Uw vragenlijst is verstuurd"));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(IntakeProcess.Elements.INTAKE_CONVERSATION)
        .processVariableValueEquals(CaseVariables.PARTY_ID.name(), jan.getId().toString()).count())
        .as("the case process moved on to Jan's intake conversation").isEqualTo(1);

    // the overview after the intake
    browser.get(browser.getCurrentUrl().replaceFirst("/intake.*$", ""));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Uw dossier", "Anna de Vries");
    screenshot("overview-phone");

    // the agreement to sign, as the signing tests make it, and the signing mail
    StoredDocument agreement = agreement(caseNumber);
    Map<String, Object> variables = new HashMap<>();
    SigningProcess.DOCUMENT_ID.putIn(variables, agreement.id().toString());
    SigningProcess.DOCUMENT_TYPE.putIn(variables, agreement.documentType());
    SigningProcess.PARTY_IDS.putIn(variables, new ArrayList<>(List.of(jan.getId().toString())));
    CaseVariables.MEDIATOR.putIn(variables, "anna");
    ProcessInstance signing = runtimeService.startProcessInstanceByKey(SigningProcess.KEY, caseNumber, variables);
    signingInstances.add(signing);
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);

    browser.get(local(lastMailTo(janAddress).orElseThrow().portalLink()));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ondertekenen");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(agreement.sha256());
    String pdfHref = browser.findElement(By.linkText("Lees het document (PDF)")).getAttribute("href");
    assertThat(pdfHref).endsWith("/" + agreement.id() + "/pdf");
    browser.findElement(By.name("fullName")).sendKeys("Jan de Boer");
    browser.findElement(By.name("consent")).click();
    screenshot("sign-phone");
    browser.findElement(By.cssSelector("form[action$='/" + agreement.id() + "'] button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.tagName("main"), "U heeft dit document ondertekend"));
    screenshot("signed-phone");

    assertThat(signatures.find(agreement.id(), jan.getId())).hasValueSatisfying(signature -> {
      assertThat(signature.method()).isEqualTo(SignatureMethod.PORTAL);
      assertThat(signature.documentSha256()).isEqualTo(agreement.sha256());
      assertThat(signature.userAgent()).contains("Chrome");
    });
    List<HistoricActivityInstance> signedEnd = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(signing.getId()).activityId(SigningProcess.Elements.SIGNED_IN_PORTAL).list();
    assertThat(signedEnd).as("DocumentSigned reached the signing process").hasSize(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(signing.getId())
        .variableName(SigningProcess.SIGNING_OUTCOME.name()).singleResult().getValue())
        .isEqualTo(SigningProcess.SIGNED);
  }

  private StoredDocument agreement(String caseNumber) {
    Map<String, Object> model = new HashMap<>();
    model.put("mediator", "Anna de Vries");
    model.put("route", "FACE_TO_FACE");
    model.put("hourlyRate", 135);
    model.put("documentDate", LocalDate.of(2026, 3, 5));
    model.put("parties", List.of(Map.of("name", "Jan de Boer", "payer", "SELF"),
        Map.of("name", "Emma Clarke", "payer", "SELF")));
    return documents.generate(caseNumber, "MEDIATION_AGREEMENT", "mediation-agreement", Locale.forLanguageTag("nl"),
        model);
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve("portal-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Optional<ReceivedMail> lastMailTo(String address) {
    List<ReceivedMail> mails = Arrays.stream(TestMailServer.received()).map(ReceivedMail::of)
        .filter(mail -> mail.to().equals(address)).toList();
    return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
  }

  private static ReceivedMail awaitMailTo(String address) throws InterruptedException {
    long until = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < until) {
      Optional<ReceivedMail> mail = lastMailTo(address);
      if (mail.isPresent()) {
        return mail.get();
      }
      TestMailServer.server().waitForIncomingEmail(500, 1);
    }
    throw new AssertionError("no mail to " + address);
  }

  /** Mail links point at the configured base URL; the test server listens on a random port. */
  private String local(String url) {
    return url.replaceFirst("^https?://[^/]+", "http://localhost:" + port);
  }
}
