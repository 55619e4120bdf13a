package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MediatafelTest
class MailGatewayTest {

  @Autowired MailGateway gateway;

  @BeforeEach
  void emptyMailbox() throws Exception {
    TestMailServer.server().purgeEmailFromAllMailboxes();
  }

  @Test
  void aMailWithTheSameDedupeKeyIsDeliveredOnce() {
    OutgoingMail mail = mail("job:42:forum-message:PARTY:lotte@example.nl", List.of());
    assertThat(gateway.send(mail)).isTrue();
    assertThat(gateway.send(mail)).isFalse();
    assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
  }

  @Test
  void attachmentsTravelWithBothBodyParts() {
    byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
    gateway.send(mail(null, List.of(new Attachment("bijeenkomst.ics", "text/calendar", ics))));
    ReceivedMail received = ReceivedMail.of(TestMailServer.server().getReceivedMessages()[0]);
    assertThat(received.attachmentNames()).containsExactly("bijeenkomst.ics");
    assertThat(received.attachmentTypes()).containsExactly("text/calendar");
    assertThat(received.text()).contains("Beste Lotte,");
    assertThat(received.html()).contains("Beste Lotte,");
  }

  private static OutgoingMail mail(String dedupeKey, List<Attachment> attachments) {
    Recipient lotte = new Recipient("Lotte", "lotte@example.nl", Locale.forLanguageTag("nl"), RecipientRole.PARTY,
        null);
    return new OutgoingMail("MED-TEST-G001", "forum-message", lotte,
        Map.of("recipientName", "Lotte", "caseNumber", "MED-TEST-G001", "practiceName", "Mediatafel"), attachments,
        dedupeKey);
  }
}
