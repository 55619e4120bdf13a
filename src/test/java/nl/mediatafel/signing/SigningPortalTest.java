package nl.mediatafel.signing;

import static nl.mediatafel.platform.PortalBrowser.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.signing.SigningCases.SigningCase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing from the mailbox: the signing mail's link, the code, the PDF, name and consent, and the process moves on. */
@MediatafelTest
class SigningPortalTest {

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired DocumentService documents;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired SignatureService signatures;

  private SigningCase signingCase;
  private ProcessInstance signing;

  @BeforeEach
  void signingStartedAndMailsSent() throws Exception {
    signingCase = new SigningCases(requests, parties, documents, runtimeService).create(2);
    Map<String, Object> variables = new HashMap<>();
    SigningProcess.DOCUMENT_ID.putIn(variables, signingCase.agreement().id().toString());
    SigningProcess.DOCUMENT_TYPE.putIn(variables, signingCase.agreement().documentType());
    SigningProcess.PARTY_IDS.putIn(variables, signingCase.partyIds());
    CaseVariables.MEDIATOR.putIn(variables, "anna");
    signing = runtimeService.startProcessInstanceByKey(SigningProcess.KEY, signingCase.caseNumber(), variables);
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
  }

  @AfterEach
  void noInstanceLeftWaiting() {
    if (runtimeService.createProcessInstanceQuery().processInstanceId(signing.getId()).count() > 0) {
      runtimeService.deleteProcessInstance(signing.getId(), "test done", true, true);
    }
  }

  @Test
  void bothPartiesSignInThePortalAndTheSigningEnds() throws Exception {
    Map<Party, String> linkOf = new java.util.LinkedHashMap<>();
    signingCase.parties().forEach(party -> linkOf.put(party, signingLinkTo(party)));
    for (Party party : signingCase.parties()) {
      String link = linkOf.get(party);
      PortalBrowser browser = new PortalBrowser(port);
      browser.confirm(link);

      HttpResponse<String> page = browser.get(link);
      assertThat(page.statusCode()).isEqualTo(200);
      StoredDocument agreement = signingCase.agreement();
      assertThat(page.body()).contains(agreement.sha256());
      HttpResponse<byte[]> pdf = browser.getBytes(link + "/" + agreement.id() + "/pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.body()).isEqualTo(agreement.content());

      HttpResponse<String> noConsent = browser.post(link + "/" + agreement.id(), page.body(),
          "fullName=" + encode(party.getName()));
      assertThat(noConsent.statusCode()).isEqualTo(400);
      HttpResponse<String> wrongName = browser.post(link + "/" + agreement.id(), page.body(),
          "fullName=" + encode("Iemand Anders") + "&consent=yes");
      assertThat(wrongName.statusCode()).isEqualTo(400);
      assertThat(signatures.find(agreement.id(), party.getId())).isEmpty();

      HttpResponse<String> signed = browser.post(link + "/" + agreement.id(), page.body(),
          "fullName=" + encode("  " + party.getName().toUpperCase() + " ") + "&consent=yes");
      assertThat(signed.statusCode()).isEqualTo(303);
      Signature signature = signatures.find(agreement.id(), party.getId()).orElseThrow();
      assertThat(signature.method()).isEqualTo(SignatureMethod.PORTAL);
      assertThat(signature.documentSha256()).isEqualTo(agreement.sha256());
      assertThat(signature.userAgent()).isNotBlank();
      assertThat(browser.get(link).body()).contains(party.getLanguage().equals("en") ? "You have signed" : "U heeft dit document ondertekend");

      HttpResponse<String> twice = browser.post(link + "/" + agreement.id(), page.body(),
          "fullName=" + encode(party.getName()) + "&consent=yes");
      assertThat(twice.statusCode()).as("signing twice changes nothing").isEqualTo(303);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(signing.getId()).count()).isZero();

    // everyone signed: the signed version is stored and is what the portal serves from now on
    StoredDocument signed = documents.signedVersionOf(signingCase.agreement().id()).orElseThrow();
    assertThat(documents.current(signingCase.caseNumber(), signed.documentType())).contains(signed);
    String page = nl.mediatafel.platform.PdfText.of(signed.content());
    for (Party party : signingCase.parties()) {
      assertThat(page).as("the name as typed, the method and the confirmed address")
          .contains(party.getName().toUpperCase() + ", Partij Digitaal, in het portaal")
          .contains(party.getEmail());
      assertThat(signatures.find(signingCase.agreement().id(), party.getId()).orElseThrow().signedName())
          .isEqualTo(party.getName().toUpperCase());
    }
    assertThat(page).contains("SHA-256 van het origineel (versie 1): " + signingCase.agreement().sha256());
    PortalBrowser browser = new PortalBrowser(port);
    String link = linkOf.values().iterator().next();
    browser.confirm(link);
    assertThat(browser.getBytes(link + "/" + signed.id() + "/pdf").body()).isEqualTo(signed.content());
  }

  @Test
  void anOlderVersionCannotBeSigned() throws Exception {
    Party party = signingCase.party(0);
    String link = signingLinkTo(party);
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    HttpResponse<String> page = browser.get(link);
    new SigningCases(requests, parties, documents, runtimeService).agreement(signingCase.caseNumber());

    HttpResponse<String> refused = browser.post(link + "/" + signingCase.agreement().id(), page.body(),
        "fullName=" + encode(party.getName()) + "&consent=yes");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("nieuwere versie");
    assertThat(signatures.find(signingCase.agreement().id(), party.getId())).isEmpty();
  }

  @Test
  void anotherCasesDocumentIsNotServed() throws Exception {
    Party party = signingCase.party(0);
    String link = signingLinkTo(party);
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    SigningCase other = new SigningCases(requests, parties, documents, runtimeService).create(2);
    assertThat(browser.getBytes(link + "/" + other.agreement().id() + "/pdf").statusCode()).isEqualTo(404);
  }

  private String signingLinkTo(Party party) {
    return Arrays.stream(TestMailServer.received()).map(ReceivedMail::of)
        .filter(mail -> mail.to().equals(party.getEmail())).findFirst().orElseThrow().portalLink();
  }
}
