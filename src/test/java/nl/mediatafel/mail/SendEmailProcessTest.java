package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PayerKind;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.MailJobs;
import nl.mediatafel.platform.SmtpFaults;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalLink;
import nl.mediatafel.portal.PortalLinks;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sendEmail delegate in a process, through a real SMTP server: what arrives, where, in which language, and what
 * happens when the server is down. The test model sets no retry cycle of its own, so the engine-wide one applies.
 */
@MediatafelTest
class SendEmailProcessTest {

  private static final String CONFIDENTIAL = "VERTROUWELIJK-7Q2X";
  private static final AtomicInteger CASES = new AtomicInteger();

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired MediationCaseRepository cases;
  @Autowired MailLogRepository mailLog;
  @Autowired PortalLinks portalLinks;
  @Autowired DocumentService documents;

  private String deploymentId;
  private MediationCase mediationCase;

  @BeforeEach
  void caseWithTwoParties() throws Exception {
    TestMailServer.purge();
    deploymentId = repositoryService.createDeployment().name("send-email-test")
        .addClasspathResource("test-models/send-email.bpmn").deploy().getId();
    mediationCase = new MediationCase(String.format("MED-TEST-M%03d", CASES.incrementAndGet()), "LABOUR",
        "Conflict op de afdeling; " + CONFIDENTIAL, "MEDIUM", "ONLINE_ASYNC", false, TestClock.now());
    mediationCase.addParty("Jan de Boer", "jan@example.nl", "nl", false, PayerKind.SELF)
        .advisedBy("Mr. Petra Smit", "petra@advocaat.example");
    mediationCase.addParty("Emma Clarke", "emma@example.co.uk", "en", true, PayerKind.EMPLOYER);
    cases.save(mediationCase);
  }

