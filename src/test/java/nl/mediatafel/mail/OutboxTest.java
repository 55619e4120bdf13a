package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.platform.MediatafelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The outbox page: the secretariat reads the mail log per case; mediators and strangers do not. */
@MediatafelTest
class OutboxTest {

  @Autowired TestRestTemplate http;
  @Autowired MailGateway gateway;
  @Autowired MailLogRepository log;

  @Test
  void theSecretariatSeesTheMailsOfACase() {
    send("MED-TEST-O001", "Karin <b>Jansen</b>");
    send("MED-TEST-O002", "Someone Else");

    ResponseEntity<String> page = http.withBasicAuth("sanne", "sanne").getForEntity("/outbox?case=MED-TEST-O001",
        String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Uitnodiging voor de intake van uw mediation (MED-TEST-O001)",
        "Karin &lt;b&gt;Jansen&lt;/b&gt;", "Tijden in Nederlandse tijd (Europe/Amsterdam)")
        .doesNotContain("MED-TEST-O002", "<b>Jansen</b>");

    MailLog entry = log.findByCaseNumberOrderByCreatedAtDesc("MED-TEST-O001").get(0);
    ResponseEntity<String> detail = http.withBasicAuth("demo", "demo").getForEntity("/outbox/" + entry.getId(),
        String.class);
    assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(detail.getBody()).contains("karin@example.nl", "SENT");
  }

  @Test
  void mediatorsAndAnonymousVisitorsAreRefused() {
    assertThat(http.withBasicAuth("anna", "anna").getForEntity("/outbox", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/outbox", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void send(String caseNumber, String name) {
    Recipient recipient = new Recipient(name, "karin@example.nl", Locale.forLanguageTag("nl"), RecipientRole.PARTY,
        null);
    gateway.queue(new OutgoingMail(caseNumber, "intake-invitation", recipient,
        Map.of("recipientName", name, "caseNumber", caseNumber, "practiceName", "Mediatafel"), List.of()));
    nl.mediatafel.platform.MailJobs.deliverQueued();
  }
}
