package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.cases.Withdrawals;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.portal.PortalLink.Audience;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A party stops the mediation from the portal: explained, confirmed, recorded, and the case process ends it. */
@MediatafelTest
class WithdrawalPortalTest {

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private ProcessInstance instance;
  private Party jan;

  @BeforeEach
  void aCaseInIntake() throws Exception {
    instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "LABOUR", "summary": "Werktijden", "escalation": "LOW", "preferredRoute": "ONLINE_VIDEO",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.stop@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.stop@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.stop@example.co.uk", "language": "en", "payer": "SELF"}]}
        """, "ONLINE_VIDEO", "bram");
    jan = parties.findByMediationCaseCaseNumberOrderByPosition(instance.getBusinessKey()).get(0);
  }

  @Test
  void aPartyConfirmsAndTheMediationEnds() throws Exception {
    String link = links.issue(instance.getBusinessKey(), jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);

    HttpResponse<String> page = browser.get(link + "/withdraw");
    assertThat(page.body()).contains("Mediation is vrijwillig", "Stoppen met de mediation");
    HttpResponse<String> unconfirmed = browser.post(link + "/withdraw", page.body(), "");
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(parties.findById(jan.getId()).orElseThrow().isActive()).isTrue();

    HttpResponse<String> done = browser.post(link + "/withdraw", page.body(), "confirm=yes");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("U bent gestopt met de mediation");
    assertThat(parties.findById(jan.getId()).orElseThrow().isActive()).isFalse();
    assertThat(Withdrawals.WITHDRAWN_PARTY_ID.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo(jan.getId().toString());
    List<String> running = runtimeService.getActiveActivityIds(instance.getId());
    assertThat(running).contains(MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS)
        .doesNotContain(IntakeProcess.Elements.WAIT_FOR_INTAKE);

    assertThat(browser.get(link).statusCode()).as("a withdrawn party's link no longer opens the case").isEqualTo(404);
  }

  @Test
  void aSecondPartyWithdrawingWhileTheMediationEndsIsRecordedToo() throws Exception {
    Party emma = parties.findByMediationCaseCaseNumberOrderByPosition(instance.getBusinessKey()).get(1);
    PortalBrowser janBrowser = new PortalBrowser(port);
    String janLink = links.issue(instance.getBusinessKey(), jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    janBrowser.confirm(janLink);
    janBrowser.post(janLink + "/withdraw", janBrowser.get(janLink + "/withdraw").body(), "confirm=yes");
    assertThat(runtimeService.getActiveActivityIds(instance.getId()))
        .as("the case is ending and no longer listens for withdrawals")
        .contains(MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);

    PortalBrowser emmaBrowser = new PortalBrowser(port);
    String emmaLink = links.issue(instance.getBusinessKey(), emma.getId(), Audience.PARTY, PortalAction.CASE).url();
    emmaBrowser.confirm(emmaLink);
    HttpResponse<String> done = emmaBrowser.post(emmaLink + "/withdraw",
        emmaBrowser.get(emmaLink + "/withdraw").body(), "confirm=yes");

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(parties.findById(emma.getId()).orElseThrow().isActive()).as("her withdrawal is stored").isFalse();
    assertThat(Withdrawals.WITHDRAWN_PARTY_ID.from(runtimeService, instance.getId()))
        .as("the case ends for the party who withdrew first").contains(jan.getId().toString());
  }

  @Test
  void anAdvisorCannotStopTheMediationForTheParty() throws Exception {
    String link = links.issue(instance.getBusinessKey(), jan.getId(), Audience.ADVISOR, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    // the confidentiality form carries the session's token; the advisor's withdraw page has no form
    String confidentiality = browser.get(link).body();
    browser.post(link + "/confidentiality", confidentiality, "accept=yes");
    HttpResponse<String> page = browser.get(link + "/withdraw");
    assertThat(page.body()).contains("Alleen Jan de Boer zelf");
    assertThat(browser.post(link + "/withdraw", confidentiality, "confirm=yes").statusCode()).isEqualTo(403);
    assertThat(parties.findById(jan.getId()).orElseThrow().isActive()).isTrue();
  }
}
