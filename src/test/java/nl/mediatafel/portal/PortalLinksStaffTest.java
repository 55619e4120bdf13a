package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.StaffBrowser;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.portal.PortalLink.Audience;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The secretariat's page of a case's personal links ({@code /portal-links/{case}}): the list with holder, role,
 * dates and last use; revoking, after which the link gets the neutral page at once; and a new link by mail that
 * revokes the old one. The case's mediator may look but not act; other staff and visitors get nothing.
 */
@MediatafelTest
class PortalLinksStaffTest {

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private String caseNumber;
  private Party jan;
  private String janLink;
  private String advisorLink;

  @BeforeEach
  void aCaseWithLinks() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    caseNumber = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW", "preferredRoute": "FACE_TO_FACE",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.links.%1$s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.links.%1$s@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.links.%1$s@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """.formatted(run), "FACE_TO_FACE", "anna").getBusinessKey();
    jan = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).get(0);
    janLink = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.INTAKE).url();
    advisorLink = links.issue(caseNumber, jan.getId(), Audience.ADVISOR, PortalAction.CASE).url();
  }

  @Test
  void theSecretariatSeesEveryLinkWithItsLastUseAndRevokesOneAtOnce() throws Exception {
    PortalBrowser party = new PortalBrowser(port);
    party.confirm(janLink);
    assertThat(party.get(janLink).statusCode()).isEqualTo(200);

    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    HttpResponse<String> list = sanne.get("/portal-links/" + caseNumber);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("Persoonlijke links van " + caseNumber, "Jan de Boer", "Mr. P. Smit",
        "adviseur van Jan de Boer", "Intakevragenlijst", "Intrekken", "Nieuwe link sturen", "nooit")
        .doesNotContain(token(janLink));
    assertThat(links.find(caseNumber, linkId(janLink)).orElseThrow().getLastUsedAt()).isNotNull();
    assertThat(links.find(caseNumber, linkId(advisorLink)).orElseThrow().getLastUsedAt()).isNull();

    HttpResponse<String> revoked = sanne.post("/portal-links/" + caseNumber + "/" + linkId(janLink) + "/revoke",
        list.body(), "");
    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(sanne.get("/portal-links/" + caseNumber + "?done=revoked").body()).contains("ingetrokken op");

    HttpResponse<String> after = party.get(janLink);
    assertThat(after.statusCode()).as("revoked, even in the browser that had confirmed").isEqualTo(404);
    assertThat(after.body()).contains("Deze link werkt niet").doesNotContain(caseNumber, "Jan de Boer");
    assertThat(party.get(janLink.replace("/intake", "")).statusCode()).isEqualTo(404);
    assertThat(new PortalBrowser(port).get(advisorLink).statusCode()).as("other links keep working")
        .isEqualTo(200);
  }

  @Test
  void aNewLinkRevokesTheOldOneAndReachesTheHolderByMail() throws Exception {
    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    HttpResponse<String> list = sanne.get("/portal-links/" + caseNumber);
    TestMailServer.purge();

    HttpResponse<String> renewed = sanne.post("/portal-links/" + caseNumber + "/" + linkId(advisorLink) + "/renew",
        list.body(), "");
    assertThat(renewed.statusCode()).isEqualTo(303);
    assertThat(new PortalBrowser(port).get(advisorLink).statusCode()).isEqualTo(404);
    List<ReceivedMail> mails = Arrays.stream(TestMailServer.received()).map(ReceivedMail::of)
        .toList();
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo(jan.getAdvisorEmail());
      assertThat(mail.subject()).contains("nieuwe persoonlijke link", caseNumber);
      assertThat(mail.portalLink()).doesNotContain(token(advisorLink));
    });
    String fresh = mails.get(0).portalLink();
    HttpResponse<String> opened = new PortalBrowser(port).get(fresh);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("Bevestig uw e-mailadres", "s…");
    assertThat(sanne.get("/portal-links/" + caseNumber + "?done=renewed").body())
        .contains("De oude link is ingetrokken");
  }

  @Test
  void theCasesMediatorMayLookButNotActAndNobodyElseSeesAnything() throws Exception {
    StaffBrowser anna = new StaffBrowser(port, "anna");
    HttpResponse<String> list = anna.get("/portal-links/" + caseNumber);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("Jan de Boer", "Intrekken of een nieuwe link sturen doet het secretariaat")
        .doesNotContain("/revoke", "/renew");
    HttpResponse<String> attempt = anna.post("/portal-links/" + caseNumber + "/" + linkId(janLink) + "/revoke",
        new StaffBrowser(port, "sanne").get("/portal-links/" + caseNumber).body(), "");
    assertThat(attempt.statusCode()).isEqualTo(403);
    assertThat(new PortalBrowser(port).get(janLink).statusCode()).isEqualTo(200);

    assertThat(new StaffBrowser(port, "bram").get("/portal-links/" + caseNumber).statusCode()).isEqualTo(404);
    assertThat(new StaffBrowser(port, "daan").get("/portal-links/" + caseNumber).statusCode()).isEqualTo(403);
    assertThat(new StaffBrowser(port, null).get("/portal-links/" + caseNumber).statusCode()).isEqualTo(401);
    assertThat(new StaffBrowser(port, "sanne").get("/portal-links/MED-1999-0001").statusCode()).isEqualTo(404);

    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    sanne.get("/portal-links/" + caseNumber);
    HttpResponse<String> noToken = sanne.post("/portal-links/" + caseNumber + "/" + linkId(janLink) + "/revoke", "", "");
    assertThat(noToken.statusCode()).as("a post without the form's token").isEqualTo(403);
    HttpResponse<String> otherCase = sanne.post("/portal-links/" + caseNumber + "/" + UUID.randomUUID() + "/revoke",
        sanne.get("/portal-links/" + caseNumber).body(), "");
    assertThat(otherCase.statusCode()).isEqualTo(404);
    assertThat(new PortalBrowser(port).get(janLink).statusCode()).isEqualTo(200);
  }

  private UUID linkId(String link) {
    String hash = PortalLinks.hash(token(link));
    return links.ofCase(caseNumber).stream().filter(l -> l.getTokenHash().equals(hash)).findFirst().orElseThrow()
        .getId();
  }

  private static String token(String link) {
    return link.substring(link.indexOf("/portal/") + "/portal/".length()).replaceFirst("/.*$", "");
  }
}
