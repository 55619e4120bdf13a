package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.portal.PortalLink.Audience;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's front door as a party's browser uses it: a personal link, a one-time code by mail, then the case.
 * Every refusal is checked for leaking nothing of the case.
 */
@MediatafelTest
class PortalAccessTest {

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;

  private String caseNumber;
  private Party jan;
  private Party emma;

  @BeforeEach
  void aCaseWithTwoParties() throws Exception {
    TestMailServer.purge();
    CaseRequest request = new ObjectMapper().readValue("""
        {"conflictType": "NEIGHBOURS", "summary": "Geluidsoverlast VERTROUWELIJK-P0RT", "escalation": "LOW",
         "preferredRoute": "NO_PREFERENCE", "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.portal@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.portal@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.portal@example.co.uk", "language": "en", "payer": "SELF"}]}
        """, CaseRequest.class);
    caseNumber = requests.register(request, null).mediationCase().getCaseNumber();
    List<Party> all = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
    jan = all.get(0);
    emma = all.get(1);
  }

  @Test
  void aPartyConfirmsWithACodeByMailAndThenSeesTheirCase() throws Exception {
    PortalBrowser browser = browser();
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.INTAKE).url();

    HttpResponse<String> first = browser.get(link);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Bevestig uw e-mailadres", "j…l@example.nl")
        .doesNotContain(caseNumber, "Jan de Boer", "VERTROUWELIJK");
    assertThat(first.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(first.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");

    HttpResponse<String> asked = browser.post(link.replace("/intake", "/code"), first.body(), "");
    assertThat(asked.statusCode()).isEqualTo(303);
    ReceivedMail mail = ReceivedMail.of(TestMailServer.received()[0]);
    assertThat(mail.to()).isEqualTo("jan.portal@example.nl");
    String code = code(mail.text());

    HttpResponse<String> form = browser.get(link);
    HttpResponse<String> wrong = browser.post(link.replace("/intake", "/confirm"), form.body(), "code=000000");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("klopt niet").doesNotContain(caseNumber);

    HttpResponse<String> right = browser.post(link.replace("/intake", "/confirm"), wrong.body(), "code=" + code);
    assertThat(right.statusCode()).isEqualTo(303);
    assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/intake");

    HttpResponse<String> intake = browser.get(link);
    assertThat(intake.statusCode()).isEqualTo(200);
    assertThat(intake.body()).contains("Intakevragenlijst", "Wat is er gebeurd?").doesNotContain("VERTROUWELIJK");
    HttpResponse<String> overview = browser.get(link.replace("/intake", ""));
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).contains(caseNumber, "Welkom, Jan de Boer.", "Uw aanmelding wordt beoordeeld.")
        .doesNotContain("VERTROUWELIJK", "Emma Clarke");
  }

  @Test
  void thePageSpeaksThePartysLanguage() throws Exception {
    String link = links.issue(caseNumber, emma.getId(), Audience.PARTY, PortalAction.CASE).url();
    assertThat(browser().get(link).body()).contains("Confirm your e-mail address", "<html lang=\"en\"");
  }

  @Test
  void wrongExpiredAndRevokedLinksGetOneNeutralPage() throws Exception {
    PortalBrowser browser = browser();
    String valid = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    String base = valid.substring(0, valid.indexOf("/portal/") + "/portal/".length());

    HttpResponse<String> unknown = browser.get(base + "bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtMTIzNDU2Nzg5MA");
    HttpResponse<String> tampered = browser.get(valid.substring(0, valid.length() - 2) + "xx");
    HttpResponse<String> badPage = browser.get(valid + "/documents");
    links.revokeAll(caseNumber, jan.getId());
    HttpResponse<String> revoked = browser.get(valid);

    for (HttpResponse<String> response : List.of(unknown, tampered, badPage, revoked)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("Deze link werkt niet").doesNotContain(caseNumber, "Jan", "Emma");
    }
    assertThat(unknown.body()).isEqualTo(revoked.body());
  }

  @Test
  void confirmingOnePartyDoesNotOpenAnotherPartysLink() throws Exception {
    PortalBrowser browser = browser();
    String janLink = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    browser.confirm(janLink);
    assertThat(browser.get(janLink).body()).contains("Welkom, Jan de Boer.");

    String emmaLink = links.issue(caseNumber, emma.getId(), Audience.PARTY, PortalAction.CASE).url();
    assertThat(browser.get(emmaLink).body()).contains("Confirm your e-mail address").doesNotContain("Emma Clarke");
    String advisorLink = links.issue(caseNumber, jan.getId(), Audience.ADVISOR, PortalAction.CASE).url();
    assertThat(browser.get(advisorLink).body()).contains("Bevestig uw e-mailadres", "s…l@advocaat.example");
  }

  @Test
  void aCodeWorksOnlyInTheBrowserThatAskedForIt() throws Exception {
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser asking = browser();
    asking.post(link + "/code", asking.get(link).body(), "");
    String code = code(ReceivedMail.of(TestMailServer.received()[0]).text());

    PortalBrowser other = browser();
    HttpResponse<String> page = other.get(link);
    HttpResponse<String> attempt = other.post(link + "/confirm", page.body(), "code=" + code);
    assertThat(attempt.statusCode()).isEqualTo(400);
    assertThat(other.get(link).body()).doesNotContain(caseNumber);
  }

  @Test
  void afterFiveWrongCodesTheCodeStopsWorking() throws Exception {
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = browser();
    HttpResponse<String> page = browser.post(link + "/code", browser.get(link).body(), "");
    String code = code(ReceivedMail.of(TestMailServer.received()[0]).text());
    page = browser.get(link);
    for (int i = 0; i < PortalVisit.MAX_ATTEMPTS; i++) {
      page = browser.post(link + "/confirm", page.body(), "code=" + (code.equals("111111") ? "222222" : "111111"));
    }
    HttpResponse<String> late = browser.post(link + "/confirm", page.body(), "code=" + code);
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(browser.get(link).body()).doesNotContain(caseNumber);
  }

  @Test
  void aPostWithoutTheFormsTokenIsRefused() throws Exception {
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = browser();
    browser.get(link);
    HttpResponse<String> forged = browser.postRaw(link + "/code", "");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(TestMailServer.received()).isEmpty();
  }

  private PortalBrowser browser() {
    return new PortalBrowser(port);
  }

  private static String code(String mailText) {
    return PortalBrowser.code(mailText);
  }
}
