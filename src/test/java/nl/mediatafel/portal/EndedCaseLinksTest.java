package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.cases.TerminationProcess;
import nl.mediatafel.closing.ClosingProcess;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.StaffBrowser;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Links end with the case, whichever way it ends: closed, terminated after a party withdrew, stopped at intake,
 * referred at triage. Every link the parties got by mail then gives the neutral page, also in a browser that had
 * confirmed its code; the staff page shows them revoked; and a new link asked for on a page opened before the end is
 * refused with a visible message (and a JSON answer naming the reason), with nothing mailed. Mediatafel has no
 * evaluation page (the evaluation mail asks parties to contact the secretariat), so no link works after the end.
 * Links come from the mails the parties received, never from the database.
 */
@MediatafelTest
class EndedCaseLinksTest extends ProcessScenario {

  @LocalServerPort int port;
  @Autowired MediationCaseRepository cases;
  @Autowired org.springframework.context.MessageSource messages;

  private String run;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
    run = UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void aClosedCaseKeepsNoWorkingLink() throws Exception {
    ProcessInstance instance = invited();
    Map<String, String> links = invitationLinks();
    PortalBrowser jan = confirmedBrowser(links);
    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    String pageBeforeTheEnd = sanne.get("/portal-links/" + instance.getBusinessKey()).body();

    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(MediationCaseProcess.Elements.CLOSING)
        .cancelAllForActivity(MediationCaseProcess.Elements.INTAKE + "#multiInstanceBody")
        .execute();
    ProcessJobs.executeAt(managementService, instance, ClosingProcess.Elements.MAKE_COST_STATEMENT);
    ProcessJobs.executeAt(managementService, instance, ClosingProcess.Elements.COST_STATEMENT_MAIL);
    ProcessJobs.executeAt(managementService, instance, ClosingProcess.Elements.EVALUATION_MAIL);
    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.CLOSED);
    assertThat(received()).as("cost statement and evaluation mails carry no link")
        .allSatisfy(mail -> assertThat(mail.text()).doesNotContain("/portal/"));

