package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.MediatafelApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default profile as `./mvnw spring-boot:run` starts it: mail is captured, never sent, and the secretariat reads
 * it rendered at the outbox page, links included. Its own JVM (Failsafe), like every test that starts the
 * application itself.
 */
class CapturedOutboxIT {

  @Test
  void capturedMailIsShownAsTheRecipientWouldSeeIt() throws Exception {
    // command-line arguments outrank application.yaml (default properties would not: the H2 file under ./data)
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MediatafelApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:outbox-it;DB_CLOSE_DELAY=-1",
        "--server.port=0")) {
      assertThat(app.getEnvironment().getProperty("mediatafel.mail.delivery")).isEqualTo("CAPTURE");
      Recipient party = new Recipient("Noor Bakker", "noor@example.nl", Locale.forLanguageTag("nl"),
          RecipientRole.PARTY, null);
      app.getBean(MailGateway.class).queue(new OutgoingMail("MED-2026-0777", "intake-invitation", party,
          Map.of("recipientName", "Noor Bakker", "caseNumber", "MED-2026-0777", "practiceName", "Mediatafel",
              "link", "http://localhost:8080/portal/t0ken/intake", "linkExpiry", "24 december 2026"),
          List.of()));
      // the default run's job executor delivers it (captures it) right after the commit
      MailLogRepository log = app.getBean(MailLogRepository.class);
      long until = System.currentTimeMillis() + 30_000;
      while (log.findByCaseNumberOrderByCreatedAtDesc("MED-2026-0777").get(0).isPending()
          && System.currentTimeMillis() < until) {
        Thread.sleep(100);
      }
      MailLog captured = log.findByCaseNumberOrderByCreatedAtDesc("MED-2026-0777").get(0);
      assertThat(captured.getStatus()).isEqualTo(MailLog.Status.CAPTURED);
      assertThat(captured.getDeliveredAt()).isNotNull();

      int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      HttpResponse<String> page = get(port, "/outbox/" + captured.getId(), "sanne");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Uitnodiging voor de intake van uw mediation (MED-2026-0777)", "CAPTURED",
          "http://localhost:8080/portal/t0ken/intake", "Vragenlijst invullen", "Beste Noor Bakker,");
      assertThat(get(port, "/outbox?case=MED-2026-0777", "anna").statusCode()).isEqualTo(403);
    }
  }

  private static HttpResponse<String> get(int port, String path, String user) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + credentials).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
