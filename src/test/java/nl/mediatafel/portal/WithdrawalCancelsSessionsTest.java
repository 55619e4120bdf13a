package nl.mediatafel.portal;

import static nl.mediatafel.platform.CalendarMails.event;
import static nl.mediatafel.platform.CalendarMails.mails;
import static nl.mediatafel.platform.CalendarMails.value;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.TerminationProcess;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.sessions.Session;
import nl.mediatafel.sessions.SessionInvitations;
import nl.mediatafel.sessions.SessionRepository;
import nl.mediatafel.sessions.SessionStatus;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A party withdraws from the portal while a session at the table is planned: the case stops, the session is
 * cancelled in the dossier, and every invitee (the other party, the party who withdrew and the mediator) gets a
 * cancellation with a {@code METHOD:CANCEL} calendar item for the same event (same UID, higher SEQUENCE), through the
 * real outbox and the test SMTP server.
 */
@MediatafelTest
class WithdrawalCancelsSessionsTest extends ProcessScenario {

  private static final String REQUEST = """
      {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "MEDIUM", "preferredRoute": "FACE_TO_FACE",
       "safetyConcern": false,
       "parties": [{"name": "Jan de Boer", "email": "jan.cancel@example.nl", "language": "nl", "payer": "SELF"},
                   {"name": "Emma Clarke", "email": "emma.cancel@example.co.uk", "language": "en", "payer": "SELF"}]}
      """;

  @LocalServerPort int port;
  @Autowired PortalLinks links;
  @Autowired SessionRepository sessionRepository;

  @BeforeEach
  void setUp() {
    TestMailServer.purge();
  }

  @Test
  void aWithdrawalCancelsThePlannedSessionForEveryInvitee() throws Exception {
    ProcessInstance instance = CaseFixtures.atSessions(requests, runtimeService, taskService, REQUEST,
        "FACE_TO_FACE", "anna");
    String caseNumber = instance.getBusinessKey();
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.FACE_TO_FACE);
    planJointSessionAtTheTable(called(instance, FaceToFaceProcess.KEY));
    Session planned = sessionRepository.findByCaseNumberOrderByStartsAt(caseNumber).get(0);
    assertThat(planned.getStatus()).isEqualTo(SessionStatus.PLANNED);
    Party jan = partiesOf(caseNumber).get(0);
    TestMailServer.purge();

    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    HttpResponse<String> page = browser.get(link + "/withdraw");
    assertThat(browser.post(link + "/withdraw", page.body(), "confirm=yes").statusCode()).isEqualTo(200);
    TestMailServer.purge();

    assertThat(runtimeService.getActiveActivityIds(instance.getId()))
        .contains(MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);

    Session cancelled = sessionRepository.findById(planned.getId()).orElseThrow();
    assertThat(cancelled.getStatus()).isEqualTo(SessionStatus.CANCELLED);
    List<MimeMessage> cancellations = mails(caseNumber);
    assertThat(cancellations).extracting(mail -> ReceivedMail.of(mail).to()).as("every invitee, the one who withdrew too")
        .containsExactlyInAnyOrder("jan.cancel@example.nl", "emma.cancel@example.co.uk", "anna@mediatafel.example");
    for (MimeMessage mail : cancellations) {
      assertThat(ReceivedMail.of(mail).text()).containsAnyOf("beëindigd", "has ended");
      assertThat(ics(mail)).contains("METHOD:CANCEL");
      VEvent event = event(mail);
      assertThat(value(event, Property.UID)).startsWith(planned.getId().toString());
      assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
      assertThat(Integer.parseInt(value(event, Property.SEQUENCE))).as("a higher sequence than the invitation")
          .isGreaterThan(planned.getSequence());
    }

    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, TerminationProcess.Elements.TERMINATION_MAIL);
    assertThat(runtimeService.getActiveActivityIds(instance.getId()))
        .contains(MediationCaseProcess.Elements.TERMINATION);
  }

  @Test
  void withoutPlannedSessionsTheWithdrawalGoesStraightOnToTheTermination() throws Exception {
    ProcessInstance instance = CaseFixtures.inIntake(requests, runtimeService, taskService, REQUEST, "FACE_TO_FACE",
        "anna");
    Party emma = partiesOf(instance.getBusinessKey()).get(1);
    String link = links.issue(instance.getBusinessKey(), emma.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    HttpResponse<String> page = browser.get(link + "/withdraw");
    browser.post(link + "/withdraw", page.body(), "confirm=yes");
    TestMailServer.purge();

    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);

    assertThat(mails(instance.getBusinessKey())).as("no session, no cancellation").isEmpty();
    assertThat(runtimeService.getActiveActivityIds(instance.getId()))
        .contains(MediationCaseProcess.Elements.TERMINATION);
  }

  /** The text of the mail's calendar file. */
  private static String ics(Part part) throws Exception {
    if (SessionInvitations.FILE_NAME.equals(part.getFileName())) {
      try (InputStream in = part.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    List<String> found = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = ics(child);
        if (!text.isEmpty()) {
          found.add(text);
        }
      }
    }
    return String.join("\n", found);
  }
}
