package nl.mediatafel.portal;

import static nl.mediatafel.platform.PortalBrowser.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.intake.IntakeAnswerRepository;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.portal.PortalLink.Audience;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attempts to get at what is not one's own through the portal, each with its expected refusal: tampered, expired,
 * revoked and guessed links, another party's or another case's documents and answers, posts without the form's token,
 * script and overlong input. Every response is checked for the secrets of the cases involved.
 */
@MediatafelTest
class PortalSecurityCorpusTest {

  private static final String SECRET_A = "GEHEIM-A-7731";
  private static final String SECRET_B = "GEHEIM-B-1187";

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired DocumentService documents;
  @Autowired IntakeAnswerRepository answers;
  @Autowired JdbcTemplate jdbc;
  @Autowired nl.mediatafel.signing.SignatureService signatures;

  private String caseA;
  private String caseB;
  private Party janA;
  private Party emmaA;
  private Party partyB;
  private StoredDocument documentA;
  private StoredDocument documentB;

  @BeforeEach
  void twoCasesWithSecrets() {
    caseA = CaseFixtures.inIntake(requests, runtimeService, taskService, request("a", SECRET_A), "FACE_TO_FACE",
        "anna").getBusinessKey();
    ProcessInstance b = CaseFixtures.inIntake(requests, runtimeService, taskService, request("b", SECRET_B),
        "FACE_TO_FACE", "bram");
    caseB = b.getBusinessKey();
    List<Party> a = parties.findByMediationCaseCaseNumberOrderByPosition(caseA);
    janA = a.get(0);
    emmaA = a.get(1);
    partyB = parties.findByMediationCaseCaseNumberOrderByPosition(caseB).get(0);
    documentA = documents.generate(caseA, "MEDIATION_AGREEMENT", "mediation-agreement",
        java.util.Locale.forLanguageTag("nl"), java.util.Map.of("caseNumber", caseA, "mediator", "Anna"));
    documentB = documents.generate(caseB, "MEDIATION_AGREEMENT", "mediation-agreement",
        java.util.Locale.forLanguageTag("nl"), java.util.Map.of("caseNumber", caseB, "mediator", SECRET_B));
  }

