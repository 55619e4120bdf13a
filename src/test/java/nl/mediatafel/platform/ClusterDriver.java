package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.process.CaseVariables;

/**
 * What the cluster tests do to nodes in child JVMs ({@link ClusterNode}), through the same HTTP interfaces as a front
 * desk, the secretariat's Tasklist and a party's browser, plus SQL counts on the shared database.
 */
final class ClusterDriver {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient PLAIN = HttpClient.newHttpClient();

  private final Map<String, Object> database;

  /** @param database the connection properties of {@link EmbeddedPostgres17#newDatabase} */
  ClusterDriver(Map<String, Object> database) {
    this.database = database;
  }

  /** A labour case with Jan (Dutch, this address) and Emma (English, abroad), posted to {@code /api/cases}. */
  HttpResponse<String> postCase(ClusterNode node, String summary, Optional<String> apiKey, String email)
      throws Exception {
    String body = """
        {"conflictType": "LABOUR", "summary": "Cluster %s", "escalation": "MEDIUM",
         "preferredRoute": "NO_PREFERENCE", "safetyConcern": false,
         "referrer": {"type": "EMPLOYER", "name": "HR Bakkerij Janssen"},
         "parties": [
           {"name": "Jan de Boer", "email": "%s", "language": "nl", "payer": "SELF"},
           {"name": "Emma Clarke", "email": "emma.%s@example.co.uk", "language": "en", "abroad": true,
            "payer": "EMPLOYER"}]}
        """.formatted(summary, email, summary);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/cases"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    apiKey.ifPresent(key -> request.header("X-Api-Key", key));
    return send(request.build());
  }

  /** {@link #postCase} with the address {@code jan.<summary>@example.nl}; returns the new case number. */
  String newCase(ClusterNode node, String summary, Optional<String> apiKey) throws Exception {
    HttpResponse<String> created = postCase(node, summary, apiKey, "jan." + summary + "@example.nl");
    assertThat(created.statusCode()).as("case %s on %s: %s", summary, node.name(), created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("caseNumber").asText();
  }

  /** The secretariat accepts the case (online, mediator anna) through the engine's REST API, as the Tasklist does. */
  void acceptAsSecretariat(ClusterNode node, String caseNumber) throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("sanne:sanne".getBytes(StandardCharsets.UTF_8));
    String taskId = null;
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      JsonNode tasks = JSON.readTree(send(HttpRequest.newBuilder(URI.create(node.baseUrl()
          + "/engine-rest/task?processInstanceBusinessKey=" + caseNumber)).header("Authorization", basic)
          .build()).body());
      if (tasks.size() == 1) {
        taskId = tasks.get(0).get("id").asText();
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        break;
      }
      Thread.sleep(200); // the interval of a bounded poll
    }
    assertThat(taskId).as("triage task of " + caseNumber).isNotNull();
    String variables = JSON.writeValueAsString(Map.of("variables", Map.of(
        MediationCaseProcess.TRIAGE_DECISION.name(), Map.of("value", MediationCaseProcess.ACCEPT),
        MediationCaseProcess.SUITABILITY_JUDGEMENT.name(), Map.of("value", "Past"),
        MediationCaseProcess.ROUTE.name(), Map.of("value", "ONLINE_ASYNC"),
        CaseVariables.MEDIATOR.name(), Map.of("value", "anna"),
        MediationCaseProcess.HOURLY_RATE.name(), Map.of("value", 120.0, "type", "Double"))));
    HttpResponse<String> completed = send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/engine-rest/task/"
        + taskId + "/complete")).header("Authorization", basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(variables)).build());
    assertThat(completed.statusCode()).as("triage completed: %s", completed.body()).isEqualTo(204);
  }

  /** The first column of the first row of a query on the cluster's database. */
  long count(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection((String) database.get("SPRING_DATASOURCE_URL"),
        (String) database.get("SPRING_DATASOURCE_USERNAME"), (String) database.get("SPRING_DATASOURCE_PASSWORD"));
        Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Waits (bounded) until no mail of these cases waits or failed and {@code expected} of the template were sent. */
  long awaitSent(String template, String caseNumbersIn, long expected, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String sent = "select count(*) from mail_log where template = '" + template + "' and status = 'SENT' and "
        + caseNumbersIn;
    while ((count(sent) < expected || count("select count(*) from mail_log where status in ('QUEUED', 'FAILED') and "
        + caseNumbersIn) > 0) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250); // the interval of a bounded poll: the job executors send
    }
    return count(sent);
  }

  /** {@code case_number in ('…', …)} for SQL on {@code mail_log}. */
  static String caseNumberIn(java.util.Collection<String> caseNumbers) {
    return "case_number in ('" + String.join("','", caseNumbers) + "')";
  }

  static HttpResponse<String> send(HttpRequest request) throws Exception {
    return PLAIN.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** One browser for every node: the same cookies whichever node it asks (cookies do not depend on the port). */
  static final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> get(ClusterNode node, String url) throws Exception {
      return send(HttpRequest.newBuilder(on(node, url)).build());
    }

    HttpResponse<String> post(ClusterNode node, String url, String pageWithForm, String fields) throws Exception {
      Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pageWithForm);
      assertThat(token.find()).as("a CSRF token in the page").isTrue();
      String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
          + (fields.isEmpty() ? "" : "&" + fields);
      return send(HttpRequest.newBuilder(on(node, url)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Asserts the personal link opens its own code page (the party's first step) on this node. */
    void assertOpensCodePage(ClusterNode node, ReceivedMail mail) throws Exception {
      HttpResponse<String> page = get(node, mail.portalLink());
      assertThat(page.statusCode()).as("link to %s on %s", mail.to(), node.name()).isEqualTo(200);
      String token = mail.portalLink().replaceFirst("^.*/portal/([^/]+).*$", "$1");
      assertThat(page.body()).as("the link's own code page for %s", mail.to()).contains("/portal/" + token + "/code");
    }

    private static URI on(ClusterNode node, String url) {
      return URI.create(url.startsWith("/") ? node.baseUrl() + url
          : url.replaceFirst("^https?://[^/]+", node.baseUrl()));
    }
  }
}
