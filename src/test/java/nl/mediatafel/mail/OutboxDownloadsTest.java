package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.StaffBrowser;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.sessions.FaceToFaceProcess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outbox shows each mail's attachments and lets the secretariat download them and the whole message as
 * {@code .eml}: the mail as the recipient got it (same Message-ID, subject, text, attachment bytes), except that a
 * sent mail's personal link has lost its token. Mediators and visitors get none of it. Everything through HTTP, the
 * mails compared with what arrived at the mail server.
 */
@MediatafelTest
class OutboxDownloadsTest extends ProcessScenario {

  private static final Pattern MAIL_LINK = Pattern.compile("href=\"/outbox/([0-9a-f-]{36})\"");

  @LocalServerPort int port;

  private String run;

  @BeforeEach
  void setUp() {
    TestMailServer.purge();
    run = UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void theSecretariatDownloadsTheMessageAndItsAttachmentAsTheyWentOut() throws Exception {
    ProcessInstance instance = caseWithAnInvitationAndASession();
    String caseNumber = instance.getBusinessKey();
    List<ReceivedMail> received = Arrays.stream(TestMailServer.received()).map(ReceivedMail::of).toList();
    ReceivedMail intake = received.stream().filter(m -> m.to().equals(jan()) && m.subject().contains("intake"))
        .findFirst().orElseThrow();
    ReceivedMail session = received.stream().filter(m -> m.to().equals(jan()) && !m.attachmentNames().isEmpty())
        .findFirst().orElseThrow();
    assertThat(session.attachmentNames()).containsExactly("bijeenkomst.ics");

    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    String list = sanne.get("/outbox?case=" + caseNumber).body();
    Map<String, String> pages = new HashMap<>();
    for (String id : ids(list)) {
      pages.put(id, sanne.get("/outbox/" + id).body());
    }
    String sessionId = idOf(pages, session.subject(), jan());
    String intakeId = idOf(pages, intake.subject(), jan());

    String sessionPage = pages.get(sessionId);
    assertThat(sessionPage).contains("bijeenkomst.ics", "text/calendar", "/outbox/" + sessionId + "/message.eml")
        .doesNotContain("na het versturen is de sleutel eruit gehaald");
    String icsPath = attachmentPath(sessionPage);
    HttpResponse<byte[]> ics = sanne.getBytes(icsPath);
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
    assertThat(ics.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
        .contains("bijeenkomst.ics");
    assertThat(ics.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(ics.body()).isEqualTo(session.attachmentContents().get(0));
    assertThat(sanne.getBytes("/outbox/" + sessionId + "/attachments/7").statusCode()).isEqualTo(404);

    HttpResponse<byte[]> eml = sanne.getBytes("/outbox/" + sessionId + "/message.eml");
    assertThat(eml.statusCode()).isEqualTo(200);
    assertThat(eml.headers().firstValue("Content-Type").orElseThrow()).startsWith("message/rfc822");
    assertThat(eml.headers().firstValue("Content-Disposition").orElseThrow()).contains(caseNumber, ".eml");
    ReceivedMail downloaded = ReceivedMail.of(parse(eml.body()));
    assertThat(downloaded.messageId()).isEqualTo(session.messageId());
    assertThat(downloaded.to()).isEqualTo(session.to());
    assertThat(downloaded.subject()).isEqualTo(session.subject());
    assertThat(downloaded.text()).isEqualTo(session.text());
    assertThat(downloaded.attachmentNames()).isEqualTo(session.attachmentNames());
    assertThat(downloaded.attachmentContents().get(0)).isEqualTo(session.attachmentContents().get(0));

    assertThat(pages.get(intakeId)).contains("na het versturen is de sleutel eruit gehaald")
        .doesNotContain("/attachments/");
    ReceivedMail intakeEml = ReceivedMail.of(parse(sanne.getBytes("/outbox/" + intakeId + "/message.eml").body()));
    assertThat(intakeEml.messageId()).isEqualTo(intake.messageId());
    assertThat(intakeEml.text()).as("the link without its token").contains("/portal/…")
        .doesNotContain(intake.portalLink());
    assertThat(parse(sanne.getBytes("/outbox/" + intakeId + "/message.eml").body())
        .getHeader(OutboxController.SCRUBBED_HEADER)).isNotNull();
    String token = intake.portalLink().replaceFirst("^.*/portal/", "").replaceFirst("/.*$", "");
    assertThat(intakeEml.text()).as("apart from the token, the text is what the party read")
        .isEqualTo(intake.text().replace("/portal/" + token, "/portal/…"));
  }

  @Test
  void mediatorsAndVisitorsCannotDownloadMailsOrAttachments() throws Exception {
    ProcessInstance instance = caseWithAnInvitationAndASession();
    TestMailServer.received();
    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    Set<String> ids = ids(sanne.get("/outbox?case=" + instance.getBusinessKey()).body());
    String id = ids.stream().filter(candidate -> {
      try {
        return sanne.get("/outbox/" + candidate).body().contains("bijeenkomst.ics");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    String icsPath = attachmentPath(sanne.get("/outbox/" + id).body());

    for (String path : List.of("/outbox/" + id, "/outbox/" + id + "/message.eml", icsPath)) {
      assertThat(new StaffBrowser(port, "anna").getBytes(path).statusCode()).as("mediator: %s", path).isEqualTo(403);
      assertThat(new StaffBrowser(port, "bram").getBytes(path).statusCode()).as("mediator: %s", path).isEqualTo(403);
      assertThat(new StaffBrowser(port, null).getBytes(path).statusCode()).as("visitor: %s", path).isEqualTo(401);
      assertThat(sanne.getBytes(path).statusCode()).as("secretariat: %s", path).isEqualTo(200);
      assertThat(new StaffBrowser(port, "demo").getBytes(path).statusCode()).as("admin: %s", path).isEqualTo(200);
    }
    assertThat(sanne.getBytes("/outbox/" + UUID.randomUUID() + "/message.eml").statusCode()).isEqualTo(404);
  }

  // --- steps

  private String jan() {
    return "jan.outbox." + run + "@example.nl";
  }

  /** Invitations to the intake (with a link), then a joint session at the table planned (with an .ics), all sent. */
  private ProcessInstance caseWithAnInvitationAndASession() {
    ProcessInstance instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW", "preferredRoute": "FACE_TO_FACE",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.outbox.%1$s@example.nl", "language": "nl", "payer": "SELF"},
                     {"name": "Emma Clarke", "email": "emma.outbox.%1$s@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """.formatted(run), "FACE_TO_FACE", "anna");
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(MediationCaseProcess.Elements.ROUTE_JOIN)
        .cancelAllForActivity(MediationCaseProcess.Elements.INTAKE + "#multiInstanceBody")
        .execute();
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.FACE_TO_FACE);
    planJointSessionAtTheTable(called(instance, FaceToFaceProcess.KEY));
    return instance;
  }

  /** The download link of the (first) attachment on a mail's outbox page. */
  private static String attachmentPath(String mailPage) {
    Matcher matcher = Pattern.compile("href=\"(/outbox/[0-9a-f-]{36}/attachments/\\d+)\"").matcher(mailPage);
    assertThat(matcher.find()).as("an attachment link").isTrue();
    return matcher.group(1);
  }

  private static Set<String> ids(String listPage) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher matcher = MAIL_LINK.matcher(listPage);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    assertThat(ids).isNotEmpty();
    return ids;
  }

  private static String idOf(Map<String, String> pages, String subject, String to) {
    String escapedSubject = subject.replace("&", "&amp;");
    return pages.entrySet().stream()
        .filter(page -> page.getValue().contains(escapedSubject) && page.getValue().contains(to))
        .map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("no outbox page for '" + subject + "' to " + to));
  }

  private static MimeMessage parse(byte[] eml) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
  }
}
