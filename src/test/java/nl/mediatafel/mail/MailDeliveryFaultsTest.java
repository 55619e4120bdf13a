package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MailJobs;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.SmtpFaults;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The mail server misbehaving as real ones do (refusing one address, not answering, down), through the path a case
 * takes: triage accepts, the intake invitations with their personal links are queued, the delivery job sends them.
 * Nothing is lost, nobody gets a dead link, and each party gets their invitation exactly once.
 */
@MediatafelTest
class MailDeliveryFaultsTest extends ProcessScenario {

  @Autowired MailLogRepository mailLog;
  @LocalServerPort int port;

  private ProcessInstance instance;
  private String caseNumber;

  @BeforeEach
  void caseInIntakeWithQueuedInvitations() {
    TestMailServer.purge();
    caseNumber = registerCase(3, "NEIGHBOURS", "NO_PREFERENCE", "fault");
    instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(MediationCaseProcess.KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
    Map<String, Object> acceptance = new HashMap<>();
    acceptance.put("triageDecision", "ACCEPT");
    acceptance.put("suitabilityJudgement", "Alle drie willen praten.");
    acceptance.put("route", "FACE_TO_FACE");
    CaseVariables.MEDIATOR.putIn(acceptance, "anna");
    acceptance.put("hourlyRate", 145.0);
    acceptance.put("platformFee", 0.0);
    taskService.complete(task(instance, MediationCaseProcess.Elements.TRIAGE).getId(), acceptance);
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
  }

  @AfterEach
  void serverBehavesAgain() {
    SmtpFaults.reset();
  }

  @Test
  void aRefusedAddressDelaysOnlyThatPartyAndTheRetryBringsItAWorkingLink() throws Exception {
    List<Party> parties = partiesOf(caseNumber);
    String refused = parties.get(1).getEmail();
    SmtpFaults.refuse(refused);

    List<String> failures = runDeliveries();
    assertThat(failures).as("only the refused party's delivery failed").singleElement().asString()
        .contains("1 of 1 mail(s) not delivered", refused);
    assertThat(mailsTo()).containsExactlyInAnyOrder(parties.get(0).getEmail(), parties.get(2).getEmail());
    Job retry = MailJobs.waiting(caseNumber).get(0);
    assertThat(retry.getRetries()).as("a retry is scheduled").isEqualTo(5);

    SmtpFaults.reset();
    managementService.executeJob(retry.getId()); // the retry, without waiting its minute

    assertThat(mailsTo()).as("each party exactly once").containsExactlyInAnyOrder(
        parties.get(0).getEmail(), parties.get(1).getEmail(), parties.get(2).getEmail());
    assertThat(mailLog.findByCaseNumberOrderByCreatedAtDesc(caseNumber)).extracting(MailLog::getStatus)
        .containsOnly(MailLog.Status.SENT);
    assertThat(MailJobs.waiting(caseNumber)).isEmpty();
    everyLinkOpensItsPage();
    everyMailCarriesTheMessageIdOfItsOutboxRow();
  }

  @Test
  void aMailServerThatDoesNotAnswerFailsTheAttemptInsteadOfHoldingIt() throws Exception {
    SmtpFaults.mode(SmtpFaults.Mode.HANG);
    assertThat(runDeliveries()).hasSize(3).allSatisfy(failure -> assertThat(failure).contains("timed out"));
    assertThat(mailsTo()).isEmpty();

    SmtpFaults.reset();
    assertThat(runDeliveries()).isEmpty();
    assertThat(mailsTo()).hasSize(3).doesNotHaveDuplicates();
    everyLinkOpensItsPage();
  }

  @Test
  void duringAnOutageTheNodeStaysHealthyAndAPartyAskingForACodeGetsThePage() throws Exception {
    MailJobs.deliverQueued();
    String link = ReceivedMail.of(TestMailServer.received()[0]).portalLink();
    TestMailServer.purge();
    SmtpFaults.mode(SmtpFaults.Mode.DOWN);

    PortalBrowser browser = new PortalBrowser(port);
    HttpResponse<String> health = browser.get("http://localhost/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"", "mailOutbox");
    String page = browser.get(link).body();
    String base = link.replaceFirst("(/portal/[^/]+).*$", "$1");
    HttpResponse<String> codeRequest = browser.post(base + "/code", page, "");
    assertThat(codeRequest.statusCode()).as("the code is queued, the page answers").isEqualTo(303);
    assertThat(MailJobs.deliverQueued()).isZero();
    assertThat(TestMailServer.server().getReceivedMessages()).isEmpty();

    SmtpFaults.reset();
    for (Job waiting : MailJobs.waiting(caseNumber)) {
      managementService.executeJob(waiting.getId());
    }
    String code = PortalBrowser.code(ReceivedMail.of(TestMailServer.received()[0]).text());
    HttpResponse<String> confirmed = browser.post(base + "/confirm", browser.get(link).body(), "code=" + code);
    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(browser.get(link).body()).as("the intake questionnaire opens").contains("Concept bewaren");
  }

  /** Runs every waiting delivery job of the case once (each party's invitation is a batch); the failures' texts. */
  private List<String> runDeliveries() {
    List<Job> jobs = MailJobs.waiting(caseNumber);
    assertThat(jobs).as("a delivery per invitation").isNotEmpty();
    List<String> failures = new java.util.ArrayList<>();
    for (Job job : jobs) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    return failures;
  }

  private List<String> mailsTo() {
    return Arrays.stream(TestMailServer.server().getReceivedMessages()).map(ReceivedMail::of)
        .filter(mail -> mail.subject().contains(caseNumber)).map(ReceivedMail::to).toList();
  }

  /**
   * The Message-ID is the outbox row's, not one Jakarta Mail makes up per attempt: a copy sent again after a crash
   * is recognisably the same mail.
   */
  private void everyMailCarriesTheMessageIdOfItsOutboxRow() throws Exception {
    Map<String, String> byAddress = new HashMap<>();
    for (jakarta.mail.internet.MimeMessage message : TestMailServer.server().getReceivedMessages()) {
      byAddress.put(ReceivedMail.of(message).to(), message.getMessageID());
    }
    for (MailLog row : mailLog.findByCaseNumberOrderByCreatedAtDesc(caseNumber)) {
      assertThat(row.getMessageId()).isEqualTo("<" + row.getId() + "@mediatafel.example>");
      assertThat(byAddress.get(row.getRecipientEmail())).as("received by %s", row.getRecipientEmail())
          .isEqualTo(row.getMessageId());
    }
  }

  /** A fresh browser per mail, as a party would open it: the link's page, never the neutral 404. */
  private void everyLinkOpensItsPage() throws Exception {
    List<ReceivedMail> mails = Arrays.stream(TestMailServer.server().getReceivedMessages()).map(ReceivedMail::of)
        .filter(mail -> mail.subject().contains(caseNumber)).toList();
    assertThat(mails).isNotEmpty();
    for (ReceivedMail mail : mails) {
      HttpResponse<String> page = new PortalBrowser(port).get(mail.portalLink());
      assertThat(page.statusCode()).as("link in the mail to %s", mail.to()).isEqualTo(200);
    }
  }
}
