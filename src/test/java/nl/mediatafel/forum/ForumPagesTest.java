package nl.mediatafel.forum;

import static nl.mediatafel.platform.PortalBrowser.encode;
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
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.portal.PortalLinks;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forum over HTTP: the portal page of parties and advisors ({@code /portal/{token}/forum}) and the staff page of
 * the mediator and the secretariat ({@code /forum/{case}}), with the refusals that keep a caucus thread between one
 * party and the mediator.
 */
@MediatafelTest
class ForumPagesTest {

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired PortalLinks links;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ForumService forum;
  @Autowired ForumPostRepository posts;

  private String caseNumber;
  private Party jan;
  private Party emma;

  @BeforeEach
  void anOnlineCaseWithTwoParties() throws Exception {
    caseNumber = newCase();
    List<Party> all = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
    jan = all.get(0);
    emma = all.get(1);
    TestMailServer.purge();
  }

  @Test
  void aPartyReadsTheJointThreadAndOwnCaucusPostsAndTheMediatorHearsOfItWithoutTheText() throws Exception {
    forum.post(ForumThread.joint(caseNumber), mediator(), "Welkom allemaal JOINT-1");
    forum.post(ForumThread.caucus(caseNumber, jan.getId()), mediator(), "Alleen voor Jan CAUCUS-JAN");
    forum.post(ForumThread.caucus(caseNumber, emma.getId()), mediator(), "Only for Emma CAUCUS-EMMA");
    PortalBrowser browser = confirmed(jan);
    String page = forumPage(jan);

    HttpResponse<String> first = browser.get(page);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Discussieforum", "Gezamenlijk gesprek", "Uw eigen gesprek met de mediator",
        "JOINT-1", "CAUCUS-JAN", "1 nieuw").doesNotContain("CAUCUS-EMMA", "Partij 2");
    assertThat(browser.get(page).body()).as("read markers: seen posts are no longer new").doesNotContain("1 nieuw");

