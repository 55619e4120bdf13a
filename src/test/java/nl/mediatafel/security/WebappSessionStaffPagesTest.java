package nl.mediatafel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.forum.ForumPost;
import nl.mediatafel.forum.ForumPostRepository;
import nl.mediatafel.forum.ForumThread;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.StaffAccounts;
import nl.mediatafel.platform.WebappBrowser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff who logged in to the Camunda webapps open Mediatafel's staff pages with that login session, with the same
 * access rules as with HTTP Basic; the APIs keep requiring Basic, the webapp logout ends the access, and the pages'
 * forms still need their own CSRF token. Everything over the real HTTP interface, the login through the webapp's own
 * login endpoint and its CSRF handshake.
 */
@MediatafelTest
class WebappSessionStaffPagesTest {

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ForumPostRepository posts;
  @Autowired IdentityService identityService;

  private String caseNumber;
  private Party jan;
  /** Accounts of this test only: other tests' wrong passwords make the engine delay the demo users' logins. */
  private String mediator;
  private String otherMediator;
  private String secretary;

  @BeforeEach
  void anOnlineCaseOfAMediator() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    mediator = StaffAccounts.create(identityService, "mediator" + run, StaffGroup.MEDIATORS);
    otherMediator = StaffAccounts.create(identityService, "othermediator" + run, StaffGroup.MEDIATORS);
    secretary = StaffAccounts.create(identityService, "secretary" + run, StaffGroup.SECRETARIAT);
    caseNumber = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW",
         "preferredRoute": "ONLINE_ASYNC", "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.session-%1$s@example.nl", "language": "nl",
                      "payer": "SELF"},
                     {"name": "Emma Clarke", "email": "emma.session-%1$s@example.nl", "language": "nl",
                      "payer": "SELF"}]}
        """.formatted(run), "ONLINE_ASYNC", mediator).getBusinessKey();
    jan = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).get(0);
  }

  @Test
  void theCaseMediatorLoggedInToTasklistOpensTheStaffPagesOfTheCaseWithoutBasic() throws Exception {
    WebappBrowser browser = WebappBrowser.loggedInToTasklist(port, mediator);

    HttpResponse<String> intake = browser.get(intakePage());
    assertThat(intake.statusCode()).isEqualTo(200);
    assertThat(intake.body()).contains("Intakevragenlijst van Jan de Boer", "Dossier " + caseNumber);
    HttpResponse<String> forum = browser.get(forumPage());
    assertThat(forum.statusCode()).isEqualTo(200);
    assertThat(forum.body()).contains("Forum van dossier " + caseNumber);
    assertThat(browser.get("/outbox").statusCode()).as("a mediator, as with Basic").isEqualTo(403);
  }

  @Test
  void aMediatorOfAnotherCaseAndTheSecretariatGetWhatBasicGivesThem() throws Exception {
    WebappBrowser other = WebappBrowser.loggedInToTasklist(port, otherMediator);
    assertThat(other.get(intakePage()).statusCode()).isEqualTo(404);
    assertThat(other.get(forumPage()).statusCode()).isEqualTo(404);
    assertThat(WebappBrowser.basic(port, otherMediator).get(intakePage()).statusCode()).as("the same with Basic")
        .isEqualTo(404);

    WebappBrowser secretariat = WebappBrowser.loggedInToTasklist(port, secretary);
    HttpResponse<String> outbox = secretariat.get("/outbox");
    assertThat(outbox.statusCode()).isEqualTo(200);
    assertThat(outbox.body()).contains("<html");
    assertThat(secretariat.get(intakePage()).statusCode()).isEqualTo(200);
  }

  @Test
  void afterTheWebappLogoutTheSameCookieGetsTheBasicChallenge() throws Exception {
    WebappBrowser browser = WebappBrowser.loggedInToTasklist(port, mediator);
    assertThat(browser.get(intakePage()).statusCode()).isEqualTo(200);
    String sessionCookie = browser.cookie("SESSION");

    browser.logOut();

    assertThat(browser.cookie("SESSION")).as("the session itself lives on").isEqualTo(sessionCookie);
    HttpResponse<String> afterLogout = browser.get(intakePage());
    assertThat(afterLogout.statusCode()).isEqualTo(401);
    assertThat(afterLogout.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    assertThat(afterLogout.body()).doesNotContain("Jan de Boer");
    assertThat(browser.get("/outbox").statusCode()).isEqualTo(401);
  }

  @Test
  void theSessionOfADeletedUserNoLongerOpensThePages() throws Exception {
    String leaver = StaffAccounts.create(identityService, "leaver" + UUID.randomUUID().toString().substring(0, 8), StaffGroup.SECRETARIAT);
    WebappBrowser browser = WebappBrowser.loggedInToTasklist(port, leaver);
    assertThat(browser.get("/outbox").statusCode()).isEqualTo(200);

    identityService.deleteUser(leaver);

    assertThat(browser.get("/outbox").statusCode()).isEqualTo(401);
  }

  @Test
  void theApisDoNotAcceptTheWebappSession() throws Exception {
    WebappBrowser secretariat = WebappBrowser.loggedInToTasklist(port, secretary);
    assertThat(secretariat.get("/outbox").statusCode()).as("the session works on a staff page").isEqualTo(200);

    assertThat(secretariat.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(secretariat.get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(secretariat.get("/engine-rest/user").statusCode()).isEqualTo(401);
  }

  @Test
  void withoutASessionTheStaffPagesStillAskForBasicAndRefuseAWrongPassword() throws Exception {
    HttpResponse<String> anonymous = WebappBrowser.anonymous(port).get(intakePage());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");

    assertThat(WebappBrowser.basic(port, secretary).get("/outbox").statusCode()).isEqualTo(200);
    WebappBrowser wrongPassword = WebappBrowser.anonymous(port).withBasic(secretary, "wrong");
    assertThat(wrongPassword.get("/outbox").statusCode()).isEqualTo(401);
    assertThat(wrongPassword.get(intakePage()).statusCode()).isEqualTo(401);
  }

  @Test
  void aCrossSitePostWithOnlyTheSessionCookieIsRefusedTheFormWithItsTokenIsAccepted() throws Exception {
    WebappBrowser browser = WebappBrowser.loggedInToTasklist(port, mediator);
    HttpResponse<String> view = browser.get(forumPage());
    assertThat(view.statusCode()).isEqualTo(200);

    HttpResponse<String> crossSite = browser.postForm(forumPage(),
        "thread=JOINT&text=" + encode("van elders EVIL-1"), "https://evil.example");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(jointTexts()).isEmpty();

    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(view.body());
    assertThat(token.find()).as("the page's form carries its token").isTrue();
    HttpResponse<String> own = browser.postForm(forumPage(),
        "_csrf=" + encode(token.group(1)) + "&thread=JOINT&text=" + encode("Welkom MEDIATOR-1"), null);
    assertThat(own.statusCode()).isEqualTo(303);
    assertThat(jointTexts()).containsExactly("Welkom MEDIATOR-1");
  }

  // ---------------------------------------------------------------------------------------------------------------


  private String intakePage() {
    return "/intake/" + caseNumber + "/" + jan.getId();
  }

  private String forumPage() {
    return "/forum/" + caseNumber;
  }

  private List<String> jointTexts() {
    return posts.findByCaseNumberAndThreadOrderByPostedAtAscIdAsc(caseNumber, ForumThread.joint(caseNumber).key())
        .stream().map(ForumPost::getText).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
