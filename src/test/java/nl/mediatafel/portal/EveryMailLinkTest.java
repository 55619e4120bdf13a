package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.forum.OnlineMediationProcess;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.mail.MailRenderer;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PortalBrowser;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.StaffBrowser;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.settlement.SettlementProcess;
import nl.mediatafel.signing.SigningProcess;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every link in every mail the product sends to a party or an advisor opens its page: each kind of mail is made the
 * way users make it (triage, timers, the mediator posting on the staff forum page, the secretariat renewing a link on
 * {@code /portal-links}), its link is taken from the mail as it arrived at the mail server and opened in a fresh
 * browser, which confirms the code from the code mail (and, for an advisor, confidentiality) and then gets the page,
 * not the neutral 404; and the link is listed on {@code /portal-links/{case}} (matched by its fingerprint, the start of
 * the token's hash), with its page and its last use. The mails without a personal link are listed too, so a new
 * mail must be put in one of the two lists.
 */
@MediatafelTest
class EveryMailLinkTest extends ProcessScenario {

  /** The mails with a personal link, and the page (staff label) it opens. */
  static final Map<String, String> WITH_LINK = Map.of(
      "intake-invitation", "Intakevragenlijst",
      "intake-reminder", "Intakevragenlijst",
      "settlement-review", "Overzicht",
      "signing-request", "Ondertekenen",
      "signing-reminder", "Ondertekenen",
      "forum-message", "Discussieforum",
      "forum-reminder", "Discussieforum",
      "portal-link-renewed", "Intakevragenlijst");

  /**
   * The mails without a personal link: to staff (with a link to the Tasklist or a staff page), or to parties with
   * nothing to do in the portal (the code itself, a referral, an ended case, a calendar item).
   */
  static final Set<String> WITHOUT_LINK = Set.of("portal-code", "referral", "case-terminated", "cost-statement",
      "cost-statement-ended", "evaluation", "settlement-signed", "settlement-review-extended", "session-invitation",
      "session-reminder", "session-cancelled", "case-ended-session-cancelled", "mediation-can-start",
          "deadline-passed", "forum-message-mediator",
      "intake-safety-flag", "advisor-consultation", "coaching-welcome", "coaching-assigned", "coaching-referral",
      "coaching-closed", "coaching-converted");

  @LocalServerPort int port;

  private String run;
  private final Set<String> followed = new TreeSet<>();

  @BeforeEach
  void setUp() {
    TestMailServer.purge();
    run = UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void everyMailIsEitherWithALinkThatThisTestFollowsOrWithoutOne() {
    Set<String> both = new TreeSet<>(WITH_LINK.keySet());
    both.retainAll(WITHOUT_LINK);
    assertThat(both).isEmpty();
    Set<String> all = new TreeSet<>(WITH_LINK.keySet());
    all.addAll(WITHOUT_LINK);
    assertThat(all).isEqualTo(MailRenderer.knownTemplates());
  }

  @Test
  void everyLinkOfEveryMailToAPartyOrAdvisorOpensItsPageAndIsListed() throws Exception {
    // intake: invitation, reminder, a renewed link
    ProcessInstance intake = CaseFixtures.inIntake(requests, runtimeService, taskService, request("intake",
        "FACE_TO_FACE"), "FACE_TO_FACE", "anna");
    ProcessJobs.executeAt(managementService, intake, IntakeProcess.Elements.INTAKE_INVITATION);
    List<ReceivedMail> invitations = follow("intake-invitation", intake.getBusinessKey(), 2);
    ProcessJobs.executeAt(managementService, intake, IntakeProcess.Elements.INTAKE_REMINDER_TIMER);
    ProcessJobs.executeAt(managementService, intake, IntakeProcess.Elements.INTAKE_REMINDER_MAIL);
    follow("intake-reminder", intake.getBusinessKey(), 2);
    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    String linksPage = sanne.get("/portal-links/" + intake.getBusinessKey()).body();
    String emmaInvitation = invitations.stream().filter(mail -> mail.to().startsWith("emma")).findFirst()
        .orElseThrow().portalLink();
    assertThat(sanne.post("/portal-links/" + intake.getBusinessKey() + "/"
        + StaffBrowser.linkRowId(linksPage, emmaInvitation) + "/renew", linksPage, "").statusCode()).isEqualTo(303);
    follow("portal-link-renewed", intake.getBusinessKey(), 1);

    // settlement: the draft for review (parties and the advisor), signing request and reminder
    ProcessInstance settlement = CaseFixtures.atSessions(requests, runtimeService, taskService,
        request("settle", "FACE_TO_FACE"), "FACE_TO_FACE", "anna");
    ProcessJobs.executeAt(managementService, settlement, MediationCaseProcess.Elements.FACE_TO_FACE);
    holdJointSessionAtTheTable(called(settlement, FaceToFaceProcess.KEY), 1.0, FaceToFaceProcess.AGREEMENT);
    TestMailServer.purge();
    taskService.complete(task(settlement, SettlementProcess.Elements.DRAFT_SETTLEMENT).getId(),
        ProcessVariable.map(SettlementProcess.SETTLEMENT_POINTS.with("Jan snoeit de takken voor 1 maart.")));
    ProcessJobs.executeAt(managementService, settlement, SettlementProcess.Elements.MAKE_SETTLEMENT);
    ProcessJobs.executeAt(managementService, settlement, SettlementProcess.Elements.SETTLEMENT_REVIEW_MAIL);
    follow("settlement-review", settlement.getBusinessKey(), 3);
    ProcessJobs.executeAt(managementService, settlement, SettlementProcess.Elements.REVIEW_PERIOD_TIMER);
    ProcessJobs.executeAt(managementService, settlement, SettlementProcess.Elements.SIGN_SETTLEMENT);
    ProcessInstance signing = called(settlement, SigningProcess.KEY);
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.SIGNING_REQUEST_MAIL);
    follow("signing-request", settlement.getBusinessKey(), 2);
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.REMINDER_TIMER);
    ProcessJobs.executeAt(managementService, signing, SigningProcess.Elements.REMINDER_MAIL);
    follow("signing-reminder", settlement.getBusinessKey(), 2);

    // online: the mediator posts in the joint thread; a forum round's reminder
    ProcessInstance online = CaseFixtures.atSessions(requests, runtimeService, taskService,
        request("forum", "ONLINE_ASYNC"), "ONLINE_ASYNC", "anna");
    ProcessJobs.executeAt(managementService, online, MediationCaseProcess.Elements.ONLINE);
    ProcessInstance forum = called(online, OnlineMediationProcess.KEY);
    StaffBrowser anna = new StaffBrowser(port, "anna");
    String forumPage = "/forum/" + online.getBusinessKey();
    assertThat(anna.post(forumPage, anna.get(forumPage).body(), "thread=JOINT&text="
        + PortalBrowser.encode("Welkom allemaal")).statusCode()).isEqualTo(303);
    follow("forum-message", online.getBusinessKey(), 2);
    taskService.complete(task(forum, OnlineMediationProcess.Elements.OPEN_FORUM_ROUND).getId(),
        ProcessVariable.map(OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.with(2L)));
    TestMailServer.purge();
    List<Job> reminders = timers(forum, OnlineMediationProcess.Elements.REACTION_REMINDER_TIMER);
    assertThat(reminders).isNotEmpty();
    reminders.forEach(job -> managementService.executeJob(job.getId()));
    ProcessJobs.executeAt(managementService, forum, OnlineMediationProcess.Elements.REACTION_REMINDER_MAIL);
    follow("forum-reminder", online.getBusinessKey(), 2);

    assertThat(followed).as("every kind of mail with a link was followed").isEqualTo(WITH_LINK.keySet());
  }

  // --- steps

  private String request(String stage, String route) {
    return """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW", "preferredRoute": "%2$s",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.%3$s.%1$s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.%3$s.%1$s@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.%3$s.%1$s@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """.formatted(run, route, stage);
  }

  /**
   * The mails that arrived for the parties and advisors of the case ({@code count} of them, each with a link), each
   * link opened in a fresh browser up to its page, and found on the staff page of the case's links.
   */
  private List<ReceivedMail> follow(String template, String caseNumber, int count) throws Exception {
    List<ReceivedMail> mails = Arrays.stream(TestMailServer.received()).map(ReceivedMail::of)
        .filter(mail -> mail.subject().contains(caseNumber) && !mail.to().endsWith("@mediatafel.example"))
        .toList();
    TestMailServer.purge();
    assertThat(mails).as("%s mails of %s", template, caseNumber).hasSize(count);
    Map<String, String> links = new LinkedHashMap<>();
    for (ReceivedMail mail : mails) {
      links.put(mail.to(), mail.portalLink());
    }
    for (Map.Entry<String, String> entry : links.entrySet()) {
      String link = entry.getValue();
      boolean advisor = entry.getKey().startsWith("smit.");
      PortalBrowser browser = new PortalBrowser(port);
      HttpResponse<String> first = browser.get(link);
      assertThat(first.statusCode()).as("%s: %s opens", template, link).isEqualTo(200);
      assertThat(first.body()).as("%s: the code step first", template).contains("/code\"");
      browser.confirm(link);
      if (advisor) {
        String base = link.replaceFirst("(/portal/[^/]+).*$", "$1");
        HttpResponse<String> confidentiality = browser.get(link);
        browser.post(base + "/confidentiality", confidentiality.body(), "accept=yes");
      }
      HttpResponse<String> page = browser.get(link);
      assertThat(page.statusCode()).as("%s: %s after the code", template, link).isEqualTo(200);
      assertThat(page.body()).as("%s: the page itself, not the code step", template)
          .doesNotContain("/code\"", "/confidentiality\"", "Deze link werkt niet");

      String listed = new StaffBrowser(port, "sanne").get("/portal-links/" + caseNumber).body();
      String row = StaffBrowser.linkRow(listed, link);
      assertThat(row).as("%s: listed with its page, used, working", template)
          .contains(WITH_LINK.get(template), "werkt").doesNotContain("nooit");
      assertThat(row).contains(advisor ? "adviseur van Jan de Boer" : "partij");
    }
    TestMailServer.purge();
    followed.add(template);
    return mails;
  }
}
