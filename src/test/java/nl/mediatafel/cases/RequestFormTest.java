package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.mediatafel.i18n.MessagesConfiguration;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public request page {@code /aanmelden}, driven over HTTP as a browser without JavaScript drives it: a session
 * cookie, the CSRF token from the page, and exactly the fields the page renders.
 */
@MediatafelTest
class RequestFormTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired MediationCaseRepository cases;
  @Autowired PartyRepository parties;
  @Autowired RuntimeService runtimeService;
  @Autowired MessageSource messages;
  @Autowired TransactionTemplate transactions;

  @Test
  void theFormHasEveryFieldOfTheRequestTwoPartyBlocksAndALabelForEveryControl() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> page = browser.get("/aanmelden");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    String html = page.body();
    assertThat(html).contains("<html lang=\"nl\"", "/css/mediatafel.css", "/css/request.css", "novalidate");
    assertThat(count(html, "<h1")).isEqualTo(1);
    assertThat(count(html, "<fieldset class=\"party\"")).isEqualTo(2);
    assertThat(html).contains(">Partij 1</legend>", ">Partij 2</legend>", ">Partij toevoegen</button>")
        .doesNotContain(">Verwijderen<");

    Map<String, String> fields = formFields(html);
    assertThat(fields.keySet()).contains("_csrf", "conflictType", "summary", "preferredRoute",
        "referrerType", "referrerName", "referrerReference");
    for (int i = 0; i < 2; i++) {
      assertThat(fields.keySet()).contains("parties[" + i + "].name", "parties[" + i + "].email",
          "parties[" + i + "].language", "parties[" + i + "].payer", "parties[" + i + "].advisorName",
          "parties[" + i + "].advisorEmail");
    }
    assertThat(html).contains("name=\"escalation\"", "name=\"safetyConcern\"", "name=\"parties[0].abroad\"",
            "name=\"parties[1].abroad\"")
        .doesNotContain("parties[2]");
    assertThat(fields).containsEntry("preferredRoute", "NO_PREFERENCE").containsEntry("parties[0].language", "nl")
        .containsEntry("parties[0].payer", "SELF").containsEntry("conflictType", "")
        .as("the escalation is a conscious choice").doesNotContainKey("escalation");

    List<String> controls = controlIds(html);
    assertThat(controls).hasSizeGreaterThan(20).contains("escalation-LOW", "preferredRoute-ONLINE_ASYNC",
        "safetyConcern", "party-1-abroad", "party-1-advisorEmail");
    for (String id : controls) {
      assertThat(html).as("label for %s", id).contains("<label for=\"" + id + "\"");
    }
    assertThat(html).contains("<legend>Hoe ver is het conflict opgelopen?</legend>",
        "<legend>Hoe wilt u de mediation het liefst voeren?</legend>", ">Aan tafel</label>",
        ">Online, op uw eigen moment</label>", ">Toevoeging</option>", "gesubsidieerde rechtsbijstand",
        "alleen de mediator en het secretariaat");
    assertThat(html).doesNotContain("??", "role=\"alert\"");
  }

  @Test
  void addingAPartyGivesAThirdBlockKeepsWhatWasTypedAndStoresNothing() throws Exception {
    long before = cases.count();
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    fillValid(fields);
    fields.put("summary", "Ruzie over \"de tuin\" & het hek\r\nTweede regel");

    HttpResponse<String> added = browser.post("/aanmelden/partijen", fields, "action", "addParty");

    assertThat(added.statusCode()).isEqualTo(200);
    String html = added.body();
    assertThat(count(html, "<fieldset class=\"party\"")).isEqualTo(3);
    assertThat(html).contains(">Partij 3</legend>", "id=\"party-2\"", "formaction=\"/aanmelden/partijen#party-3\"");
    assertThat(count(html, ">Verwijderen<")).isEqualTo(3);
    Map<String, String> again = formFields(html);
    fields.forEach((name, value) -> assertThat(again).as(name).containsEntry(name, value));
    assertThat(again).containsEntry("parties[2].name", "").containsEntry("parties[2].language", "nl");
    assertThat(html).contains("name=\"parties[1].abroad\" value=\"true\" checked");

    again.put("parties[2].name", "Derde Partij");
    again.put("parties[2].email", "derde@example.nl");
    HttpResponse<String> removed = browser.post("/aanmelden/partijen", again, "action", "removeParty-0");
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(count(removed.body(), "<fieldset class=\"party\"")).isEqualTo(2);
    Map<String, String> afterRemoval = formFields(removed.body());
    assertThat(afterRemoval).containsEntry("parties[0].name", "Emma Clarke")
        .containsEntry("parties[1].name", "Derde Partij");
    assertThat(removed.body()).doesNotContain(">Verwijderen<");

    assertThat(browser.post("/aanmelden", fields, "action", "addParty").statusCode())
        .as("the main address understands the same action").isEqualTo(200);
    assertThat(cases.count()).isEqualTo(before);
  }

  @Test
  void aValidRequestCreatesTheCaseStartsItsProcessAndShowsOnlyTheCaseNumber() throws Exception {
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    fillValid(fields);

    HttpResponse<String> sent = browser.post("/aanmelden", fields, "action", "submit");

    assertThat(sent.statusCode()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();
    Matcher number = Pattern.compile("/aanmelden/ontvangen\\?dossier=(MED-\\d{4}-\\d{4})$").matcher(location);
    assertThat(number.find()).as(location).isTrue();
    String caseNumber = number.group(1);

    transactions.executeWithoutResult(status -> {
      MediationCase stored = cases.findById(caseNumber).orElseThrow();
      assertThat(stored.getConflictType()).isEqualTo("NEIGHBOURS");
      assertThat(stored.getSummary()).isEqualTo("Geschil over de erfgrens en een schutting.");
      assertThat(stored.getReferrerType()).isEqualTo(ReferrerType.FRONT_DESK);
      assertThat(stored.getReferrerName()).isEqualTo("Juridisch spreekuur Oost");
      assertThat(stored.isSafetyConcern()).isFalse();
    });
    List<Party> storedParties = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
    assertThat(storedParties).extracting(Party::getEmail).containsExactly("j.deboer@example.nl", "emma@example.co.uk");
    assertThat(storedParties).extracting(Party::isAbroad).containsExactly(false, true);
    assertThat(storedParties.get(0).getAdvisorName()).isEqualTo("Mr. P. Smit");
    assertThat(storedParties.get(1).getAdvisorName()).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).count()).isEqualTo(1);

    HttpResponse<String> thanks = browser.get(location);
    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains(caseNumber, "Aanmelding ontvangen", "binnen 2 werkdagen", "intakevragenlijst")
        .doesNotContain("Jan de Boer", "j.deboer@example.nl", "erfgrens", "Juridisch spreekuur");
    assertThat(count(thanks.body(), "<h1")).isEqualTo(1);

    assertThat(browser.get("/aanmelden/ontvangen?dossier=%3Cb%3Ex").statusCode()).as("not a case number")
        .isEqualTo(302);
  }

  @Test
  void anInvalidRequestComesBackWithEveryProblemAtItsFieldAndInTheSummaryAndStoresNothing() throws Exception {
    long before = cases.count();
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    fillValid(fields);
    fields = formFields(browser.post("/aanmelden/partijen", fields, "action", "addParty").body());
    fields.put("summary", "x".repeat(2001));
    fields.put("parties[0].name", "");
    fields.put("parties[1].email", "geen-adres");
    fields.put("parties[2].name", "Kees Jansen");
    fields.put("parties[2].email", "J.DeBoer@example.nl");

    HttpResponse<String> page = browser.post("/aanmelden", fields, "action", "submit");

    assertThat(page.statusCode()).isEqualTo(400);
    String html = page.body();
    assertThat(html).contains("<title>Fout: Mediation aanvragen", "role=\"alert\"");
    String summary = between(html, "id=\"fouten\"", "</div>");

    // the messages are the API's for the same request (the duplicate address the API names once the rest is valid)
    Map<String, String> expected = apiMessages(Map.of("summary", "x".repeat(2001), "parties[0].name", "",
        "parties[1].email", "geen-adres"));
    assertThat(expected).containsOnlyKeys("summary", "parties[0].name", "parties[1].email");
    Map<String, String> byId = new LinkedHashMap<>();
    byId.put("summary", expected.get("summary"));
    byId.put("party-0-name", expected.get("parties[0].name"));
    byId.put("party-1-email", expected.get("parties[1].email"));
    byId.put("party-2-email", messages.getMessage("request.duplicate-email", null, MessagesConfiguration.DUTCH));
    byId.forEach((id, message) -> {
      assertThat(message).isNotBlank();
      String control = tag(html, id);
      assertThat(control).as(id).contains("aria-invalid=\"true\"").containsPattern(
          "aria-describedby=\"[^\"]*\\b" + Pattern.quote(id + "-error") + "\\b");
      assertThat(between(html, "id=\"" + id + "-error\"", "</p>")).as(id).contains(message);
      assertThat(summary).contains("href=\"#" + id + "\"").contains(message);
    });
    assertThat(summary).contains("Partij 1, Naam:", "Partij 3, E-mailadres:", "Omschrijving:");
    assertThat(summary.indexOf("#summary")).isLessThan(summary.indexOf("#party-0-name"));
    assertThat(tag(html, "party-1-name")).doesNotContain("aria-invalid");

    Map<String, String> shown = formFields(html);
    fields.forEach((name, value) -> assertThat(shown).as(name).containsEntry(name, value));
    assertThat(count(html, "<fieldset class=\"party\"")).isEqualTo(3);
    assertThat(cases.count()).isEqualTo(before);
  }

  @Test
  void aDuplicateAddressAloneIsCaughtByTheRegistrationRule() throws Exception {
    long before = cases.count();
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    fillValid(fields);
    fields.put("parties[1].email", " J.DEBOER@example.nl ");

    HttpResponse<String> page = browser.post("/aanmelden", fields, "action", "submit");

    assertThat(page.statusCode()).isEqualTo(400);
    String message = messages.getMessage("request.duplicate-email", null, MessagesConfiguration.DUTCH);
    assertThat(between(page.body(), "id=\"party-1-email-error\"", "</p>")).contains(message);
    assertThat(formFields(page.body())).containsEntry("parties[1].email", " J.DEBOER@example.nl ");
    assertThat(cases.count()).isEqualTo(before);
  }

  @Test
  void aPostWithoutTheSessionsTokenIsRefusedAndStoresNothing() throws Exception {
    long before = cases.count();
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    fillValid(fields);

    Map<String, String> missing = new HashMap<>(fields);
    missing.remove("_csrf");
    HttpResponse<String> withoutToken = browser.post("/aanmelden", missing, "action", "submit");
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("<html lang=\"nl\"", "Het formulier kon niet worden verstuurd",
        "niets opgeslagen", "href=\"/aanmelden\"");

    Map<String, String> wrong = new HashMap<>(fields);
    String token = fields.get("_csrf");
    wrong.put("_csrf", (token.startsWith("x") ? "y" : "x") + token.substring(1));
    assertThat(browser.post("/aanmelden", wrong, "action", "submit").statusCode()).isEqualTo(403);
    assertThat(browser.post("/aanmelden/partijen", wrong, "action", "addParty").statusCode()).isEqualTo(403);

    Browser otherSession = new Browser();
    otherSession.get("/aanmelden");
    assertThat(otherSession.post("/aanmelden", fields, "action", "submit").statusCode())
        .as("a token of another session").isEqualTo(403);
    assertThat(new Browser().post("/aanmelden", fields, "action", "submit").statusCode())
        .as("no session at all").isEqualTo(403);

    assertThat(cases.count()).isEqualTo(before);
    assertThat(browser.post("/aanmelden", fields, "action", "submit").statusCode())
        .as("the right token still works").isEqualTo(303);
  }

  @Test
  void typedTextComesBackEscaped() throws Exception {
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    fillValid(fields);
    fields.put("parties[0].name", "<script>x</script>");
    fields.put("summary", "</textarea><script>y</script>");
    fields.put("referrerName", "\"><img src=x onerror=alert(1)>");

    String html = browser.post("/aanmelden/partijen", fields, "action", "addParty").body();

    assertThat(html).contains("value=\"&lt;script&gt;x&lt;/script&gt;\"", "&lt;/textarea&gt;&lt;script&gt;y",
        "value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"");
    assertThat(html).doesNotContain("<script", "<img");
    assertThat(formFields(html)).containsEntry("parties[0].name", "<script>x</script>");
  }

  @Test
  void aPartyIndexNoBrowserSendsIsRefusedWithoutAnError() throws Exception {
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    fillValid(fields);
    fields.put("parties[500].name", "Niemand");

    HttpResponse<String> page = browser.post("/aanmelden", fields, "action", "submit");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Het formulier kon niet worden verwerkt").doesNotContain("Exception");
  }

  @Test
  void thirtyPartiesAtMost() throws Exception {
    Browser browser = new Browser();
    Map<String, String> fields = formFields(browser.get("/aanmelden").body());
    for (int i = 2; i < RequestForm.MAX_PARTIES; i++) {
      fields.put("parties[" + i + "].name", "Lid " + i);
    }
    String html = browser.post("/aanmelden/partijen", fields, "action", "addParty").body();
    assertThat(count(html, "<fieldset class=\"party\"")).isEqualTo(30);
    assertThat(html).doesNotContain(">Partij toevoegen<").contains("maximum van 30 partijen");
  }

  /** A complete, valid request as a front desk would type it. */
  private static void fillValid(Map<String, String> fields) {
    fields.put("conflictType", "NEIGHBOURS");
    fields.put("summary", "Geschil over de erfgrens en een schutting.");
    fields.put("escalation", "MEDIUM");
    fields.put("preferredRoute", "FACE_TO_FACE");
    fields.put("referrerType", "FRONT_DESK");
    fields.put("referrerName", "Juridisch spreekuur Oost");
    fields.put("referrerReference", "JS-2026-118");
    fields.put("parties[0].name", "Jan de Boer");
    fields.put("parties[0].email", "j.deboer@example.nl");
    fields.put("parties[0].advisorName", "Mr. P. Smit");
    fields.put("parties[0].advisorEmail", "p.smit@advocaat.example");
    fields.put("parties[1].name", "Emma Clarke");
    fields.put("parties[1].email", "emma@example.co.uk");
    fields.put("parties[1].language", "en");
    fields.put("parties[1].abroad", "true");
    fields.put("parties[1].payer", "INSURER");
  }

  /** What the API says about a valid request with these fields changed, per field (the first message each). */
  private Map<String, String> apiMessages(Map<String, String> changes) throws Exception {
    ObjectNode request = CaseApiTest.validRequest();
    changes.forEach((path, value) -> {
      Matcher party = Pattern.compile("parties\\[(\\d)]\\.(\\w+)").matcher(path);
      if (party.matches()) {
        ((ObjectNode) request.get("parties").get(Integer.parseInt(party.group(1)))).put(party.group(2), value);
      } else {
        request.put(path, value);
      }
    });
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/cases"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    Map<String, String> messagesByField = new LinkedHashMap<>();
    for (JsonNode error : (ArrayNode) JSON.readTree(response.body()).get("errors")) {
      messagesByField.putIfAbsent(error.get("field").asText(), error.get("message").asText());
    }
    return messagesByField;
  }

  /** The ids of all controls a person fills in (not hidden fields, not buttons). */
  private static List<String> controlIds(String html) {
    List<String> ids = new ArrayList<>();
    Matcher tags = Pattern.compile("<(input|select|textarea)\\b[^>]*>").matcher(html);
    while (tags.find()) {
      Map<String, String> attributes = attributes(tags.group());
      if (!"hidden".equals(attributes.get("type"))) {
        assertThat(attributes).as(tags.group()).containsKey("id");
        ids.add(attributes.get("id"));
      }
    }
    return ids;
  }

  /** The opening tag of the element with this id. */
  private static String tag(String html, String id) {
    Matcher tag = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    assertThat(tag.find()).as("element #%s", id).isTrue();
    return tag.group();
  }

  private static String between(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as(start).isNotNegative();
    return html.substring(from, html.indexOf(end, from));
  }

  private static int count(String html, String part) {
    return html.split(Pattern.quote(part), -1).length - 1;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /**
   * The fields a browser would submit from the page's form, without any button: text and hidden inputs, ticked
   * checkboxes and radios, the selected (or first) option of each select, the text of each textarea.
   */
  static Map<String, String> formFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    String form = html.substring(html.indexOf("<form"), html.indexOf("</form>"));
    Matcher controls = Pattern.compile(
        "<input\\b[^>]*>|<select\\b[^>]*>(.*?)</select>|<textarea\\b[^>]*>(.*?)</textarea>", Pattern.DOTALL)
        .matcher(form);
    while (controls.find()) {
      String control = controls.group();
      Map<String, String> attributes = attributes(control.substring(0, control.indexOf('>') + 1));
      String name = attributes.get("name");
      if (name == null) {
        continue;
      }
      if (control.startsWith("<input")) {
        String type = attributes.getOrDefault("type", "text");
        if (("checkbox".equals(type) || "radio".equals(type)) && !attributes.containsKey("checked")) {
          continue;
        }
        fields.put(name, attributes.getOrDefault("value", ""));
      } else if (control.startsWith("<select")) {
        String chosen = null;
        Matcher options = Pattern.compile("<option\\b[^>]*>").matcher(controls.group(1));
        while (options.find()) {
          Map<String, String> option = attributes(options.group());
          if (chosen == null || option.containsKey("selected")) {
            chosen = option.getOrDefault("value", "");
          }
          if (option.containsKey("selected")) {
            break;
          }
        }
        fields.put(name, chosen == null ? "" : chosen);
      } else {
        // a browser drops one line break right after <textarea>
        fields.put(name, unescape(controls.group(2)).replaceFirst("^\r?\n", ""));
      }
    }
    return fields;
  }

  static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new HashMap<>();
    Matcher attribute = Pattern.compile("\\s([a-zA-Z_:][-a-zA-Z0-9_:.\\[\\]]*)(?:=\"([^\"]*)\")?").matcher(
        tag.replaceFirst("^<[a-z]+", "").replaceFirst("/?>$", ""));
    while (attribute.find()) {
      attributes.put(attribute.group(1), attribute.group(2) == null ? "" : unescape(attribute.group(2)));
    }
    return attributes;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** A browser without JavaScript: keeps cookies, follows no redirects, posts forms url-encoded. */
  private final class Browser {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String pathOrAddress) throws IOException, InterruptedException {
      URI address = pathOrAddress.startsWith("http") ? URI.create(pathOrAddress) : uri(pathOrAddress);
      return client.send(HttpRequest.newBuilder(address).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the fields and the pressed button's name and value, as a browser does. */
    HttpResponse<String> post(String path, Map<String, String> fields, String button, String value)
        throws IOException, InterruptedException {
      Map<String, String> body = new LinkedHashMap<>(fields);
      body.put(button, value);
      String encoded = body.entrySet().stream()
          .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
          .collect(Collectors.joining("&"));
      return client.send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
