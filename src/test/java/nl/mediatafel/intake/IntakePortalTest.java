package nl.mediatafel.intake;

import static nl.mediatafel.platform.PortalBrowser.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
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
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.portal.PortalLinks;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * From the invitation mail to the mediator's task: a party opens the intake link, confirms the address, saves a
 * draft, submits the questionnaire, and the case process moves on for that party only. The answers reach the case's
 * mediator and never another party.
 */
@MediatafelTest
class IntakePortalTest {

  private static final String ANSWERS = "whatHappened=" + encode("Ruzie over de schutting SECRET-4412")
      + "&whatMatters=" + encode("Rust in de tuin") + "&goodOutcome=" + encode("Een nieuwe schutting samen betalen")
      + "&urgency=MEDIUM&availability=" + encode("Dinsdagavond");

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IntakeAnswerRepository answers;
  @Autowired TestRestTemplate http;

  private ProcessInstance instance;
  private Party jan;
  private Party emma;

  @BeforeEach
  void aCaseInIntakeWithInvitationsSent() throws Exception {
    instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW",
         "preferredRoute": "FACE_TO_FACE", "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.intake@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.intake@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.intake@example.co.uk", "language": "en", "payer": "SELF"}]}
        """, "FACE_TO_FACE", "anna");
    String caseNumber = instance.getBusinessKey();
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
    List<Party> all = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
    jan = all.get(0);
    emma = all.get(1);
  }

  @Test
  void aPartyFillsInTheQuestionnaireFromTheMailAndTheMediatorCanStartTheConversation() throws Exception {
    String link = invitationLinkTo("jan.intake@example.nl");
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);

    HttpResponse<String> form = browser.get(link);
    assertThat(form.body()).contains("Intakevragenlijst", "Concept bewaren");
    HttpResponse<String> draft = browser.post(link, form.body(), "action=draft&whatHappened=" + encode("Eerste opzet"));
    assertThat(draft.statusCode()).isEqualTo(303);
    assertThat(draft.headers().firstValue("Location").orElseThrow()).endsWith("/intake?saved");
    assertThat(browser.get(link + "?saved").body()).contains("Uw concept is bewaard", "Eerste opzet");
    assertThat(conversations()).isEmpty();

    HttpResponse<String> incomplete = browser.post(link, browser.get(link).body(), "action=submit&whatHappened=x");
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("Wat is voor u belangrijk?: is verplicht", "aria-invalid=\"true\"");
    assertThat(conversations()).isEmpty();

    HttpResponse<String> sent = browser.post(link, incomplete.body(), "action=submit&" + ANSWERS);
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(browser.get(link).body()).contains("Uw vragenlijst is verstuurd", "readonly");
    assertThat(conversations()).singleElement().satisfies(task ->
        assertThat(CaseVariables.PARTY_ID.from(taskService, task.getId()).orElse(null))
            .isEqualTo(jan.getId().toString()));

    HttpResponse<String> again = browser.post(link, browser.get(link).body(), "action=submit&whatHappened=anders");
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(answers.findByPartyId(jan.getId()).orElseThrow().asForm().whatHappened())
        .isEqualTo("Ruzie over de schutting SECRET-4412");
    assertThat(conversations()).hasSize(1);
  }

  @Test
  void answersReachTheCasesMediatorAndTheSecretariatButNoOtherParty() throws Exception {
    String janLink = invitationLinkTo("jan.intake@example.nl");
    String emmaLink = invitationLinkTo("emma.intake@example.co.uk");
    PortalBrowser janBrowser = new PortalBrowser(port);
    janBrowser.confirm(janLink);
    janBrowser.post(janLink, janBrowser.get(janLink).body(), "action=submit&" + ANSWERS);

    PortalBrowser emmaBrowser = new PortalBrowser(port);
    emmaBrowser.confirm(emmaLink);
    assertThat(emmaBrowser.get(emmaLink).body()).contains("Intake questionnaire").doesNotContain("SECRET-4412");
    String advisorLink = links.issue(instance.getBusinessKey(), jan.getId(), Audience.ADVISOR, PortalAction.INTAKE).url();
    PortalBrowser advisor = new PortalBrowser(port);
    advisor.confirm(advisorLink);
    assertThat(advisor.get(advisorLink).body()).contains("Vertrouwelijkheid").doesNotContain("SECRET-4412");
    advisor.post(advisorLink.replace("/intake", "/confidentiality"), advisor.get(advisorLink).body(), "accept=yes");
    assertThat(advisor.get(advisorLink).body()).contains("Alleen Jan de Boer zelf").doesNotContain("SECRET-4412");

    String staffPage = "/intake/" + instance.getBusinessKey() + "/" + jan.getId();
    assertThat(http.withBasicAuth("anna", "anna").getForObject(staffPage, String.class)).contains("SECRET-4412");
    assertThat(http.withBasicAuth("sanne", "sanne").getForObject(staffPage, String.class)).contains("SECRET-4412");
    assertThat(http.withBasicAuth("bram", "bram").getForEntity(staffPage, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity(staffPage, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aSafetyConcernIsFlaggedToTheMediatorAndSecretariatWithoutItsContent() throws Exception {
    String link = invitationLinkTo("jan.intake@example.nl");
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    TestMailServer.purge();
    browser.post(link, browser.get(link).body(), "action=submit&" + ANSWERS + "&safetyConcern=true&safetyNote="
        + encode("Hij stond dreigend bij de deur NOTE-991"));

    List<ReceivedMail> flags = Arrays.stream(TestMailServer.received()).map(ReceivedMail::of)
        .toList();
    assertThat(flags).extracting(ReceivedMail::to)
        .containsExactlyInAnyOrder("anna@mediatafel.example", "sanne@mediatafel.example");
    assertThat(flags).allSatisfy(mail -> {
      assertThat(mail.subject()).contains("veiligheid");
      assertThat(mail.text()).doesNotContain("NOTE-991", "SECRET-4412", "Jan de Boer");
    });
    assertThat(answers.findByPartyId(jan.getId()).orElseThrow().asForm().hasSafetyConcern()).isTrue();
  }

  @Test
  void aQuestionnaireSubmittedWhileTheSecretariatFollowsItUpEndsTheFollowUpAndReachesTheMediator() throws Exception {
    String link = invitationLinkTo("jan.intake@example.nl");
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_DEADLINE_TIMER);
    assertThat(followUpOf(jan)).as("the deadline passed: the secretariat follows Jan up").isNotEmpty();

    HttpResponse<String> sent = browser.post(link, browser.get(link).body(), "action=submit&" + ANSWERS);

    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(followUpOf(jan)).as("Jan's follow-up is done").isEmpty();
    assertThat(followUpOf(emma)).as("Emma's is not").hasSize(1);
    assertThat(conversations()).singleElement().satisfies(task -> assertThat(
        CaseVariables.PARTY_ID.from(taskService, task.getId())).contains(jan.getId().toString()));
    assertThat(answers.findByPartyId(jan.getId()).orElseThrow().isSubmitted()).isTrue();
  }

  @Test
  void aQuestionnaireSubmittedAfterTheSecretariatWentOnWithoutItIsKeptForTheFile() throws Exception {
    String link = invitationLinkTo("jan.intake@example.nl");
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(link);
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_DEADLINE_TIMER);
    taskService.complete(followUpOf(jan).get(0).getId(),
        ProcessVariable.map(IntakeProcess.INTAKE_FOLLOW_UP.with("CONTINUE_WITHOUT")));

    HttpResponse<String> sent = browser.post(link, browser.get(link).body(), "action=submit&" + ANSWERS);

    assertThat(sent.statusCode()).as("nobody waits any more, and the submission still stands").isEqualTo(303);
    assertThat(browser.get(link).body()).contains("Uw vragenlijst is verstuurd");
    assertThat(answers.findByPartyId(jan.getId()).orElseThrow().asForm().whatHappened())
        .isEqualTo("Ruzie over de schutting SECRET-4412");
    assertThat(conversations()).as("no conversation for an intake the case went on without").isEmpty();
  }

  private List<org.camunda.bpm.engine.task.Task> followUpOf(Party party) {
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(IntakeProcess.Elements.INTAKE_FOLLOW_UP)
        .processVariableValueEquals(CaseVariables.PARTY_ID.name(), party.getId().toString()).list();
  }

  private List<org.camunda.bpm.engine.task.Task> conversations() {
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(IntakeProcess.Elements.INTAKE_CONVERSATION).list();
  }

  private String invitationLinkTo(String address) {
    return Arrays.stream(TestMailServer.received()).map(ReceivedMail::of)
        .filter(mail -> mail.to().equals(address)).findFirst().orElseThrow().portalLink();
  }
}
