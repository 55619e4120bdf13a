package nl.mediatafel.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.StaffAccounts;
import nl.mediatafel.platform.StaffBrowser;
import nl.mediatafel.platform.WebappBrowser;
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.portal.PortalLinks;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dossier {@code /cases/{number}} through real HTTP, of a case driven through the steps users take: a request by
 * {@code POST /api/cases}, the secretariat's triage through the engine's REST API (as Tasklist does), a party that
 * opens the portal, confirms the code and submits the intake questionnaire, the mediator who reads the answers.
 */
@MediatafelTest
class DossierTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "Ruzie over de schutting DOSSIER-SECRET-7781";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient client = HttpClient.newHttpClient();
  private String run;
  private String secretary;
  private String mediator;
  private String otherMediator;
  private String caseNumber;
  private Party jan;

  @BeforeEach
  void aCaseDrivenThroughRealSteps() throws Exception {
    run = UUID.randomUUID().toString().substring(0, 8);
    secretary = StaffAccounts.create(identityService, "dossec" + run, StaffGroup.SECRETARIAT);
    mediator = StaffAccounts.create(identityService, "dosmed" + run, StaffGroup.MEDIATORS);
    otherMediator = StaffAccounts.create(identityService, "dosother" + run, StaffGroup.MEDIATORS);

    HttpResponse<String> created = client.send(HttpRequest.newBuilder(uri("/api/cases"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW",
             "preferredRoute": "FACE_TO_FACE", "safetyConcern": false,
             "parties": [{"name": "Jan de Boer", "email": "jan.dossier.%1$s@example.nl", "language": "nl",
                          "payer": "LEGAL_AID"},
                         {"name": "Emma Clarke", "email": "emma.dossier.%1$s@example.co.uk", "language": "en",
                          "payer": "SELF"}]}
            """.formatted(run))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    caseNumber = JSON.readTree(created.body()).get("caseNumber").asText();

    JsonNode tasks = JSON.readTree(send(secretary, HttpRequest.newBuilder(
        uri("/engine-rest/task?processInstanceBusinessKey=" + caseNumber))).body());
    assertThat(tasks.size()).isEqualTo(1);
    String variables = JSON.writeValueAsString(Map.of("variables", Map.of(
        MediationCaseProcess.TRIAGE_DECISION.name(), Map.of("value", MediationCaseProcess.ACCEPT),
        MediationCaseProcess.SUITABILITY_JUDGEMENT.name(), Map.of("value", "Past"),
        MediationCaseProcess.ROUTE.name(), Map.of("value", "FACE_TO_FACE"),
        CaseVariables.MEDIATOR.name(), Map.of("value", mediator),
        MediationCaseProcess.HOURLY_RATE.name(), Map.of("value", 120.0, "type", "Double"))));
    HttpResponse<String> completed = send(secretary, HttpRequest.newBuilder(
        uri("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(variables)));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
    jan = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).get(0);
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.INTAKE).url();
    PortalBrowser party = new PortalBrowser(port);
    party.confirm(link);
    HttpResponse<String> submitted = party.post(link, party.get(link).body(), "action=submit&whatHappened="
        + encode(SECRET) + "&whatMatters=" + encode("Rust") + "&goodOutcome=" + encode("Samen betalen")
        + "&urgency=MEDIUM&availability=" + encode("Dinsdagavond"));
    assertThat(submitted.statusCode()).isEqualTo(303);
  }

  @Test
  void theSecretariatSeesTheDossierWithTheTimelineOfEveryStep() throws Exception {
    HttpResponse<String> answers = new StaffBrowser(port, mediator).get("/intake/" + caseNumber + "/" + jan.getId());
    assertThat(answers.statusCode()).isEqualTo(200);
    assertThat(answers.body()).contains(SECRET);

    WebappBrowser browser = WebappBrowser.loggedInToTasklist(port, secretary);
    HttpResponse<String> page = browser.get("/cases/" + caseNumber, "nl");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    String body = page.body();
    assertThat(body).contains("<html lang=\"nl\"", "<h1>Dossier " + caseNumber + "</h1>", "<main",
        "<th scope=\"col\"", "Jan de Boer", "Emma Clarke", "Toevoeging", "Aan tafel", mediator,
        "href=\"/portal-links/" + caseNumber + "\"", "Uitnodiging", "Tijdlijn")
        .doesNotContain("<script", SECRET);
    String timeline = body.substring(body.indexOf("id=\"tijdlijn\""));
    assertThat(row(timeline, "Taak afgerond: Aanmelding beoordelen")).contains(secretary);
    assertThat(row(timeline, "Portaal geopend met persoonlijke link")).contains("partij Jan de Boer");
    assertThat(row(timeline, "E-mailadres bevestigd met code")).contains("partij Jan de Boer");
    assertThat(row(timeline, "Intakeantwoorden ingezien (partij Jan de Boer)")).contains(mediator);
    assertThat(timeline).contains("data-source=\"process\"");
    assertThat(timeline.indexOf("Intakeantwoorden ingezien")).as("newest first")
        .isLessThan(timeline.indexOf("Taak afgerond: Aanmelding beoordelen"));

    HttpResponse<String> english = browser.get("/cases/" + caseNumber, "en");
    assertThat(english.body()).contains("<html lang=\"en\"", "<h1>Case " + caseNumber + "</h1>", "Timeline",
        "Intake answers read (party Jan de Boer)");

    HttpResponse<String> capped = browser.get("/cases/" + caseNumber + "?entries=2", "nl");
    assertThat(capped.body().split("data-source=").length - 1).isEqualTo(2);
    assertThat(capped.body()).contains("Oudere stappen tonen",
        "href=\"/cases/" + caseNumber + "?entries=52#tijdlijn\"");
  }

  @Test
  void aMediatorsViewOfIntakeAnswersIsAnEventWithoutTheAnswers() throws Exception {
    assertThat(new StaffBrowser(port, mediator).get("/intake/" + caseNumber + "/" + jan.getId()).statusCode())
        .isEqualTo(200);

    List<Map<String, Object>> views = jdbc.queryForList("select actor, reference from case_event"
        + " where case_number = ? and kind = 'INTAKE_ANSWERS_VIEWED'", caseNumber);
    assertThat(views).hasSize(1);
    assertThat(views.get(0).get("actor")).isEqualTo(mediator);
    assertThat(views.get(0).get("reference")).isEqualTo(jan.getId().toString());
    List<Map<String, Object>> all = jdbc.queryForList("select * from case_event where case_number = ?", caseNumber);
    assertThat(all).extracting(row -> row.get("kind").toString())
        .contains("PORTAL_VISIT", "CODE_CONFIRMED", "INTAKE_ANSWERS_VIEWED");
    assertThat(all.toString()).doesNotContain("DOSSIER-SECRET", "schutting", "Dinsdagavond");
  }

  @Test
  void anotherMediatorGetsTheSameNotFoundPageAsForANumberThatDoesNotExist() throws Exception {
    assertThat(new StaffBrowser(port, mediator).get("/cases/" + caseNumber).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = new StaffBrowser(port, otherMediator).get("/cases/" + caseNumber);
    String unknownNumber = "MED-2099-9999";
    HttpResponse<String> unknown = new StaffBrowser(port, otherMediator).get("/cases/" + unknownNumber);
    HttpResponse<String> unknownForSecretary = new StaffBrowser(port, secretary).get("/cases/" + unknownNumber);

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknownForSecretary.statusCode()).isEqualTo(404);
    assertThat(refused.body()).contains("Dossier niet gevonden").doesNotContain("Jan de Boer", mediator, "Tijdlijn");
    assertThat(refused.body().replace(caseNumber, "#")).isEqualTo(unknown.body().replace(unknownNumber, "#"));
    assertThat(unknownForSecretary.body()).contains("Er is geen dossier " + unknownNumber);
    assertThat(new StaffBrowser(port, otherMediator).get("/cases/%3Cscript%3E").statusCode()).isEqualTo(404);
    assertThat(new StaffBrowser(port, null).get("/cases/" + caseNumber).statusCode()).isEqualTo(401);
  }

  private static String row(String html, String text) {
    int at = html.indexOf(text);
    assertThat(at).as("timeline has: " + text).isNotNegative();
    return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
  }

  private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
    return client.send(request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }


  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