    TestMailServer.purge();
    HttpResponse<String> posted = browser.post(page, first.body(), "thread=JOINT&text=" + encode("Mijn reactie JAN-2"));
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/forum?posted");
    assertThat(browser.get(page + "?posted").body()).contains("Uw bericht is geplaatst", "JAN-2");
    assertThat(threadTexts(ForumThread.joint(caseNumber))).contains("Mijn reactie JAN-2");
    assertThat(forum.unread(ForumThread.joint(caseNumber), mediator())).isEqualTo(1);
    assertThat(Arrays.stream(TestMailServer.received()).map(ReceivedMail::of))
        .singleElement().satisfies(mail -> {
          assertThat(mail.to()).isEqualTo("anna@mediatafel.example");
          assertThat(mail.text()).contains("/forum/" + caseNumber).doesNotContain("JAN-2");
        });
  }

  @Test
  void aPartyCannotReadOrPostInAnotherPartysCaucusNorInAnotherCase() throws Exception {
    forum.post(ForumThread.caucus(caseNumber, emma.getId()), mediator(), "Only for Emma CAUCUS-EMMA");
    PortalBrowser browser = confirmed(jan);
    String page = forumPage(jan);
    String form = browser.get(page).body();

    HttpResponse<String> intoEmmas = browser.post(page, form, "thread=CAUCUS:" + emma.getId() + "&text=hallo");
    assertThat(intoEmmas.statusCode()).isEqualTo(404);
    assertThat(intoEmmas.body()).doesNotContain("CAUCUS-EMMA");
    assertThat(threadTexts(ForumThread.caucus(caseNumber, emma.getId()))).containsExactly("Only for Emma CAUCUS-EMMA");

    String otherCase = newCase();
    Party stranger = parties.findByMediationCaseCaseNumberOrderByPosition(otherCase).get(0);
    HttpResponse<String> intoOtherCase = browser.post(page, form, "thread=CAUCUS:" + stranger.getId() + "&text=hoi");
    assertThat(intoOtherCase.statusCode()).isEqualTo(404);
    assertThat(threadTexts(ForumThread.caucus(otherCase, stranger.getId()))).isEmpty();
    assertThat(browser.post(page, form, "thread=" + encode("../JOINT") + "&text=hoi").statusCode()).isEqualTo(404);

    PortalBrowser strangerBrowser = confirmed(stranger);
    String strangerPage = forumPage(stranger);
    assertThat(strangerBrowser.get(strangerPage).body()).doesNotContain("CAUCUS-EMMA");
    assertThat(strangerBrowser.post(strangerPage, strangerBrowser.get(strangerPage).body(), "thread=JOINT&text=x")
        .statusCode()).isEqualTo(303);
    assertThat(threadTexts(ForumThread.joint(caseNumber))).as("a post lands in the link's own case only").isEmpty();

    HttpResponse<String> wrongToken = browser.get("http://localhost/portal/" + "x".repeat(43) + "/forum");
    assertThat(wrongToken.statusCode()).isEqualTo(404);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndNothingIsStored() throws Exception {
    PortalBrowser browser = confirmed(jan);
    String page = forumPage(jan);
    browser.get(page);
    HttpResponse<String> response = browser.postRaw(page, "thread=JOINT&text=" + encode("zonder token"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(threadTexts(ForumThread.joint(caseNumber))).isEmpty();
  }

  @Test
  void aScriptInAPostComesBackEscaped() throws Exception {
    PortalBrowser browser = confirmed(jan);
    String page = forumPage(jan);
    browser.post(page, browser.get(page).body(), "thread=JOINT&text=" + encode("<script>alert('x')</script> & co"));
    assertThat(threadTexts(ForumThread.joint(caseNumber))).containsExactly("<script>alert('x')</script> & co");
    String body = confirmed(emma).get(forumPage(emma)).body();
    assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co").doesNotContain("<script>");
  }

  @Test
  void anEmptyOrOverlongPostGetsAFieldErrorAndNothingIsStored() throws Exception {
    PortalBrowser browser = confirmed(jan);
    String page = forumPage(jan);
    String caucus = "CAUCUS:" + jan.getId();
    HttpResponse<String> tooLong = browser.post(page, browser.get(page).body(),
        "thread=" + caucus + "&text=" + "a".repeat(ForumService.MAX_TEXT_LENGTH + 1));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Uw bericht is te lang", "aria-invalid=\"true\"",
        "id=\"text-CAUCUS-" + jan.getId() + "-error\"");
    HttpResponse<String> empty = browser.post(page, tooLong.body(), "thread=JOINT&text=" + encode("   "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Schrijf eerst een bericht");
    assertThat(threadTexts(ForumThread.caucus(caseNumber, jan.getId()))).isEmpty();
    assertThat(threadTexts(ForumThread.joint(caseNumber))).isEmpty();

    HttpResponse<String> exactly = browser.post(page, empty.body(),
        "thread=" + caucus + "&text=" + "b".repeat(ForumService.MAX_TEXT_LENGTH));
    assertThat(exactly.statusCode()).isEqualTo(303);
  }

  @Test
  void anAdvisorReadsOnlyTheJointThreadAndCannotPost() throws Exception {
    forum.post(ForumThread.joint(caseNumber), mediator(), "Welkom JOINT-1");
    forum.post(ForumThread.caucus(caseNumber, jan.getId()), mediator(), "Alleen voor Jan CAUCUS-JAN");
    String link = links.issue(caseNumber, jan.getId(), Audience.ADVISOR, PortalAction.FORUM).url();
    PortalBrowser advisor = new PortalBrowser(port);
    advisor.confirm(link);
    String overview = link.substring(0, link.lastIndexOf("/forum"));
    assertThat(advisor.get(link).body()).as("an advisor reads nothing before confirming confidentiality")
        .doesNotContain("JOINT-1");
    advisor.post(overview + "/confidentiality", advisor.get(overview).body(), "accept=yes");
    HttpResponse<String> page = advisor.get(link);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("JOINT-1", "adviseur").doesNotContain("CAUCUS-JAN", "<textarea");
    HttpResponse<String> post = advisor.post(link, page.body(), "thread=JOINT&text=" + encode("namens Jan"));
    assertThat(post.statusCode()).as("the page has no form to post with").isEqualTo(403);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> forum.post(ForumThread.joint(caseNumber),
        ForumParticipant.advisor(caseNumber, jan.getId()), "namens Jan"))
        .isInstanceOf(ForumAccessDeniedException.class);
    assertThat(threadTexts(ForumThread.joint(caseNumber))).containsExactly("Welkom JOINT-1");
  }

  @Test
  void anUnconfirmedVisitorSeesTheCodePageNotTheForum() throws Exception {
    forum.post(ForumThread.joint(caseNumber), mediator(), "Welkom JOINT-1");
    PortalBrowser browser = new PortalBrowser(port);
    HttpResponse<String> page = browser.get(forumPage(jan));
    assertThat(page.body()).contains("Bevestig uw e-mailadres").doesNotContain("JOINT-1");
  }

  @Test
  void theMediatorReadsEveryThreadAndPostsInOneCaucusTheSecretariatReadsAlong() throws Exception {
    forum.post(ForumThread.caucus(caseNumber, emma.getId()), ForumParticipant.party(caseNumber, emma.getId()),
        "Emma schrijft EMMA-1");
    StaffBrowser anna = new StaffBrowser(port, "anna");
    String page = "/forum/" + caseNumber;
    HttpResponse<String> view = anna.get(page);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.body()).contains("Forum van dossier " + caseNumber, "Gezamenlijk gesprek",
        "Apart gesprek met Jan de Boer", "Apart gesprek met Emma Clarke", "EMMA-1", "1 nieuw");

    TestMailServer.purge();
    HttpResponse<String> posted = anna.post(page, view.body(),
        "thread=CAUCUS:" + emma.getId() + "&text=" + encode("Dank u, Emma ANNA-1"));
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(threadTexts(ForumThread.caucus(caseNumber, emma.getId()))).endsWith("Dank u, Emma ANNA-1");
    assertThat(Arrays.stream(TestMailServer.received()).map(ReceivedMail::of))
        .as("a caucus post is announced to that party only, without its text").singleElement()
        .satisfies(mail -> {
          assertThat(mail.to()).isEqualTo(emma.getEmail());
          assertThat(mail.portalLink()).endsWith("/forum");
          assertThat(mail.text()).doesNotContain("ANNA-1");
        });
    HttpResponse<String> overlong = anna.post(page, view.body(), "thread=JOINT&text=" + "c".repeat(4001));
    assertThat(overlong.statusCode()).isEqualTo(400);
    assertThat(overlong.body()).contains("Uw bericht is te lang");
    assertThat(anna.postRaw(page, "thread=JOINT&text=zonder").statusCode()).as("CSRF").isEqualTo(403);
    assertThat(threadTexts(ForumThread.joint(caseNumber))).isEmpty();

    StaffBrowser sanne = new StaffBrowser(port, "sanne");
    HttpResponse<String> readAlong = sanne.get(page);
    assertThat(readAlong.statusCode()).isEqualTo(200);
    assertThat(readAlong.body()).contains("EMMA-1", "ANNA-1", "U leest mee").doesNotContain("<textarea");
    assertThat(sanne.post(page, readAlong.body(), "thread=JOINT&text=secretariaat").statusCode()).isEqualTo(403);
    assertThat(new StaffBrowser(port, "bram").get(page).statusCode()).as("another mediator").isEqualTo(404);
    assertThat(new StaffBrowser(port, null).get(page).statusCode()).isEqualTo(401);
    assertThat(threadTexts(ForumThread.joint(caseNumber))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String newCase() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW",
         "preferredRoute": "ONLINE_ASYNC", "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.forum-%1$s@example.nl", "language": "nl", "payer": "SELF",
                      "advisor": {"name": "Mr. P. Smit", "email": "smit.forum-%1$s@advocaat.example"}},
                     {"name": "Emma Clarke", "email": "emma.forum-%1$s@example.co.uk", "language": "nl",
                      "payer": "SELF"}]}
        """.formatted(run), "ONLINE_ASYNC", "anna").getBusinessKey();
  }

  private ForumParticipant mediator() {
    return ForumParticipant.mediator(caseNumber, "anna");
  }

  private String forumPage(Party party) {
    return links.issue(party.getCaseNumber(), party.getId(), Audience.PARTY, PortalAction.FORUM).url();
  }

  private PortalBrowser confirmed(Party party) throws Exception {
    PortalBrowser browser = new PortalBrowser(port);
    browser.confirm(forumPage(party));
    return browser;
  }

  private List<String> threadTexts(ForumThread thread) {
    return posts.findByCaseNumberAndThreadOrderByPostedAtAscIdAsc(thread.caseNumber(), thread.key()).stream()
        .map(ForumPost::getText).toList();
  }
}