    assertEnded(instance.getBusinessKey(), "CLOSED", links, jan, sanne, pageBeforeTheEnd);
  }

  @Test
  void aTerminatedCaseKeepsNoWorkingLink() throws Exception {
    ProcessInstance instance = invited();
    Map<String, String> links = invitationLinks();
    PortalBrowser jan = confirmedBrowser(links);
    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    String pageBeforeTheEnd = sanne.get("/portal-links/" + instance.getBusinessKey()).body();

    String janLink = links.get(address("jan"));
    String base = janLink.replaceFirst("(/portal/[^/]+).*$", "$1");
    HttpResponse<String> withdrawPage = jan.get(base + "/withdraw");
    assertThat(jan.post(base + "/withdraw", withdrawPage.body(), "confirm=yes").statusCode()).isEqualTo(200);
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.CANCEL_PLANNED_SESSIONS);
    ProcessJobs.executeAt(managementService, instance, TerminationProcess.Elements.TERMINATION_MAIL);
    assertThat(new PortalBrowser(port).get(links.get(address("emma"))).statusCode())
        .as("the other party's link works until the termination is recorded").isEqualTo(200);
    taskService.complete(task(instance, TerminationProcess.Elements.RECORD_TERMINATION).getId(),
        ProcessVariable.map(TerminationProcess.TERMINATION_REASON.with("PARTY_WITHDREW"),
            MediationCaseProcess.REFER_BACK.with(false)));
    assertThat(instance).as("no hours spent: no cost statement").isEnded()
        .hasPassed(MediationCaseProcess.Elements.TERMINATED);
    assertThat(passedInCase(instance, TerminationProcess.Elements.TERMINATION_COST_STATEMENT)).isFalse();

    assertEnded(instance.getBusinessKey(), "TERMINATED", links, jan, sanne, pageBeforeTheEnd);
  }

  @Test
  void aCaseStoppedAtIntakeKeepsNoWorkingLink() throws Exception {
    ProcessInstance instance = invited();
    Map<String, String> links = invitationLinks();
    PortalBrowser jan = confirmedBrowser(links);
    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    String pageBeforeTheEnd = sanne.get("/portal-links/" + instance.getBusinessKey()).body();

    for (Job timer : timers(instance, IntakeProcess.Elements.INTAKE_DEADLINE_TIMER)) {
      managementService.executeJob(timer.getId());
    }
    String followUp = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(IntakeProcess.Elements.INTAKE_FOLLOW_UP).list().get(0).getId();
    taskService.complete(followUp, ProcessVariable.map(IntakeProcess.INTAKE_FOLLOW_UP.with(IntakeProcess.STOP)));
    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.STOPPED);

    assertEnded(instance.getBusinessKey(), "STOPPED", links, jan, sanne, pageBeforeTheEnd);
  }

  @Test
  void aReferredCaseNeverHadALinkAndGetsNone() throws Exception {
    String caseNumber = registerCase(2, "NEIGHBOURS", "NO_PREFERENCE", "refer-" + run + "-");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
    taskService.complete(task(instance, MediationCaseProcess.Elements.TRIAGE).getId(), Map.of(
        MediationCaseProcess.TRIAGE_DECISION.name(), MediationCaseProcess.REFER,
        MediationCaseProcess.SUITABILITY_JUDGEMENT.name(), "Strafrechtelijke kwestie",
        "referralReason", "Wij verwijzen u naar het Juridisch Loket."));
    ProcessJobs.executeAt(managementService, instance, MediationCaseProcess.Elements.REFERRAL_MAIL);
    assertThat(instance).isEnded().hasPassed(MediationCaseProcess.Elements.REFERRED);

    List<ReceivedMail> mails = received();
    assertThat(mails).hasSize(2).allSatisfy(mail -> {
      assertThat(mail.subject()).contains(caseNumber);
      assertThat(mail.text()).as("a referral carries no link").doesNotContain("/portal/");
    });
    HttpResponse<String> page = new StaffBrowser(port, "sanne").get("/portal-links/" + caseNumber);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Dit dossier is beëindigd (Doorverwezen)",
        "Er zijn nog geen persoonlijke links voor dit dossier.").doesNotContain("/renew");
  }

  // --- steps

  /** A case in intake whose invitations went out by mail. */
  private ProcessInstance invited() {
    ProcessInstance instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW", "preferredRoute": "FACE_TO_FACE",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.ended.%1$s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.ended.%1$s@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.ended.%1$s@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """.formatted(run), "FACE_TO_FACE", "anna");
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
    return instance;
  }

  private String address(String who) {
    return who + ".ended." + run + "@example." + (who.equals("emma") ? "co.uk" : "nl");
  }

  /** The link in each party's invitation, by address. */
  private Map<String, String> invitationLinks() {
    Map<String, String> links = new LinkedHashMap<>();
    for (ReceivedMail mail : received()) {
      links.put(mail.to(), mail.portalLink());
    }
    assertThat(links).containsOnlyKeys(address("jan"), address("emma"));
    TestMailServer.purge();
    return links;
  }

  /** Jan's browser, confirmed with the code from his mail: the link works there before the end. */
  private PortalBrowser confirmedBrowser(Map<String, String> links) throws Exception {
    PortalBrowser jan = new PortalBrowser(port);
    jan.confirm(links.get(address("jan")));
    HttpResponse<String> intake = jan.get(links.get(address("jan")));
    assertThat(intake.statusCode()).isEqualTo(200);
    assertThat(intake.body()).contains("Intakevragenlijst").doesNotContain("Bevestig uw e-mailadres");
    TestMailServer.purge();
    return jan;
  }

  private void assertEnded(String caseNumber, String status, Map<String, String> links, PortalBrowser confirmed,
      StaffBrowser sanne, String pageBeforeTheEnd) throws Exception {
    assertThat(cases.findById(caseNumber).orElseThrow().getStatus().name()).isEqualTo(status);
    for (String link : links.values()) {
      HttpResponse<String> fresh = new PortalBrowser(port).get(link);
      assertThat(fresh.statusCode()).as("%s after %s", link, status).isEqualTo(404);
      assertThat(fresh.body()).contains("Deze link werkt niet").doesNotContain(caseNumber);
      assertThat(confirmed.get(link).statusCode()).as("also where the code was confirmed").isEqualTo(404);
    }
    assertThat(confirmed.get(links.get(address("jan")).replaceFirst("/intake$", "")).statusCode()).isEqualTo(404);

    HttpResponse<String> page = sanne.get("/portal-links/" + caseNumber);
    String words = messages.getMessage("cases.status." + status, null, Locale.forLanguageTag("nl"));
    assertThat(page.body()).as("the status in words, not its code").contains("Dit dossier is beëindigd (" + words + ")")
        .doesNotContain("/renew", "(" + status + ")");
    for (String link : links.values()) {
      assertThat(StaffBrowser.linkRow(page.body(), link)).contains("ingetrokken op");
    }

    TestMailServer.purge();
    String janRow = StaffBrowser.linkRowId(pageBeforeTheEnd, links.get(address("jan")));
    String emmaRow = StaffBrowser.linkRowId(pageBeforeTheEnd, links.get(address("emma")));
    HttpResponse<String> refused = sanne.post("/portal-links/" + caseNumber + "/" + emmaRow + "/renew",
        pageBeforeTheEnd, "");
    assertThat(refused.statusCode()).as("a form from before the end").isEqualTo(409);
    assertThat(refused.body()).contains("Er is geen nieuwe link gestuurd: dit dossier is beëindigd ("
        + words + ")");
    HttpResponse<String> api = sanne.post("/portal-links/" + caseNumber + "/" + janRow + "/renew", pageBeforeTheEnd,
        "", "application/json");
    assertThat(api.statusCode()).isEqualTo(409);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(api.body()).contains("\"reason\":\"CASE_ENDED\"", "\"caseStatus\":\"" + status + "\"");
    assertThat(received()).as("nothing mailed").isEmpty();
    HttpResponse<String> after = sanne.get("/portal-links/" + caseNumber);
    assertThat(after.body().split("id=\"link-", -1)).as("no new link made").hasSize(links.size() + 1);
  }

  private static List<ReceivedMail> received() {
    return Arrays.stream(TestMailServer.received()).map(ReceivedMail::of).toList();
  }
}