  @TestFactory
  Stream<DynamicTest> everyAttemptIsRefusedAndLeaksNothing() throws Exception {
    String janLink = links.issue(caseA, janA.getId(), Audience.PARTY, PortalAction.CASE).url();
    String janToken = janLink.substring(janLink.indexOf("/portal/") + "/portal/".length());
    String base = janLink.substring(0, janLink.indexOf("/portal/"));
    String emmaLink = links.issue(caseA, emmaA.getId(), Audience.PARTY, PortalAction.CASE).url();
    String bLink = links.issue(caseB, partyB.getId(), Audience.PARTY, PortalAction.CASE).url();

    PortalBrowser jan = new PortalBrowser(port);
    jan.confirm(janLink);
    String janPage = jan.get(janLink + "/intake").body();
    assertThat(jan.post(janLink + "/intake", janPage, "action=submit&whatHappened=" + encode(SECRET_A)
        + "&whatMatters=x&goodOutcome=x&urgency=LOW").statusCode())
        .as("Jan's answers are stored, so every attempt below could leak them").isEqualTo(303);
    PortalBrowser emma = new PortalBrowser(port);
    emma.confirm(emmaLink);
    PortalBrowser stranger = new PortalBrowser(port);

    List<Attempt> attempts = new ArrayList<>();
    // guessed, tampered, truncated and malformed links
    for (String token : List.of("", "a", "x".repeat(43), "x".repeat(200), janToken.substring(1), janToken + "A",
        janToken.toUpperCase(), janToken.toLowerCase().equals(janToken) ? janToken + "b" : janToken.toLowerCase(),
        new StringBuilder(janToken).reverse().toString(), "..%2F..%2Fetc%2Fpasswd", "%00", "' OR '1'='1",
        UUID.randomUUID().toString(), janA.getId().toString(), caseA)) {
      String segment = encode(token).replace("+", "%20");
      attempts.add(new Attempt("token " + abbreviate(token), stranger, "GET", base + "/portal/" + segment, null, 404,
          400));
      attempts.add(new Attempt("intake with token " + abbreviate(token), stranger, "GET",
          base + "/portal/" + segment + "/intake", null, 404, 400));
    }
    // a working link in a browser that has not confirmed: no case data, no answers, no documents
    attempts.add(new Attempt("unconfirmed overview", stranger, "GET", janLink, null, 200));
    attempts.add(new Attempt("unconfirmed intake", stranger, "GET", janLink + "/intake", null, 200));
    attempts.add(new Attempt("unconfirmed sign page", stranger, "GET", janLink + "/sign", null, 200));
    attempts.add(new Attempt("unconfirmed pdf", stranger, "GET", janLink + "/sign/" + documentB.id() + "/pdf", null,
        404));
    attempts.add(new Attempt("unconfirmed intake post", stranger, "POST", janLink + "/intake", "action=draft", 303));
    // confirmed for party A of case A: nothing of party B, of another party, or of case B
    attempts.add(new Attempt("another case's document", jan, "GET", janLink + "/sign/" + documentB.id() + "/pdf",
        null, 404));
    attempts.add(new Attempt("sign another case's document", jan, "POST", janLink + "/sign/" + documentB.id(),
        "fullName=Jan&consent=yes", 403));
    attempts.add(new Attempt("a random document id", jan, "GET", janLink + "/sign/" + UUID.randomUUID() + "/pdf",
        null, 404));
    attempts.add(new Attempt("another party's link in my session", jan, "GET", emmaLink + "/intake", null, 200));
    attempts.add(new Attempt("another case's link in my session", jan, "GET", bLink, null, 200));
    attempts.add(new Attempt("staff intake page", jan, "GET", base + "/intake/" + caseA + "/" + janA.getId(), null,
        401));
    attempts.add(new Attempt("outbox", jan, "GET", base + "/outbox?case=" + caseA, null, 401));
    attempts.add(new Attempt("engine REST", jan, "GET", base + "/engine-rest/task", null, 401));
    attempts.add(new Attempt("case API", jan, "GET", base + "/api/cases/" + caseA, null, 401));
    // documents of the overview (/documents/{id}): only the holder's own case, only after confirming
    attempts.add(new Attempt("another case's document via the overview", jan, "GET",
        janLink + "/documents/" + documentB.id(), null, 404));
    attempts.add(new Attempt("a random document id via the overview", jan, "GET",
        janLink + "/documents/" + UUID.randomUUID(), null, 404));
    attempts.add(new Attempt("a malformed document id", jan, "GET", janLink + "/documents/..%2F" + documentA.id(),
        null, 404, 400));
    attempts.add(new Attempt("unconfirmed overview document", stranger, "GET",
        janLink + "/documents/" + documentA.id(), null, 404));
    attempts.add(new Attempt("my document through another case's link", jan, "GET",
        bLink + "/documents/" + documentA.id(), null, 404));
    // asking to consult an advisor: only the party, only after confirming
    attempts.add(new Attempt("unconfirmed advisor consultation", stranger, "GET", janLink + "/advisor-consultation",
        null, 200));
    attempts.add(new Attempt("unconfirmed advisor consultation post", stranger, "POST",
        janLink + "/advisor-consultation", "confirm=yes", 303));
    attempts.add(new Attempt("another party's advisor consultation in my session", jan, "GET",
        emmaLink + "/advisor-consultation", null, 200));
    // an advisor: nothing before confirming confidentiality, never acting for the party, never the intake answers
    String advisorLink = links.issue(caseA, janA.getId(), Audience.ADVISOR, PortalAction.CASE).url();
    // Emma's advisor confirms the address but never confidentiality (which counts per advisor, not per browser)
    String unboundAdvisorLink = links.issue(caseA, emmaA.getId(), Audience.ADVISOR, PortalAction.CASE).url();
    PortalBrowser advisorBeforeConfidentiality = new PortalBrowser(port);
    advisorBeforeConfidentiality.confirm(unboundAdvisorLink);
    PortalBrowser advisor = new PortalBrowser(port);
    advisor.confirm(advisorLink);
    // the advisor's pages have no forms: the session's token comes from the confidentiality form, so the refusals
    // below are the advisor rule's, not the missing token's
    String advisorToken = "_csrf=" + encode(csrfToken(advisor.get(advisorLink).body()));
    advisor.post(advisorLink + "/confidentiality", advisor.get(advisorLink).body(), "accept=yes");
    attempts.add(new Attempt("advisor before confidentiality: overview", advisorBeforeConfidentiality, "GET",
        unboundAdvisorLink, null, 200));
    attempts.add(new Attempt("advisor before confidentiality: document", advisorBeforeConfidentiality, "GET",
        unboundAdvisorLink + "/documents/" + documentA.id(), null, 404));
    attempts.add(new Attempt("advisor before confidentiality: sign page", advisorBeforeConfidentiality, "GET",
        unboundAdvisorLink + "/sign", null, 200));
    attempts.add(new Attempt("advisor before confidentiality: intake", advisorBeforeConfidentiality, "GET",
        unboundAdvisorLink + "/intake", null, 200));
    attempts.add(new Attempt("advisor reads the party's intake answers", advisor, "GET", advisorLink + "/intake",
        null, 200));
    attempts.add(new Attempt("advisor asks to consult for the party", advisor, "RAW",
        advisorLink + "/advisor-consultation", advisorToken + "&confirm=yes", 403));
    attempts.add(new Attempt("advisor withdraws for the party", advisor, "RAW", advisorLink + "/withdraw",
        advisorToken + "&confirm=yes", 403));
    attempts.add(new Attempt("advisor submits the party's intake", advisor, "RAW", advisorLink + "/intake",
        advisorToken + "&action=submit&whatHappened=overgenomen", 303));
    attempts.add(new Attempt("advisor signs for the party", advisor, "RAW", advisorLink + "/sign/" + documentA.id(),
        advisorToken + "&fullName=" + encode(janA.getName()) + "&consent=yes", 303));
    attempts.add(new Attempt("another case's advisor link in an advisor's session", advisor, "GET",
        links.issue(caseB, partyB.getId(), Audience.ADVISOR, PortalAction.CASE).url(), null, 200));
    attempts.add(new Attempt("advisor before confidentiality: confirms with a post without token",
        advisorBeforeConfidentiality, "RAW", unboundAdvisorLink + "/confidentiality", "accept=yes", 403));
    // the secretariat's page of links is for staff only
    attempts.add(new Attempt("staff links page", jan, "GET", base + "/portal-links/" + caseA, null, 401));
    attempts.add(new Attempt("staff revoke without login", jan, "RAW",
        base + "/portal-links/" + caseA + "/" + UUID.randomUUID() + "/revoke", "", 401));
    // forms without the session's token
    for (String path : List.of("/code", "/confirm", "/intake", "/withdraw", "/sign/" + documentB.id(),
        "/advisor-consultation", "/confidentiality")) {
      attempts.add(new Attempt("post without token " + path, jan, "RAW", janLink + path, "code=123456&confirm=yes",
          403));
    }
    // script and overlong input are refused or escaped
    attempts.add(new Attempt("overlong answer", emma, "POST", emmaLink + "/intake",
        "action=draft&availability=" + "x".repeat(1001), 400));
    attempts.add(new Attempt("overlong code", stranger, "POST", janLink + "/confirm", "code=" + "9".repeat(5000), 400));
    // revoked and expired links
    String revoked = links.issue(caseA, janA.getId(), Audience.PARTY, PortalAction.CASE).url();
    String expired = links.issue(caseA, emmaA.getId(), Audience.PARTY, PortalAction.CASE).url();
    java.sql.Timestamp past = java.sql.Timestamp.from(TestClock.now().minusSeconds(60));
    jdbc.update("update portal_link set revoked_at = ? where token_hash = ?", past, PortalLinks.hash(token(revoked)));
    jdbc.update("update portal_link set expires_at = ? where token_hash = ?", past, PortalLinks.hash(token(expired)));
    attempts.add(new Attempt("revoked link (even in a confirmed session)", jan, "GET", revoked, null, 404));
    attempts.add(new Attempt("revoked link's intake", jan, "GET", revoked + "/intake", null, 404));
    attempts.add(new Attempt("expired link", stranger, "GET", expired, null, 404));
    attempts.add(new Attempt("expired link's sign page", jan, "GET", expired + "/sign", null, 404));
    attempts.add(new Attempt("revoked link's document", jan, "GET", revoked + "/documents/" + documentA.id(), null,
        404));
    attempts.add(new Attempt("revoked link's advisor consultation", jan, "GET", revoked + "/advisor-consultation",
        null, 404));
    // revoked by the secretariat while a confirmed browser had it open: refused at the very next request
    String openThenRevoked = links.issue(caseA, janA.getId(), Audience.PARTY, PortalAction.CASE).url();
    assertThat(jan.get(openThenRevoked).body()).contains("Welkom, Jan");
    links.revoke(caseA, links.ofCase(caseA).stream()
        .filter(l -> l.getTokenHash().equals(PortalLinks.hash(token(openThenRevoked)))).findFirst().orElseThrow()
        .getId());
    attempts.add(new Attempt("link revoked by the secretariat (confirmed session)", jan, "GET", openThenRevoked,
        null, 404));
    attempts.add(new Attempt("link revoked by the secretariat: post", jan, "POST",
        openThenRevoked + "/advisor-consultation", "confirm=yes", 404));

    assertThat(attempts).hasSizeGreaterThanOrEqualTo(50);
    Stream<DynamicTest> each = attempts.stream().map(attempt -> DynamicTest.dynamicTest(attempt.name(), () -> {
      HttpResponse<String> response = attempt.send();
      assertThat(attempt.accepts(response.statusCode())).as("%s answered %s", attempt.name(),
          response.statusCode()).isTrue();
      assertThat(response.body()).as(attempt.name()).doesNotContain(SECRET_A, SECRET_B);
      assertThat(response.body()).as("%s shows nobody's case", attempt.name())
          .doesNotContain("Welkom, Emma", caseB, caseA);
    }));
    // runs after every attempt: none of them changed anything
    java.util.Optional<String> answerBefore = answers.findByPartyId(janA.getId()).map(a -> a.asForm().whatHappened());
    return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("no attempt changed anything", () -> {
      assertThat(answers.findByPartyId(janA.getId()).map(a -> a.asForm().whatHappened())).isEqualTo(answerBefore);
      assertThat(jdbc.queryForObject("select count(*) from advisor_confidentiality where party_id = ?",
          Integer.class, emmaA.getId())).as("Emma's advisor never confirmed confidentiality").isZero();
      assertThat(signatures.byParty(caseA, janA.getId())).isEmpty();
      assertThat(parties.findById(janA.getId()).orElseThrow().isActive()).isTrue();
      assertThat(parties.findById(emmaA.getId()).orElseThrow().isActive()).isTrue();
    })));
  }

  @TestFactory
  Stream<DynamicTest> scriptInAnswersComesBackEscaped() throws Exception {
    String link = links.issue(caseA, janA.getId(), Audience.PARTY, PortalAction.INTAKE).url();
    PortalBrowser jan = new PortalBrowser(port);
    jan.confirm(link);
    String script = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    jan.post(link, jan.get(link).body(), "action=draft&whatHappened=" + encode(script));
    String page = jan.get(link).body();
    return Stream.of(
        DynamicTest.dynamicTest("no raw script tag", () -> assertThat(page).doesNotContain("<script>alert")),
        DynamicTest.dynamicTest("no raw img tag", () -> assertThat(page).doesNotContain("<img src=x")),
        DynamicTest.dynamicTest("escaped text kept", () -> assertThat(page).contains("&lt;script&gt;")),
        DynamicTest.dynamicTest("stored as typed", () -> assertThat(answers.findByPartyId(janA.getId()).orElseThrow()
            .asForm().whatHappened()).isEqualTo(script)));
  }

  /** One attempt and the answers that count as its refusal (the first is the one expected). */
  private record Attempt(String name, PortalBrowser browser, String method, String url, String body,
      int expectedStatus, int... alsoAccepted) {

    boolean accepts(int status) {
      return status == expectedStatus || java.util.Arrays.stream(alsoAccepted).anyMatch(s -> s == status);
    }

    HttpResponse<String> send() throws Exception {
      return switch (method) {
        case "GET" -> browser.get(url);
        case "RAW" -> browser.postRaw(url, body);
        default -> browser.post(url, browser.get(url.replaceFirst("/(code|confirm)$", "")).body(), body);
      };
    }
  }

  private static String csrfToken(String page) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
        .matcher(page);
    assertThat(matcher.find()).as("a form with a token in: %s", page).isTrue();
    return matcher.group(1);
  }

  private static String token(String link) {
    return link.substring(link.indexOf("/portal/") + "/portal/".length()).replaceFirst("/.*$", "");
  }

  private static String abbreviate(String token) {
    return token.length() > 12 ? token.substring(0, 12) + "…(" + token.length() + ")" : "'" + token + "'";
  }

  private static String request(String suffix, String secret) {
    return """
        {"conflictType": "NEIGHBOURS", "summary": "%s", "escalation": "LOW", "preferredRoute": "FACE_TO_FACE",
         "safetyConcern": false,
         "parties": [{"name": "Jan %s", "email": "jan.%s.%s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. Smit", "email": "smit@advocaat.example"}},
                     {"name": "Emma %s", "email": "emma.%s.%s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. Visser", "email": "visser@advocaat.example"}}]}
        """.formatted(secret, suffix, suffix, UUID.randomUUID().toString().substring(0, 6), suffix, suffix,
        UUID.randomUUID().toString().substring(0, 6));
  }
}