  @AfterEach
  void cleanUp() {
    if (!TestMailServer.server().isRunning()) {
      TestMailServer.restart();
    }
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void eachPartyGetsTheInvitationInTheirLanguageWithTheirOwnWorkingLink() throws Exception {
    runMailTask(Map.of("mailTemplate", "intake-invitation", "mailRecipients", "parties", "mailPortalAction", "intake"));

    List<ReceivedMail> mails = received();
    assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder("jan@example.nl", "emma@example.co.uk");
    ReceivedMail jan = mail(mails, "jan@example.nl");
    ReceivedMail emma = mail(mails, "emma@example.co.uk");
    assertThat(jan.subject()).isEqualTo("Uitnodiging voor de intake van uw mediation (" + caseNumber() + ")");
    assertThat(emma.subject()).isEqualTo("Invitation to the intake of your mediation (" + caseNumber() + ")");
    assertThat(jan.text()).contains("Beste Jan de Boer,", "Vragenlijst invullen",
        "goed beeld van wat er speelt.\n\nUw antwoorden", "Met vriendelijke groet,\nMediatafel");
    assertThat(jan.html()).contains("Beste Jan de Boer,", "<html lang=\"nl\"");
    assertThat(emma.text()).contains("Dear Emma Clarke,", "Fill in the questionnaire");

    assertThat(jan.portalLink()).as("on the port the server runs on")
        .startsWith("http://localhost:" + port + "/portal/").endsWith("/intake");
    assertThat(jan.html()).contains(jan.portalLink());
    PortalLink janLink = verified(jan.portalLink());
    PortalLink emmaLink = verified(emma.portalLink());
    assertThat(janLink.getPartyId()).isEqualTo(party("jan@example.nl").getId());
    assertThat(emmaLink.getPartyId()).isEqualTo(party("emma@example.co.uk").getId());
    assertThat(janLink.getAction()).isEqualTo(PortalAction.INTAKE);
    assertThat(janLink.getCaseNumber()).isEqualTo(caseNumber());

    assertThat(mailLog.findByCaseNumberOrderByCreatedAtDesc(caseNumber()))
        .extracting(MailLog::getStatus).containsOnly(MailLog.Status.SENT);
  }

  @Test
  void noMailCarriesConfidentialCaseContent() throws Exception {
    runMailTask(Map.of("mailTemplate", "intake-invitation", "mailRecipients", "parties,advisors,mediator",
        "mailPortalAction", "intake", "mediator", "anna"));
    List<ReceivedMail> mails = received();
    assertThat(mails).hasSize(4);
    assertThat(mails).allSatisfy(mail -> {
      assertThat(mail.text()).doesNotContain(CONFIDENTIAL);
      assertThat(mail.html()).doesNotContain(CONFIDENTIAL);
      assertThat(mail.subject()).doesNotContain(CONFIDENTIAL);
    });
  }

  @Test
  void advisorsGetALinkOfTheirOwnForThePartyTheyAdvise() throws Exception {
    runMailTask(Map.of("mailTemplate", "signing-request", "mailRecipients", "advisors", "mailPortalAction", "sign"));
    ReceivedMail petra = mail(received(), "petra@advocaat.example");
    assertThat(petra.text()).contains("Beste Mr. Petra Smit,");
    PortalLink link = verified(petra.portalLink());
    assertThat(link.getAudience()).isEqualTo(PortalLink.Audience.ADVISOR);
    assertThat(link.getPartyId()).isEqualTo(party("jan@example.nl").getId());
  }

  @Test
  void staffGetDutchMailWithATasklistLinkAndNoPortalLink() throws Exception {
    runMailTask(Map.of("mailTemplate", "mediation-can-start", "mailRecipients", "mediator,secretariat",
        "mediator", "anna"));
    List<ReceivedMail> mails = received();
    assertThat(mails).extracting(ReceivedMail::to)
        .containsExactlyInAnyOrder("anna@mediatafel.example", "sanne@mediatafel.example");
    assertThat(mails).allSatisfy(mail -> {
      assertThat(mail.subject()).isEqualTo("De mediation kan starten (" + caseNumber() + ")");
      assertThat(mail.text()).contains("http://localhost:" + port + "/camunda/app/tasklist/").doesNotContain("/portal/");
    });
  }

  @Test
  void theDetailOfTheModelReachesTheMail() throws Exception {
    runMailTask(Map.of("mailTemplate", "referral", "mailRecipients", "parties",
        "mailDetail", "Wij raden u aan contact op te nemen met het Juridisch Loket."));
    assertThat(mail(received(), "jan@example.nl").text()).contains("contact op te nemen met het Juridisch Loket");
  }

  @Test
  void theCurrentAgreementOfTheCaseIsAttachedAsPdf() throws Exception {
    StoredDocument agreement = documents.generate(caseNumber(), "MEDIATION_AGREEMENT", "mediation-agreement",
        Locale.forLanguageTag("nl"), Map.of("caseNumber", caseNumber(), "mediator", "Anna de Vries"));
    runMailTask(Map.of("mailTemplate", "signing-request", "mailRecipients", "parties", "mailPortalAction", "sign",
        "mailAttachments", "MEDIATION_AGREEMENT"));
    ReceivedMail jan = mail(received(), "jan@example.nl");
    assertThat(jan.attachmentNames()).containsExactly(agreement.fileName());
    assertThat(jan.attachmentTypes()).containsExactly("application/pdf");
  }

  @Test
  void aDocumentOfAnotherCaseIsNeverAttached() {
    StoredDocument elsewhere = documents.generate("MED-TEST-X999", "MEDIATION_AGREEMENT", "mediation-agreement",
        Locale.forLanguageTag("nl"), Map.of("caseNumber", "MED-TEST-X999"));
    ProcessInstance instance = start(Map.of("mailTemplate", "signing-request", "mailRecipients", "parties",
        "mailAttachments", elsewhere.id().toString()));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("'attachments'").hasMessageContaining("has no document");
    assertThat(TestMailServer.received()).isEmpty();
  }

  @Test
  void whenTheMailServerIsDownTheCaseMovesOnAndTheDeliveryRetriesUntilItIsBack() throws Exception {
    ProcessInstance instance = start(Map.of("mailTemplate", "intake-invitation", "mailRecipients", "parties",
        "mailPortalAction", "intake"));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    SmtpFaults.mode(SmtpFaults.Mode.DOWN);
    try {
      managementService.executeJob(job.getId());
      assertThat(runtimeService.getActivityInstance(instance.getId()).getChildActivityInstances()[0].getActivityId())
          .as("the mails and their links are queued; the case does not wait for the mail server")
          .isEqualTo("userTask_afterMail");
      assertThat(MailJobs.waiting(caseNumber())).hasSize(1);
      Job delivery = MailJobs.waiting(caseNumber()).get(0);
      // the engine-wide cycle of application.yaml: 1 min, 5 min, 15 min, 1 h, 4 h, then an incident
      List<Duration> backOff = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
          Duration.ofHours(1), Duration.ofHours(4));
      for (int attempt = 0; attempt < 6; attempt++) {
        Instant before = TestClock.now();
        assertThatThrownBy(() -> managementService.executeJob(delivery.getId()))
            .hasMessageContaining("not delivered");
        Job failed = managementService.createJobQuery().jobId(delivery.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(5 - attempt);
        if (attempt < 5) {
          Duration wait = backOff.get(attempt);
          assertThat(failed.getDuedate().toInstant())
              .isBetween(before.plus(wait).minusSeconds(1), TestClock.now().plus(wait).plusSeconds(1));
        }
      }
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(delivery.getProcessInstanceId())
          .singleResult();
      assertThat(incident.getActivityId()).isEqualTo(MailDeliveryProcess.Elements.DELIVER);
      assertThat(incident.getIncidentMessage()).contains("not delivered");
      assertThat(mailLog.findByCaseNumberOrderByCreatedAtDesc(caseNumber()))
          .as("nothing lost: every mail still waits (the first failed, the server being down the rest waited)")
          .hasSize(2).allMatch(MailLog::isPending).extracting(MailLog::getStatus).contains(MailLog.Status.FAILED);

      SmtpFaults.reset();
      managementService.setJobRetries(delivery.getId(), 1);
      managementService.executeJob(delivery.getId());
    } finally {
      SmtpFaults.reset();
    }
    List<ReceivedMail> mails = received();
    assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder("jan@example.nl", "emma@example.co.uk");
    assertThat(mails).allSatisfy(mail -> verified(mail.portalLink()));
    assertThat(mailLog.findByCaseNumberOrderByCreatedAtDesc(caseNumber()))
        .extracting(MailLog::getStatus).containsOnly(MailLog.Status.SENT);
    assertThat(MailJobs.waiting(caseNumber())).as("the delivery and its incident are gone").isEmpty();
  }

  @Test
  void anUnknownMailBecomesAnIncidentThatNamesTheParameter() {
    ProcessInstance instance = start(Map.of("mailTemplate", "no-such-mail", "mailRecipients", "parties"));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("serviceTask_sendMail")
        .hasMessageContaining("'template'")
        .hasMessageContaining("no-such-mail");
  }

  private void runMailTask(Map<String, Object> variables) {
    ProcessInstance instance = start(variables);
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(job.getId());
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey("test-send-email", caseNumber(), new HashMap<>(variables));
  }

  private String caseNumber() {
    return mediationCase.getCaseNumber();
  }

  private Party party(String email) {
    return mediationCase.getParties().stream().filter(p -> p.getEmail().equals(email)).findFirst().orElseThrow();
  }

  private PortalLink verified(String link) {
    String token = link.replaceAll("^.*/portal/([^/]+).*$", "$1");
    return portalLinks.verify(token).orElseThrow(() -> new AssertionError("link does not verify: " + link));
  }

  private static List<ReceivedMail> received() {
    MimeMessage[] messages = TestMailServer.received();
    return Arrays.stream(messages).map(ReceivedMail::of).toList();
  }

  private static ReceivedMail mail(List<ReceivedMail> mails, String to) {
    return mails.stream().filter(mail -> mail.to().equals(to)).findFirst()
        .orElseThrow(() -> new AssertionError("no mail to " + to + " in " + mails));
  }
}
