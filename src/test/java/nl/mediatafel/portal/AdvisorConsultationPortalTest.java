package nl.mediatafel.portal;

import static nl.mediatafel.platform.PortalBrowser.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.portal.PortalLink.Audience;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A party asks to consult an advisor: explained, confirmed, an optional note of at most 500 characters, and the case
 * process gets {@code AdvisorConsultationRequested} with the party and the note and tells the mediator. When the case
 * no longer runs the party reads that it is not possible now; an advisor cannot ask it for the party.
 */
@MediatafelTest
class AdvisorConsultationPortalTest {

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  private ProcessInstance instance;
  private String caseNumber;
  private Party jan;

  @BeforeEach
  void aCaseInIntake() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "LABOUR", "summary": "Werktijden", "escalation": "LOW", "preferredRoute": "ONLINE_VIDEO",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.advice.%1$s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.advice.%1$s@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.advice.%1$s@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """.formatted(run), "ONLINE_VIDEO", "bram");
    caseNumber = instance.getBusinessKey();
    jan = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).get(0);
  }

  @Test
  void aPartyAsksAndTheCaseHearsWhoAndWhy() throws Exception {
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);

    HttpResponse<String> page = browser.get(link + "/advisor-consultation");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Een adviseur raadplegen", "advocaat", "maxlength=\"500\"");

    HttpResponse<String> unconfirmed = browser.post(link + "/advisor-consultation", page.body(), "note=x");
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("Vink aan dat u een adviseur wilt raadplegen", "id=\"confirm-error\"");
    HttpResponse<String> overlong = browser.post(link + "/advisor-consultation", page.body(),
        "confirm=yes&note=" + "x".repeat(501));
    assertThat(overlong.statusCode()).isEqualTo(400);
    assertThat(overlong.body()).contains("Toelichting: hoogstens 500 tekens", "aria-invalid=\"true\"");
    assertThat(MediationCaseProcess.CONSULTING_PARTY_ID.from(runtimeService, instance.getId()).orElse(null))
        .as("nothing reached the case yet").isNull();

    HttpResponse<String> done = browser.post(link + "/advisor-consultation", page.body(),
        "confirm=yes&note=" + encode("Ik wil mijn advocaat spreken, 2 weken"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("Uw verzoek is verstuurd", caseNumber);
    assertThat(MediationCaseProcess.CONSULTING_PARTY_ID.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo(jan.getId().toString());
    assertThat(MediationCaseProcess.ADVISOR_CONSULTATION_NOTE.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo("Ik wil mijn advocaat spreken, 2 weken");
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.ADVISOR_CONSULTATION_MAIL);
    assertThat(TestMailServer.received()).singleElement().satisfies(message -> {
      ReceivedMail mail = ReceivedMail.of(message);
      assertThat(mail.to()).isEqualTo("bram@mediatafel.example");
      assertThat(mail.text()).contains("Jan de Boer").doesNotContain("advocaat spreken");
    });
  }

  @Test
  void whenTheCaseNoLongerRunsThePartyReadsThatItIsNotPossibleNow() throws Exception {
    runtimeService.deleteProcessInstance(instance.getId(), "Zaak beëindigd");
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    HttpResponse<String> page = browser.get(link + "/advisor-consultation");
    HttpResponse<String> answer = browser.post(link + "/advisor-consultation", page.body(), "confirm=yes");
    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.body()).contains("Dit kan op dit moment niet", "Neem contact op met de mediator");
  }

  @Test
  void anAdvisorCannotAskForTheParty() throws Exception {
    String link = links.issue(caseNumber, jan.getId(), Audience.ADVISOR, PortalAction.CASE).url();
    PortalBrowser advisor = new PortalBrowser(port);
    advisor.confirm(link);
    advisor.post(link + "/confidentiality", advisor.get(link).body(), "accept=yes");

    HttpResponse<String> page = advisor.get(link + "/advisor-consultation");
    assertThat(page.body()).contains("Alleen Jan de Boer zelf kan dit verzoek doen").doesNotContain("name=\"note\"");
    HttpResponse<String> attempt = advisor.post(link + "/advisor-consultation", page.body(), "confirm=yes");
    assertThat(attempt.statusCode()).isEqualTo(403);
    assertThat(MediationCaseProcess.CONSULTING_PARTY_ID.from(runtimeService, instance.getId()).orElse(null))
        .isNull();
  }
}
