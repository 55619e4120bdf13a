package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.platform.MailJobs;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: a mail is stored in the caller's transaction and leaves only through its delivery job. */
@MediatafelTest
class MailGatewayTest {

  private static final String TOKEN = "Qm9va2VkLWJ5LXRoZS1vdXRib3gtdGVzdC1vbmx5LTEyMzQ1";

  @Autowired MailGateway gateway;
  @Autowired MailLogRepository log;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void emptyMailbox() throws Exception {
    MailJobs.deliverQueued();
    TestMailServer.purge();
  }

  @Test
  void jakartaMailTakesAngusStreamProviderByNameInsteadOfScanningTheClassPathForEveryMessage() {
    assertThat(System.getProperty(MailConfiguration.STREAM_PROVIDER))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    assertThat(jakarta.mail.util.StreamProvider.provider()).as("the provider that name finds")
        .isInstanceOf(org.eclipse.angus.mail.util.MailStreamProvider.class);
  }

  @Test
  void aQueuedMailLeavesOnlyThroughItsDeliveryJobAndThenExactlyOnce() {
    String caseNumber = "MED-TEST-G" + UUID.randomUUID().toString().substring(0, 4);
    UUID batch = gateway.queue(mail(caseNumber, List.of()));

    assertThat(TestMailServer.server().getReceivedMessages()).as("nothing leaves before the delivery job").isEmpty();
    MailLog queued = log.findByCaseNumberOrderByCreatedAtDesc(caseNumber).get(0);
    assertThat(queued.getStatus()).isEqualTo(MailLog.Status.QUEUED);
    assertThat(queued.getBatchId()).isEqualTo(batch);
    Job delivery = managementService.createJobQuery().processDefinitionKey(MailDeliveryProcess.KEY)
        .processInstanceId(historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(MailDeliveryProcess.KEY).processInstanceBusinessKey(caseNumber).singleResult()
            .getId())
        .singleResult();
    assertThat(delivery).as("one delivery job, found in Cockpit by the case number").isNotNull();

    managementService.executeJob(delivery.getId());

    assertThat(TestMailServer.received()).hasSize(1);
    MailLog sent = log.findById(queued.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(MailLog.Status.SENT);
    assertThat(sent.getMessageId()).isNotBlank();
    assertThat(sent.getDeliveredAt()).isNotNull();
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(MailJobs.waiting(caseNumber)).as("the delivery ended").isEmpty();
    assertThat(TestMailServer.received()).as("no second copy").hasSize(1);
  }

  @Test
  void attachmentsTravelWithBothBodyParts() {
    byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
    gateway.queue(mail("MED-TEST-G001", List.of(new Attachment("bijeenkomst.ics", "text/calendar", ics))));
    ReceivedMail received = ReceivedMail.of(TestMailServer.received()[0]);
    assertThat(received.attachmentNames()).containsExactly("bijeenkomst.ics");
    assertThat(received.attachmentTypes()).containsExactly("text/calendar");
    assertThat(received.attachmentContents().get(0)).isEqualTo(ics);
    assertThat(received.text()).contains("Beste Lotte,");
    assertThat(received.html()).contains("Beste Lotte,");
  }

  @Test
  void aSentMailKeepsNoWorkingTokenInTheDatabase() {
    String caseNumber = "MED-TEST-T" + UUID.randomUUID().toString().substring(0, 4);
    Map<String, Object> model = Map.of("recipientName", "Lotte", "caseNumber", caseNumber, "practiceName",
        "Mediatafel", "link", "https://mediatafel.example/portal/" + TOKEN + "/forum", "linkExpiry", "1 januari 2027");
    gateway.queue(new OutgoingMail(caseNumber, "forum-message", lotte(), model, List.of()));
    assertThat(log.findByCaseNumberOrderByCreatedAtDesc(caseNumber).get(0).getTextBody())
        .as("the queued mail needs its link until it is sent").contains(TOKEN);

    assertThat(ReceivedMail.of(TestMailServer.received()[0]).text()).contains("/portal/" + TOKEN + "/forum");
    MailLog sent = log.findByCaseNumberOrderByCreatedAtDesc(caseNumber).get(0);
    assertThat(sent.getTextBody()).doesNotContain(TOKEN).contains("/portal/…/forum");
    assertThat(sent.getHtmlBody()).doesNotContain(TOKEN);
  }

  @Test
  void aRolledBackTransactionLeavesNeitherMailNorDeliveryJob() {
    String caseNumber = "MED-TEST-R" + UUID.randomUUID().toString().substring(0, 4);
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      gateway.queue(mail(caseNumber, List.of()));
      status.setRollbackOnly();
    });
    assertThat(log.findByCaseNumberOrderByCreatedAtDesc(caseNumber)).isEmpty();
    assertThat(MailJobs.waiting(caseNumber)).isEmpty();
    assertThat(TestMailServer.received()).isEmpty();
  }

  private static OutgoingMail mail(String caseNumber, List<Attachment> attachments) {
    return new OutgoingMail(caseNumber, "forum-message", lotte(),
        Map.of("recipientName", "Lotte", "caseNumber", caseNumber, "practiceName", "Mediatafel"), attachments);
  }

  private static Recipient lotte() {
    return new Recipient("Lotte", "lotte@example.nl", Locale.forLanguageTag("nl"), RecipientRole.PARTY, null);
  }
}
