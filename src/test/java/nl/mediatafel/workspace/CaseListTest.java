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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.StaffAccounts;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.WebappBrowser;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case list through real HTTP: {@code GET /api/cases} as JSON and CSV with HTTP Basic, and the page
 * {@code /cases} with the Camunda webapp login session. Each test makes four cases of its own, told apart from other
 * tests' cases by a token in every party's e-mail address ({@code q=<run>}): A and B of one mediator, C of another,
 * D a request not yet triaged.
 */
@MediatafelTest
class CaseListTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CaseRequests requests;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final HttpClient client = HttpClient.newHttpClient();
  private String run;
  private String mediator;
  private String otherMediator;
  private String secretary;
  private String designer;
  private String a;
  private String b;
  private String c;
  private String d;

  @BeforeEach
  void fourCasesOfTwoMediators() {
    run = UUID.randomUUID().toString().substring(0, 8);
    mediator = StaffAccounts.create(identityService, "listmediator" + run, StaffGroup.MEDIATORS);
    otherMediator = StaffAccounts.create(identityService, "listother" + run, StaffGroup.MEDIATORS);
    secretary = StaffAccounts.create(identityService, "listsecretary" + run, StaffGroup.SECRETARIAT);
    designer = StaffAccounts.create(identityService, "listdesigner" + run, StaffGroup.PROCESS_DESIGNERS);
    a = CaseFixtures.inIntake(requests, runtimeService, taskService,
        request("Jan de Boer", "jan", "Emma Clarke", "emma"), "FACE_TO_FACE", mediator).getBusinessKey();
    b = CaseFixtures.inIntake(requests, runtimeService, taskService,
        request("Piet Jansen", "piet", "Karin Smit", "karin"), "ONLINE_VIDEO", mediator).getBusinessKey();
    c = CaseFixtures.inIntake(requests, runtimeService, taskService,
        request("=SUM(A1)", "formula", "Bakker; \\\"De Hoek\\\" BV", "hoek"), "ONLINE_ASYNC", otherMediator)
        .getBusinessKey();
    try {
      d = requests.register(JSON.readValue(request("Lotte Vos", "lotte", "Sem de Wit", "sem"), CaseRequest.class),
          null).mediationCase().getCaseNumber();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theSecretariatSeesEveryCaseNewestFirstInPagesWithTheTotal() throws Exception {
    JsonNode all = json(secretary, "q=" + run);
    assertThat(numbers(all)).containsExactly(d, c, b, a);
    assertThat(all.get("total").asLong()).isEqualTo(4);
    assertThat(all.get("page").asInt()).isZero();
    assertThat(all.get("size").asInt()).isEqualTo(50);

    JsonNode first = json(secretary, "q=" + run + "&size=2");
    JsonNode second = json(secretary, "q=" + run + "&size=2&page=1");
    JsonNode beyond = json(secretary, "q=" + run + "&size=2&page=2");
    assertThat(numbers(first)).containsExactly(d, c);
    assertThat(numbers(second)).containsExactly(b, a);
    assertThat(numbers(beyond)).isEmpty();
    assertThat(List.of(first.get("total").asLong(), second.get("total").asLong(), beyond.get("total").asLong()))
        .containsOnly(4L);
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(second.get("size").asInt()).isEqualTo(2);

    JsonNode caseA = all.get("items").get(3);
    assertThat(caseA.get("status").asText()).isEqualTo("INTAKE");
    assertThat(caseA.get("route").asText()).isEqualTo("FACE_TO_FACE");
    assertThat(caseA.get("mediator").asText()).isEqualTo(mediator);
    assertThat(caseA.get("openedAt").asText()).isNotBlank();
    assertThat(caseA.get("stage").asText()).isEqualTo("Intake en mediationovereenkomst");
    assertThat(List.of(caseA.get("parties").get(0).asText(), caseA.get("parties").get(1).asText()))
        .containsExactly("Jan de Boer", "Emma Clarke");
    assertThat(all.get("items").get(0).get("stage").asText()).isEqualTo("Aanmelding wordt beoordeeld");
  }

  @Test
  void eachFilterNarrowsTheList() throws Exception {
    String today = TestClock.today().toString();
    String yesterday = TestClock.today().minusDays(1).toString();
    assertThat(numbers(json(secretary, "q=" + run + "&status=REQUESTED"))).containsExactly(d);
    assertThat(numbers(json(secretary, "q=" + run + "&status=intake"))).containsExactly(c, b, a);
    assertThat(numbers(json(secretary, "q=" + run + "&route=ONLINE_VIDEO"))).containsExactly(b);
    assertThat(numbers(json(secretary, "q=" + run + "&mediator=" + otherMediator))).containsExactly(c);
    assertThat(numbers(json(secretary, "q=" + run + "&openedFrom=" + today + "&openedTo=" + today)))
        .containsExactly(d, c, b, a);
    assertThat(numbers(json(secretary, "q=" + run + "&openedTo=" + yesterday))).isEmpty();
    assertThat(numbers(json(secretary, "q=" + run + "&openedFrom=" + LocalDate.parse(today).plusDays(1))))
        .isEmpty();
  }

  @Test
  void qFindsACaseByPartyEmailPartyNameOrCaseNumberWhateverTheCase() throws Exception {
    assertThat(numbers(json(secretary, "q=" + encode("KARIN." + run.toUpperCase() + "@Example.NL"))))
        .containsExactly(b);
    assertThat(numbers(json(secretary, "q=" + encode("karin." + run)))).containsExactly(b);
    assertThat(numbers(json(secretary, "q=" + encode("jan de boer") + "&mediator=" + mediator)))
        .containsExactly(a);
    assertThat(numbers(json(secretary, "q=" + a.toLowerCase()))).containsExactly(a);
    assertThat(numbers(json(secretary, "q=" + encode("%" + run)))).as("% is no wildcard").isEmpty();
  }

  @Test
  void sortByNumberOrNewestOpenedFirst() throws Exception {
    assertThat(numbers(json(secretary, "q=" + run + "&sort=number"))).containsExactly(a, b, c, d);
    assertThat(numbers(json(secretary, "q=" + run + "&sort=opened"))).containsExactly(d, c, b, a);
  }

  @Test
  void aMediatorSeesOnlyTheirOwnCasesAndASecondMediatorNoneOfTheFirstsThroughJsonAndCsv() throws Exception {
    assertThat(numbers(json(mediator, "q=" + run))).containsExactly(b, a);
    assertThat(json(mediator, "q=" + run).get("total").asLong()).isEqualTo(2);

    assertThat(numbers(json(otherMediator, "q=" + run))).containsExactly(c);
    assertThat(numbers(json(otherMediator, "q=" + run + "&mediator=" + mediator))).isEmpty();
    assertThat(json(otherMediator, "q=" + run + "&mediator=" + mediator).get("total").asLong()).isZero();
    assertThat(numbers(json(otherMediator, "q=" + a))).isEmpty();
    assertThat(numbers(json(otherMediator, "q=" + encode("jan." + run)))).isEmpty();
    assertThat(numbers(json(otherMediator, ""))).doesNotContain(a, b, d);

    String csv = get(otherMediator, "/api/cases?q=" + run, "text/csv").body();
    assertThat(csv).contains(c).doesNotContain(a, b, d, "Jan de Boer", "Piet Jansen");
    assertThat(csv.lines().count()).isEqualTo(2);
    String everything = get(otherMediator, "/api/cases", "text/csv").body();
    assertThat(everything).doesNotContain(a, b, "Jan de Boer", "Piet Jansen", mediator);
  }

  @Test
  void othersAreRefusedAndAnonymousCallersAskedToLogIn() throws Exception {
    assertThat(get(designer, "/api/cases", "application/json").statusCode()).isEqualTo(403);
    assertThat(get(designer, "/api/cases", "text/csv").statusCode()).isEqualTo(403);
    assertThat(get(designer, "/api/cases?page=-1", "application/json").statusCode()).isEqualTo(403);
    assertThat(get(null, "/api/cases", "application/json").statusCode()).isEqualTo(401);
    assertThat(get(designer, "/cases", "text/html").statusCode()).isEqualTo(403);
    assertThat(get(null, "/cases", "text/html").statusCode()).as("a browser is sent to the login").isEqualTo(302);
  }

  @Test
  void theCsvHasAHeaderEscapesItsFieldsAndDisarmsFormulas() throws Exception {
    HttpResponse<String> response = get(secretary, "/api/cases?q=" + run + "&sort=number&size=1", "text/csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(response.body()).startsWith("\uFEFF");
    List<String> lines = response.body().substring(1).lines().toList();
    assertThat(lines.get(0)).isEqualTo("caseNumber;status;stage;route;mediator;openedAt;parties");
    assertThat(lines).as("every page, whatever size asks").hasSize(5);
    assertThat(lines.get(1)).as("status and route in words")
        .startsWith(a + ";Intake;Intake en mediationovereenkomst;Aan tafel;" + mediator + ";")
        .endsWith(";\"Jan de Boer, Emma Clarke\"");
    assertThat(lines.get(3)).startsWith(c + ";")
        .endsWith(";\"'=SUM(A1), Bakker; \"\"De Hoek\"\" BV\"");
    assertThat(response.body()).contains("\r\n");

    assertThat(CaseCsv.field("-1+2")).isEqualTo("'-1+2");
    assertThat(CaseCsv.field("@cmd")).isEqualTo("'@cmd");
    assertThat(CaseCsv.field("+31 6")).isEqualTo("'+31 6");
    assertThat(CaseCsv.field("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(CaseCsv.field("plain")).isEqualTo("plain");
  }

  @Test
  void thePageRendersWithTheWebappLoginInDutchOrEnglish() throws Exception {
    WebappBrowser browser = WebappBrowser.loggedInToTasklist(port, secretary);

    HttpResponse<String> dutch = browser.get("/cases?q=" + run, "nl");
    assertThat(dutch.statusCode()).isEqualTo(200);
    assertThat(dutch.body()).contains("<html lang=\"nl\"", "<h1>Dossiers</h1>", "Zoeken", "Geopend",
        "<label for=\"q\"", "<th scope=\"col\"", "href=\"/cases/" + a + "\"", "Jan de Boer, Emma Clarke",
        "Aan tafel", "4 dossiers gevonden, pagina 1 van 1.", "/cases/export.csv?");
    assertThat(dutch.body()).contains(a, b, c, d);

    HttpResponse<String> english = browser.get("/cases?q=" + run, "en");
    assertThat(english.body()).contains("<html lang=\"en\"", "<h1>Cases</h1>", "At the table", "4 cases found");

    HttpResponse<String> paged = browser.get("/cases?q=" + run + "&size=3", "nl");
    assertThat(paged.body()).contains("Volgende pagina", "href=\"/cases?q=" + run + "&amp;size=3&amp;page=1\"")
        .doesNotContain("Vorige pagina");
    assertThat(browser.get("/cases?q=" + run + "&size=3&page=1", "nl").body()).contains("Vorige pagina", a)
        .doesNotContain("Volgende pagina", "href=\"/cases/" + c + "\"");

    HttpResponse<String> bad = browser.get("/cases?page=-1&status=X", "nl");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("De zoekvraag is niet juist", "page:", "status:");

    HttpResponse<String> export = browser.get("/cases/export.csv?q=" + run, "nl");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body()).contains(a, d);
  }

  @Test
  void aSecondMediatorsPageShowsNoneOfTheFirstsCases() throws Exception {
    WebappBrowser browser = WebappBrowser.loggedInToTasklist(port, otherMediator);

    HttpResponse<String> page = browser.get("/cases?q=" + run, "nl");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(c, "1 dossier gevonden").doesNotContain(a, b, d, "Jan de Boer");
    assertThat(browser.get("/cases/export.csv?q=" + run, "nl").body()).contains(c).doesNotContain(a, b, d);
    assertThat(browser.get("/api/cases", "nl").statusCode()).as("the API never takes the session").isEqualTo(401);
  }

  private String request(String firstName, String firstMail, String secondName, String secondMail) {
    return """
        {"conflictType": "NEIGHBOURS", "summary": "Schutting", "escalation": "LOW",
         "preferredRoute": "NO_PREFERENCE", "safetyConcern": false,
         "parties": [{"name": "%s", "email": "%s.%s@example.nl", "language": "nl", "payer": "SELF"},
                     {"name": "%s", "email": "%s.%s@example.nl", "language": "nl", "payer": "SELF"}]}
        """.formatted(firstName, firstMail, run, secondName, secondMail, run);
  }

  private JsonNode json(String user, String query) throws Exception {
    HttpResponse<String> response = get(user, "/api/cases?" + query, "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    return JSON.readTree(response.body());
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.get("items").forEach(item -> numbers.add(item.get("caseNumber").asText()));
    return numbers;
  }

  private HttpResponse<String> get(String user, String path, String accept) throws Exception {
    return send(request(user, path, accept).build());
  }

  private HttpRequest.Builder request(String user, String path, String accept) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept).GET();
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }


  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
