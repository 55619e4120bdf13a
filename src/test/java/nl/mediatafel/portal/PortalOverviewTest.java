package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.sessions.Session;
import nl.mediatafel.sessions.SessionKind;
import nl.mediatafel.sessions.SessionPlanning;
import nl.mediatafel.signing.SigningProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case overview a link opens after the code: status and stage in words, the party's next step with its deadline
 * from the waiting process, the mediator, the case's documents (readable as PDF, none of another case) and the
 * upcoming sessions the holder may see. An advisor first confirms confidentiality, then reads along: documents and
 * joint sessions, never a caucus, never the intake.
 */
@MediatafelTest
class PortalOverviewTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DocumentService documents;
  @Autowired SessionPlanning planning;
  @Autowired JdbcTemplate jdbc;

  private ProcessInstance instance;
  private String caseNumber;
  private Party jan;
  private Party emma;
  private StoredDocument agreement;
  private StoredDocument otherCasesDocument;
  private final List<ProcessInstance> started = new ArrayList<>();

  @BeforeEach
  void aCaseInIntakeWithDocumentsAndSessions() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW",
         "preferredRoute": "FACE_TO_FACE", "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.overview.%1$s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.overview.%1$s@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.overview.%1$s@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """.formatted(run), "FACE_TO_FACE", "anna");
    caseNumber = instance.getBusinessKey();
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
    List<Party> all = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
    jan = all.get(0);
    emma = all.get(1);
    agreement = agreement(caseNumber);
    otherCasesDocument = agreement(CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Heg", "escalation": "LOW", "preferredRoute": "FACE_TO_FACE",
         "safetyConcern": false,
         "parties": [{"name": "Piet", "email": "piet.%1$s@example.nl", "language": "nl", "payer": "SELF"},
                     {"name": "Klaas", "email": "klaas.%1$s@example.nl", "language": "nl", "payer": "SELF"}]}
        """.formatted(run), "FACE_TO_FACE", "bram").getBusinessKey());

    Instant tomorrow = TestClock.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    planning.plan(caseNumber, SessionKind.JOINT, null, tomorrow, tomorrow.plusSeconds(7200), "Zaal Gezamenlijk");
    planning.plan(caseNumber, SessionKind.CAUCUS, jan.getId(), tomorrow.plus(1, ChronoUnit.DAYS),
        tomorrow.plus(1, ChronoUnit.DAYS).plusSeconds(3600), "Kamer Jan Apart");
    planning.plan(caseNumber, SessionKind.CAUCUS, emma.getId(), tomorrow.plus(2, ChronoUnit.DAYS),
        tomorrow.plus(2, ChronoUnit.DAYS).plusSeconds(3600), "Kamer Emma Apart");
    Session cancelled = planning.plan(caseNumber, SessionKind.JOINT, null, tomorrow.plus(3, ChronoUnit.DAYS),
        tomorrow.plus(3, ChronoUnit.DAYS).plusSeconds(3600), "Zaal Afgelast");
    planning.cancel(cancelled.getId());
  }

  @AfterEach
  void stopSigning() {
    started.forEach(p -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(p.getId()).count() > 0) {
        runtimeService.deleteProcessInstance(p.getId(), "test done", true, true);
      }
    });
  }

  @Test
  void aPartySeesStageNextStepMediatorDocumentsAndTheirOwnSessions() throws Exception {
    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);

    String page = browser.get(link).body();
    Execution waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .activityId(IntakeProcess.Elements.WAIT_FOR_INTAKE)
        .variableValueEquals(CaseVariables.PARTY_ID.name(), jan.getId().toString()).singleResult();
    Date deadline = IntakeProcess.PARTY_INTAKE_DEADLINE.required(runtimeService, waiting.getId());
    String deadlineText = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.forLanguageTag("nl"))
        .withZone(AMSTERDAM).format(deadline.toInstant());
    assertThat(page).contains(
        "De intake loopt", "Intake: elke partij vult de vragenlijst in",
        "Vul de intakevragenlijst in vóór " + deadlineText, "/intake\"",
        "Anna de Vries",
        "/portal/" + token(link) + "/documents/" + agreement.id(), "Mediationovereenkomst – versie 1",
        "Zaal Gezamenlijk", "Gezamenlijke bijeenkomst", "Kamer Jan Apart", "Apart gesprek met de mediator",
        "/advisor-consultation\"", "/withdraw\"", "Alle tijden zijn Nederlandse tijd (Amsterdam).");
    assertThat(page).doesNotContain("Kamer Emma Apart", "Zaal Afgelast", otherCasesDocument.id().toString());
    assertThat(page).as("nothing waits for a signature, and a case at the table has no forum")
        .doesNotContain(">Ondertekenen</a>", "/sign\"", ">Discussieforum</a>", "/forum\"");

    HttpResponse<byte[]> pdf = browser.getBytes(link + "/documents/" + agreement.id());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(pdf.body()).isEqualTo(agreement.content());
    assertThat(browser.getBytes(link + "/documents/" + otherCasesDocument.id()).statusCode()).isEqualTo(404);
    assertThat(browser.getBytes(link + "/documents/not-a-uuid").statusCode()).isEqualTo(404);
    assertThat(new PortalBrowser(port).getBytes(link + "/documents/" + agreement.id()).statusCode())
        .as("a browser that did not confirm gets no document").isEqualTo(404);
  }

  @Test
  void theOverviewSpeaksEnglishToAnEnglishParty() throws Exception {
    String link = links.issue(caseNumber, emma.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    String page = browser.get(link).body();
    assertThat(page).contains("<html lang=\"en\"", "Fill in the intake questionnaire before", "Kamer Emma Apart",
        "Joint session", "All times are Dutch time (Amsterdam, the Netherlands).")
        .doesNotContain("Kamer Jan Apart", "??");
  }

  @Test
  void aSignerSeesTheDocumentToSignAndItsDeadline() throws Exception {
    Map<String, Object> variables = new HashMap<>();
    SigningProcess.DOCUMENT_ID.putIn(variables, agreement.id().toString());
    SigningProcess.DOCUMENT_TYPE.putIn(variables, agreement.documentType());
    SigningProcess.PARTY_IDS.putIn(variables, new ArrayList<>(List.of(jan.getId().toString())));
    CaseVariables.MEDIATOR.putIn(variables, "anna");
    ProcessInstance signing = runtimeService.startProcessInstanceByKey(SigningProcess.KEY, caseNumber, variables);
    started.add(signing);
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    Date deadline = SigningProcess.SIGNING_DEADLINE.required(runtimeService, signing.getId());

    String link = links.issue(caseNumber, jan.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    String page = browser.get(link).body();
    assertThat(page).contains("Lees en onderteken de Mediationovereenkomst vóór "
        + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.forLanguageTag("nl")).withZone(AMSTERDAM)
        .format(deadline.toInstant()), "/sign\"", ">Ondertekenen</a>");
  }

  @Test
  void anOnlineCaseOffersTheForum() throws Exception {
    ProcessInstance online = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "LABOUR", "summary": "Werktijden", "escalation": "LOW", "preferredRoute": "ONLINE_ASYNC",
         "safetyConcern": false,
         "parties": [{"name": "Iris", "email": "iris.%1$s@example.nl", "language": "nl", "payer": "SELF"},
                     {"name": "Omar", "email": "omar.%1$s@example.nl", "language": "nl", "payer": "SELF"}]}
        """.formatted(UUID.randomUUID().toString().substring(0, 6)), "ONLINE_ASYNC", "anna");
    Party iris = parties.findByMediationCaseCaseNumberOrderByPosition(online.getBusinessKey()).get(0);
    String link = links.issue(online.getBusinessKey(), iris.getId(), Audience.PARTY, PortalAction.CASE).url();
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    assertThat(browser.get(link).body()).contains(">Discussieforum</a>", "/forum\"")
        .doesNotContain(">Ondertekenen</a>");
  }

  @Test
  void anAdvisorConfirmsConfidentialityFirstAndThenReadsDocumentsAndJointSessionsOnly() throws Exception {
    String link = links.issue(caseNumber, jan.getId(), Audience.ADVISOR, PortalAction.CASE).url();
    PortalBrowser advisor = new PortalBrowser(port);
    advisor.confirm(link);

    HttpResponse<String> first = advisor.get(link);
    assertThat(first.body()).contains("Vertrouwelijkheid", "adviseur van Jan de Boer")
        .doesNotContain(caseNumber, "Zaal Gezamenlijk", agreement.id().toString());
    assertThat(advisor.get(link + "/sign").body()).contains("Vertrouwelijkheid").doesNotContain(caseNumber);
    assertThat(advisor.get(link + "/intake").body()).contains("Vertrouwelijkheid").doesNotContain(caseNumber);
    assertThat(advisor.getBytes(link + "/documents/" + agreement.id()).statusCode()).isEqualTo(404);

    HttpResponse<String> notTicked = advisor.post(link + "/confidentiality", first.body(), "");
    assertThat(notTicked.statusCode()).isEqualTo(400);
    assertThat(notTicked.body()).contains("Vink aan dat u de vertrouwelijkheid bevestigt");
    assertThat(confirmations()).isEmpty();
    HttpResponse<String> ticked = advisor.post(link + "/confidentiality", first.body(), "accept=yes");
    assertThat(ticked.statusCode()).isEqualTo(303);
    List<Map<String, Object>> recorded = confirmations();
    assertThat(recorded).singleElement().satisfies(row -> {
      assertThat(row.get("ADVISOR_EMAIL")).isEqualTo(jan.getAdvisorEmail());
      assertThat(row.get("CONFIRMED_AT")).isNotNull();
    });

    String page = advisor.get(link).body();
    assertThat(page).contains("als adviseur van Jan de Boer", "U leest mee", "Zaal Gezamenlijk",
        "/documents/" + agreement.id())
        .doesNotContain("Kamer Jan Apart", "Kamer Emma Apart", "Vul de intakevragenlijst", "/withdraw\"",
            "/advisor-consultation\"");
    assertThat(advisor.getBytes(link + "/documents/" + agreement.id()).statusCode()).isEqualTo(200);
    assertThat(advisor.get(link + "/intake").body()).contains("Alleen Jan de Boer zelf");

    String secondLink = links.issue(caseNumber, jan.getId(), Audience.ADVISOR, PortalAction.SIGN).url();
    PortalBrowser laptop = new PortalBrowser(port);
    laptop.confirm(secondLink);
    assertThat(laptop.get(secondLink).body()).as("the same advisor confirms confidentiality once")
        .contains("Ondertekenen", "Alleen Jan de Boer zelf ondertekent");
    assertThat(confirmations()).hasSize(1);
  }

  private List<Map<String, Object>> confirmations() {
    return jdbc.queryForList("select advisor_email, confirmed_at from advisor_confidentiality where party_id = ?",
        jan.getId());
  }

  private StoredDocument agreement(String caseNumber) {
    Map<String, Object> model = new HashMap<>();
    model.put("mediator", "Anna de Vries");
    model.put("route", "FACE_TO_FACE");
    model.put("hourlyRate", 135);
    model.put("documentDate", LocalDate.of(2026, 3, 5));
    model.put("parties", List.of(Map.of("name", "Jan de Boer", "payer", "SELF"),
        Map.of("name", "Emma Clarke", "payer", "SELF")));
    return documents.generate(caseNumber, "MEDIATION_AGREEMENT", "mediation-agreement", Locale.forLanguageTag("nl"),
        model);
  }

  private static String token(String link) {
    return link.substring(link.indexOf("/portal/") + "/portal/".length()).replaceFirst("/.*$", "");
  }
}
