package nl.mediatafel.api;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.mediatafel.i18n.MessagesConfiguration;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An attacker's corpus of malformed requests against the public endpoints {@code POST /api/cases},
 * {@code POST /api/coaching} and the request form {@code /aanmelden}, sent as raw HTTP so nothing in a client library
 * tidies them up: wrong JSON types, duplicate keys, trailing garbage, control characters, reused addresses, bad
 * {@code Idempotency-Key}s, wrong content types, broken UTF-8, deep nesting, huge arrays and 10 MB bodies. Every one
 * gets a 4xx (never a 5xx, never a reset connection) that names the field, no stack trace, and nothing is written:
 * the domain tables and Camunda's process instances count the same before and after.
 */
@MediatafelTest
class MalformedInputCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final String KEPT = "Burenruzie over de heg KEEP-7731";
  /** Every table a request could write to (the rate limit and HTTP sessions are no request's data). */
  private static final List<String> DOMAIN_TABLES = List.of("mediation_case", "party", "case_request_key",
      "coaching_request_key", "coaching_trajectory", "coaching_session", "portal_link", "mail_log", "mail_attachment",
      "document", "signature", "sessions", "intake_answer", "intake_conversation", "forum_post", "forum_read_marker",
      "settlement_draft", "advisor_confidentiality");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired MessageSource messages;

  /** One malformed request, what it is sent to and what the answer must show. */
  record Attempt(String name, Endpoint endpoint, Sender sender, int status, String field) {}

  enum Endpoint { CASES, COACHING, FORM }

  @FunctionalInterface
  interface Sender {
    Reply send() throws Exception;
  }

  record Reply(int status, Map<String, List<String>> headers, String body) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? "" : values.get(0);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyMalformedRequestIsA4xxNamingItsFieldAndWritesNothing() throws Exception {
    Map<String, Long> before = counts();
    List<Attempt> attempts = new ArrayList<>();
    casesApi(attempts);
    coachingApi(attempts);
    requestForm(attempts);
    assertThat(attempts).hasSizeGreaterThanOrEqualTo(150);

    Stream<DynamicTest> each = attempts.stream().map(attempt -> DynamicTest.dynamicTest(
        attempt.endpoint() + ": " + attempt.name(), () -> check(attempt, attempt.sender().send())));
    return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("nothing was written",
        () -> assertThat(counts()).isEqualTo(before))));
  }

  /** The valid requests next to the corpus still work, also sent in chunks (the body limit keeps what it read). */
  @Test
  void validRequestsStillPassIncludingChunkedOnes() throws Exception {
    Reply api = send("/api/cases", headers(json(), idempotencyKey("desk-4711/2026:a_b.c~!")),
        validCase().toString().getBytes(UTF_8), true);
    assertThat(api.status()).as(api.body()).isEqualTo(201);

    ObjectNode lines = validCase();
    lines.put("summary", "Regel een\r\nRegel twee\tmet een tab");
    assertThat(send("/api/cases", headers(json()), lines.toString().getBytes(UTF_8), false).status()).isEqualTo(201);

    Reply coaching = send("/api/coaching", headers(json()), validCoaching().toString().getBytes(UTF_8), true);
    assertThat(coaching.status()).as(coaching.body()).isEqualTo(201);

    FormSession form = new FormSession();
    Reply posted = form.post("/aanmelden", validForm(), true);
    assertThat(posted.status()).as(posted.body()).isEqualTo(303);
    assertThat(posted.header("Location")).contains("/aanmelden/ontvangen?dossier=MED-");
  }

  private void check(Attempt attempt, Reply reply) throws IOException {
    assertThat(reply.status()).as("status, body %s", reply.body()).isBetween(400, 499);
    if (attempt.status() != 0) {
      assertThat(reply.status()).as("status, body %s", reply.body()).isEqualTo(attempt.status());
    }
    assertThat(reply.body()).as("no stack trace").doesNotContain("Exception", "at nl.", "org.springframework",
        "at java.", "at org.");
    if (attempt.endpoint() == Endpoint.FORM) {
      assertThat(reply.header("Content-Type")).startsWith("text/html");
      assertThat(reply.body()).as("a page with a visible message").contains("<h1", "</html>");
      if (attempt.field() != null) {
        assertThat(reply.body()).contains(attempt.field());
      }
      return;
    }
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode problem = JSON.readTree(reply.body());
    assertThat(problem.get("status").asInt()).isEqualTo(reply.status());
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    if (reply.status() == 413) {
      assertThat(problem.get("type").asText()).isEqualTo("https://mediatafel.nl/problems/body-too-large");
      assertThat(problem.get("detail").asText()).contains("256 KB", "262144");
    }
    if (attempt.field() != null) {
      assertThat(problem.get("errors").findValuesAsText("field")).as(reply.body()).contains(attempt.field());
      assertThat(problem.get("errors").findValuesAsText("message")).allSatisfy(message ->
          assertThat(message).isNotBlank());
    }
  }

  // --- /api/cases -------------------------------------------------------------------------------------------------

  private void casesApi(List<Attempt> attempts) {
    Endpoint at = Endpoint.CASES;
    // numbers, booleans, objects and lists where text belongs, and the other way round
    wrongType(attempts, at, "summary", 123);
    wrongType(attempts, at, "summary", 1.5);
    wrongType(attempts, at, "summary", true);
    wrongType(attempts, at, "summary", Map.of());
    wrongType(attempts, at, "summary", List.of("Werktijden"));
    wrongType(attempts, at, "conflictType", 7);
    wrongType(attempts, at, "escalation", false);
    wrongType(attempts, at, "preferredRoute", List.of("FACE_TO_FACE"));
    wrongType(attempts, at, "safetyConcern", "true");
    wrongType(attempts, at, "safetyConcern", "false");
    wrongType(attempts, at, "safetyConcern", 1);
    wrongType(attempts, at, "safetyConcern", 0);
    wrongType(attempts, at, "safetyConcern", "");
    wrongType(attempts, at, "safetyConcern", 1.0);
    wrongType(attempts, at, "safetyConcern", "ja");
    wrongType(attempts, at, "safetyConcern", Map.of());
    wrongType(attempts, at, "safetyConcern", List.of(true));
    wrongType(attempts, at, "parties[0].abroad", "true");
    wrongType(attempts, at, "parties[1].abroad", 1);
    wrongType(attempts, at, "parties[0].name", 42);
    wrongType(attempts, at, "parties[1].name", false);
    wrongType(attempts, at, "parties[1].email", 3.14);
    wrongType(attempts, at, "parties[0].language", 1);
    wrongType(attempts, at, "parties[0].payer", true);
    wrongType(attempts, at, "parties[0].advisor.name", 5);
    wrongType(attempts, at, "parties[0].advisor.email", List.of());
    wrongType(attempts, at, "parties[0].advisor", "Mr. P. Smit");
    wrongType(attempts, at, "parties[0].advisor", List.of());
    wrongType(attempts, at, "referrer", "EMPLOYER");
    wrongType(attempts, at, "referrer.type", 1);
    wrongType(attempts, at, "referrer.name", true);
    wrongType(attempts, at, "referrer.reference", 4711);
    wrongType(attempts, at, "parties", Map.of());
    wrongType(attempts, at, "parties", "twee");
    wrongType(attempts, at, "parties", "");
    wrongType(attempts, at, "parties[0]", "Jan de Boer");
    wrongType(attempts, at, "parties[1]", 2);
    // JSON null and missing values for required fields
    for (String field : List.of("conflictType", "summary", "escalation", "preferredRoute", "safetyConcern",
        "parties", "parties[1]", "parties[0].name", "parties[0].email", "parties[0].language", "parties[0].payer",
        "referrer.type", "parties[0].advisor.name", "parties[0].advisor.email")) {
      attempts.add(caseAttempt("null " + field, request -> set(request, field, null), field));
    }
    for (String field : List.of("conflictType", "summary", "escalation", "preferredRoute", "safetyConcern",
        "parties")) {
      attempts.add(caseAttempt("without " + field, request -> request.remove(field), field));
    }
    // values outside the lists, blank, too long, not an address
    for (var value : List.of(List.of("conflictType", "WAR"), List.of("conflictType", "labour"),
        List.of("conflictType", "LABOUR "), List.of("conflictType", ""), List.of("escalation", "EXTREME"),
        List.of("preferredRoute", "CARRIER_PIGEON"), List.of("referrer.type", "NEIGHBOUR"),
        List.of("parties[0].language", "de"), List.of("parties[1].payer", "NOBODY"), List.of("summary", "   "),
        List.of("summary", "x".repeat(2001)), List.of("parties[0].name", ""), List.of("parties[0].name",
            "n".repeat(201)), List.of("parties[1].email", "geen-adres"), List.of("parties[1].email", "a@b@c"),
        List.of("parties[1].email", "e".repeat(250) + "@x.nl"), List.of("referrer.reference", "r".repeat(101)),
        List.of("parties[0].advisor.email", "advocaat"))) {
      attempts.add(caseAttempt(value.get(0) + " = " + abbreviate(value.get(1)),
          request -> set(request, value.get(0), value.get(1)), value.get(0)));
    }
    // control characters: no line break or tab in one-line fields, no other control character anywhere
    for (var value : List.of(List.of("parties[0].name", "Jan\r\nde Boer"), List.of("parties[0].name", "Jan\nde Boer"),
        List.of("parties[0].name", "Jan\rde Boer"), List.of("parties[0].name", "Jan\tde Boer"),
        List.of("parties[0].name", "Jan\u0000"), List.of("parties[1].name", "\u001b[31mEmma"),
        List.of("parties[1].name", "Emma\u007f"), List.of("parties[1].name", "Emma\u0085"),
        List.of("parties[0].email", "j.deboer@example.nl\r\nBcc: x@evil.example"),
        List.of("parties[1].email", "emma@example.co.uk\n"), List.of("parties[0].advisor.name", "Mr.\nP. Smit"),
        List.of("parties[0].advisor.email", "p.smit@advocaat.example\t"),
        List.of("referrer.name", "HR\r\nBakkerij Janssen"), List.of("referrer.reference", "REF\t4711"),
        List.of("summary", "Werktijden\u0000"), List.of("summary", "Werktijden\u0007"),
        List.of("summary", "Werktijden\u001b[2J"))) {
      attempts.add(caseAttempt(value.get(0) + " with " + visible(value.get(1)),
          request -> set(request, value.get(0), value.get(1)), value.get(0)));
    }
    attempts.add(new Attempt("half a surrogate pair in a name", at, () -> postCase(validCase().toString()
        .replace("Emma Clarke", "Emma \\ud800")), 400, "parties[1].name"));
    attempts.add(new Attempt("CESU-8 surrogate bytes in a name", at, () -> postCase(replaceBytes(
        validCase().toString(), "Emma Clarke", new byte[] {'E', (byte) 0xED, (byte) 0xA0, (byte) 0x80})), 400,
        null));
    // one address per person: parties and advisors, trimmed, whatever the case
    attempts.add(caseAttempt("second party with the first's address in capitals",
        request -> set(request, "parties[1].email", "J.DeBoer@Example.NL"), "parties[1].email"));
    attempts.add(caseAttempt("party with another party's advisor's address",
        request -> set(request, "parties[1].email", " P.Smit@advocaat.example "), "parties[1].email"));
    attempts.add(caseAttempt("advisor with another party's address", request -> {
      ObjectNode advisor = ((ObjectNode) request.get("parties").get(1)).putObject("advisor");
      advisor.put("name", "Mr. Q. Jansen");
      advisor.put("email", "EMMA@example.co.uk");
    }, "parties[1].advisor.email"));
    attempts.add(caseAttempt("advisor with their own party's address",
        request -> set(request, "parties[0].advisor.email", "j.deboer@EXAMPLE.nl"), "parties[0].advisor.email"));
    attempts.add(caseAttempt("third party's advisor with the second's advisor's address", request -> {
      ObjectNode second = ((ObjectNode) request.get("parties").get(1)).putObject("advisor");
      second.put("name", "Mr. Q. Jansen");
      second.put("email", "q.jansen@kantoor.example");
      ObjectNode third = party("Piet Bakker", "piet@example.nl");
      third.putObject("advisor").put("name", "Mr. R. de Wit").put("email", "Q.Jansen@Kantoor.Example");
      ((ArrayNode) request.get("parties")).add(third);
    }, "parties[2].advisor.email"));
    // how many parties
    attempts.add(caseAttempt("no parties", request -> ((ArrayNode) request.get("parties")).removeAll(), "parties"));
    attempts.add(caseAttempt("one party", request -> ((ArrayNode) request.get("parties")).remove(1), "parties"));
    attempts.add(caseAttempt("31 parties", request -> parties(request, 31), "parties"));
    attempts.add(caseAttempt("2000 parties", request -> parties(request, 2000), "parties"));
    attempts.add(new Attempt("5000 empty parties", at, () -> postCase(validCase().toString().replaceFirst(
        "\"parties\":\\[", "\"parties\":[" + "{},".repeat(5000))), 400, "parties"));
    // duplicate keys, wherever they are
    attempts.add(new Attempt("summary twice", at, () -> postCase(validCase().toString()
        .replaceFirst("\\{", "{\"summary\":\"Eerst iets anders\",")), 400, "summary"));
    attempts.add(new Attempt("safetyConcern twice", at, () -> postCase(validCase().toString()
        .replace("\"safetyConcern\":false", "\"safetyConcern\":false,\"safetyConcern\":true")), 400,
        "safetyConcern"));
    attempts.add(new Attempt("a party's name twice", at, () -> postCase(validCase().toString()
        .replace("\"name\":\"Emma Clarke\"", "\"name\":\"Emma Clarke\",\"name\":\"Eve\"")), 400, "parties[1].name"));
    attempts.add(new Attempt("an advisor's address twice", at, () -> postCase(validCase().toString()
        .replace("\"email\":\"p.smit@advocaat.example\"",
            "\"email\":\"p.smit@advocaat.example\",\"email\":\"eve@evil.example\"")), 400,
        "parties[0].advisor.email"));
    attempts.add(new Attempt("an unknown key twice", at, () -> postCase(validCase().toString()
        .replaceFirst("\\{", "{\"x\":1,\"x\":2,")), 400, "x"));
    attempts.add(new Attempt("parties twice", at, () -> postCase(validCase().toString()
        .replaceFirst("\\{", "{\"parties\":[],")), 400, "parties"));
    // anything after the JSON object
    for (String trailer : List.of(" garbage", "{}", "]", ",", " 1", "\"x\"", " null", "}", "\u0000")) {
      attempts.add(new Attempt("trailing " + visible(trailer), at, () -> postCase(validCase() + trailer), 400,
          "request"));
    }
    attempts.add(new Attempt("two requests in one body", at, () -> postCase(validCase() + "\n" + validCase()), 400,
        "request"));
    // not a JSON object, or not JSON at all
    for (String body : List.of("", " ", "\r\n", "null", "[]", "[" + validCase() + "]", "\"aanmelding\"", "123",
        "true", "{\"summary\": ", "{summary: \"x\"}", "{'summary': 'x'}", "/* c */ " + validCase(),
        "{\"summary\":\"x\",}", "{\"safetyConcern\": NaN}", "{\"safetyConcern\": tru}", "{\"a\" \"b\"}",
        "<aanmelding/>", "conflictType=LABOUR", "{\"x\":" + "1".repeat(2000) + "}")) {
      attempts.add(new Attempt("body " + abbreviate(visible(body)), at, () -> postCase(body), 400, "request"));
    }
    attempts.add(new Attempt("UTF-16 body", at, () -> send("/api/cases", headers(json()),
        validCase().toString().getBytes(java.nio.charset.StandardCharsets.UTF_16LE), false), 400, "request"));
    attempts.add(new Attempt("charset ISO-8859-1 declared", at, () -> send("/api/cases",
        headers(header("Content-Type", "application/json; charset=ISO-8859-1")),
        validCase().toString().getBytes(ISO_8859_1), false), 400, "request"));
    attempts.add(new Attempt("a replacement character in a name", at, () -> postCase(validCase().toString()
        .replace("Emma Clarke", "Emma \\ufffd")), 400, "parties[1].name"));
    // broken UTF-8
    for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0,
        (byte) 0xAF}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80,
        (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80})) {
      attempts.add(new Attempt("invalid UTF-8 " + hex(bad), at, () -> postCase(replaceBytes(validCase().toString(),
          "Emma Clarke", concat("Emma".getBytes(UTF_8), bad))), 400, "request"));
    }
    // deep nesting and huge values, inside the limit
    attempts.add(new Attempt("arrays nested 5000 deep", at, () -> postCase(validCase().toString()
        .replaceFirst("\\{", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + ",")), 400, "request"));
    attempts.add(new Attempt("objects nested 5000 deep", at, () -> postCase(validCase().toString()
        .replaceFirst("\\{", "{\"x\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + ",")), 400, "request"));
    attempts.add(new Attempt("summary nested 3000 deep", at, () -> postCase(validCase().toString()
        .replace("\"summary\":\"Conflict over werktijden\"", "\"summary\":" + "[".repeat(3000) + "]".repeat(3000))),
        400, null));
    attempts.add(new Attempt("a key of 100 000 characters", at, () -> postCase(validCase().toString()
        .replaceFirst("\\{", "{\"" + "k".repeat(100_000) + "\":1,")), 400, null));
    // content types: only JSON; multipart is refused before anything parses it
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/html",
        "application/octet-stream", "image/png", "json", "application/json; charset=klingon", "*/*",
        "application/*")) {
      attempts.add(new Attempt("Content-Type " + type, at, () -> send("/api/cases",
          headers(header("Content-Type", type)), validCase().toString().getBytes(UTF_8), false), 415, null));
    }
    attempts.add(new Attempt("no Content-Type", at, () -> send("/api/cases", List.of(),
        validCase().toString().getBytes(UTF_8), false), 415, null));
    multipart(attempts, at, "/api/cases");
    // sizes
    tooLarge(attempts, at, "/api/cases");
    attempts.add(new Attempt("a summary of 300 KB", at, () -> postCase(validCase().put("summary",
        "x".repeat(300 * 1024)).toString()), 413, null));
    attempts.add(new Attempt("a summary of 300 KB, chunked", at, () -> send("/api/cases", headers(json()),
        validCase().put("summary", "x".repeat(300 * 1024)).toString().getBytes(UTF_8), true), 413, null));
    // the Idempotency-Key header: visible ASCII only, at most 100 characters
    idempotencyKeys(attempts, at, "/api/cases", validCase());
  }

  // --- /api/coaching ----------------------------------------------------------------------------------------------

  private void coachingApi(List<Attempt> attempts) {
    Endpoint at = Endpoint.COACHING;
    for (var value : List.<List<Object>>of(List.of("summary", 123), List.of("summary", true),
        List.of("conflictType", 3), List.of("preferredForm", 1), List.of("preferredForm", List.of("ONLINE")),
        List.of("person", "Jan de Boer"), List.of("person", List.of()), List.of("person.name", 5),
        List.of("person.email", false), List.of("person.language", 1.5), List.of("person.payer", Map.of()))) {
      String field = (String) value.get(0);
      attempts.add(coachingAttempt(field + " = " + JSON.valueToTree(value.get(1)),
          request -> set(request, field, JSON.valueToTree(value.get(1))), field));
    }
    for (var value : List.of(List.of("person.name", "Jan\r\nde Boer"), List.of("person.name", "Jan\tde Boer"),
        List.of("person.name", "Jan\u0000"), List.of("person.email", "jan@example.nl\nBcc: x@evil.example"),
        List.of("summary", "De heg\u0000"), List.of("conflictType", "WAR"), List.of("preferredForm", "BY_PIGEON"),
        List.of("person.language", "fr"), List.of("person.payer", "NOBODY"), List.of("person.email", "geen-adres"),
        List.of("summary", "x".repeat(2001)), List.of("summary", " "))) {
      attempts.add(coachingAttempt(value.get(0) + " = " + abbreviate(visible(value.get(1))),
          request -> set(request, value.get(0), value.get(1)), value.get(0)));
    }
    for (String field : List.of("summary", "conflictType", "preferredForm", "person", "person.name",
        "person.email")) {
      attempts.add(coachingAttempt("null " + field, request -> set(request, field, null), field));
    }
    attempts.add(new Attempt("summary twice", at, () -> postCoaching(validCoaching().toString()
        .replaceFirst("\\{", "{\"summary\":\"Iets anders\",")), 400, "summary"));
    attempts.add(new Attempt("the person's address twice", at, () -> postCoaching(validCoaching().toString()
        .replace("\"email\":\"p@example.nl\"", "\"email\":\"p@example.nl\",\"email\":\"eve@evil.example\"")), 400,
        "person.email"));
    attempts.add(new Attempt("trailing garbage", at, () -> postCoaching(validCoaching() + "]]"), 400, "request"));
    attempts.add(new Attempt("empty body", at, () -> postCoaching(""), 400, "request"));
    attempts.add(new Attempt("a list instead of an object", at, () -> postCoaching("[]"), 400, "request"));
    attempts.add(new Attempt("invalid UTF-8", at, () -> send("/api/coaching", headers(json()), replaceBytes(
        validCoaching().toString(), "De schutting", new byte[] {'D', (byte) 0xC3, 0x28}), false), 400, null));
    attempts.add(new Attempt("nested 5000 deep", at, () -> postCoaching(validCoaching().toString()
        .replaceFirst("\\{", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + ",")), 400, "request"));
    attempts.add(new Attempt("Content-Type text/plain", at, () -> send("/api/coaching",
        headers(header("Content-Type", "text/plain")), validCoaching().toString().getBytes(UTF_8), false), 415, null));
    multipart(attempts, at, "/api/coaching");
    tooLarge(attempts, at, "/api/coaching");
    idempotencyKeys(attempts, at, "/api/coaching", validCoaching());
  }

  // --- /aanmelden -------------------------------------------------------------------------------------------------

  private void requestForm(List<Attempt> attempts) throws Exception {
    FormSession session = new FormSession();
    Endpoint at = Endpoint.FORM;
    String singleLine = message("mediatafel.singleLine");
    String plainText = message("mediatafel.plainText");
    String duplicate = message("request.duplicate-email");
    String invalidValue = message("request.errors.invalid-value");
    for (var value : List.of(List.of("parties[0].name", "Jan\r\nde Boer", singleLine),
        List.of("parties[0].name", "Jan\tde Boer", singleLine), List.of("parties[1].name", "Emma\nClarke", singleLine),
        List.of("parties[0].email", "jan@example.nl\r\nBcc: x@evil.example", singleLine),
        List.of("parties[0].advisorName", "Mr.\nP. Smit", singleLine),
        List.of("referrerName", "Loket\rUtrecht", singleLine), List.of("referrerReference", "REF\t4711", singleLine),
        List.of("parties[0].name", "Jan\u0000", plainText), List.of("summary", KEPT + "\u0007", plainText),
        List.of("parties[1].email", "JAN@Example.nl", duplicate),
        List.of("parties[1].advisorEmail", "jan@example.nl", duplicate),
        List.of("conflictType", "WAR", message("mediatafel.oneOf")),
        List.of("escalation", "", message("mediatafel.required")),
        List.of("parties[0].email", "geen-adres", message("mediatafel.email")),
        List.of("parties[0].name", "n".repeat(201), "hoogstens 200"),
        List.of("safetyConcern", "misschien", invalidValue), List.of("parties[0].abroad", "2", invalidValue))) {
      Map<String, String> fields = validForm();
      fields.put(value.get(0), value.get(1));
      if (value.get(0).equals("parties[1].advisorEmail")) {
        fields.put("parties[1].advisorName", "Mr. Q. Jansen");
      }
      attempts.add(new Attempt(value.get(0) + " = " + abbreviate(visible(value.get(1))), at,
          () -> keptInput(session.post("/aanmelden", fields, false)), 400, value.get(2)));
    }
    attempts.add(new Attempt("one advisor for two parties", at, () -> {
      Map<String, String> fields = validForm();
      fields.putAll(Map.of("parties[0].advisorName", "Mr. P. Smit", "parties[0].advisorEmail", "p.smit@advocaat.nl",
          "parties[1].advisorName", "Mr. P. Smit", "parties[1].advisorEmail", " P.Smit@Advocaat.nl "));
      return keptInput(session.post("/aanmelden", fields, false));
    }, 400, duplicate));
    attempts.add(new Attempt("a party beyond the maximum", at, () -> {
      Map<String, String> fields = validForm();
      fields.put("parties[99].name", "Eve");
      return session.post("/aanmelden", fields, false);
    }, 400, message("request.refused.invalid.heading")));
    attempts.add(new Attempt("without the CSRF token", at, () -> {
      Map<String, String> fields = validForm();
      fields.put("_csrf", null);
      return session.post("/aanmelden", fields, false);
    }, 403, message("request.refused.csrf.heading")));
    attempts.add(new Attempt("another CSRF token", at, () -> {
      Map<String, String> fields = validForm();
      fields.put("_csrf", "x".repeat(43));
      return session.post("/aanmelden", fields, false);
    }, 403, message("request.refused.csrf.heading")));
    attempts.add(new Attempt("a broken %-escape in a name", at, () -> session.postRaw("/aanmelden",
        "application/x-www-form-urlencoded",
        session.encoded(validForm()).replace("Jan+de+Boer", "Jan%zz").getBytes(ISO_8859_1), false), 0, null));
    attempts.add(new Attempt("invalid UTF-8 in a name", at, () -> session.postRaw("/aanmelden",
        "application/x-www-form-urlencoded",
        session.encoded(validForm()).replace("Jan+de+Boer", "Jan%C3%28").getBytes(ISO_8859_1), false), 400,
        message("mediatafel.plainText")));
    attempts.add(new Attempt("JSON sent to the form", at, () -> session.postRaw("/aanmelden", "application/json",
        validCase().toString().getBytes(UTF_8), false), 403, null));
    for (String path : List.of("/aanmelden", "/aanmelden/partijen")) {
      String tooLarge = message("request.refused.too-large.heading");
      String contentType = message("request.refused.content-type.heading");
      attempts.add(new Attempt(path + " junk multipart", at, () -> session.postRaw(path,
          "multipart/form-data; boundary=xyz", "--xyz\r\ngarbage without headers\r\n--x".getBytes(UTF_8), false),
          415, contentType));
      attempts.add(new Attempt(path + " well-formed multipart", at, () -> session.postRaw(path,
          "multipart/form-data; boundary=xyz", ("--xyz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
              + session.csrf + "\r\n--xyz--\r\n").getBytes(UTF_8), false), 415, contentType));
      attempts.add(new Attempt(path + " 10 MB with Content-Length", at, () -> session.postRaw(path,
          "application/x-www-form-urlencoded", padding(TEN_MB), false), 413, tooLarge));
      attempts.add(new Attempt(path + " 10 MB chunked", at, () -> session.postRaw(path,
          "application/x-www-form-urlencoded", padding(TEN_MB), true), 413, tooLarge));
      attempts.add(new Attempt(path + " 300 KB chunked", at, () -> session.postRaw(path,
          "application/x-www-form-urlencoded", padding(300 * 1024), true), 413, tooLarge));
    }
  }

  /** A page with field errors shows the user's input again. */
  private static Reply keptInput(Reply reply) {
    assertThat(reply.body()).as("the form keeps the input").contains(KEPT);
    return reply;
  }

  // --- shared attempts --------------------------------------------------------------------------------------------

  private void wrongType(List<Attempt> attempts, Endpoint at, String field, Object value) {
    attempts.add(caseAttempt(field + " = " + JSON.valueToTree(value),
        request -> set(request, field, JSON.valueToTree(value)), field));
  }

  private void multipart(List<Attempt> attempts, Endpoint at, String path) {
    attempts.add(new Attempt("junk multipart", at, () -> send(path,
        headers(header("Content-Type", "multipart/form-data; boundary=xyz")),
        "--xyz\r\n\u0000\u0001junk--".getBytes(UTF_8), false), 415, null));
    attempts.add(new Attempt("multipart without a boundary", at, () -> send(path,
        headers(header("Content-Type", "multipart/form-data")), "whatever".getBytes(UTF_8), false), 415, null));
    attempts.add(new Attempt("multipart with the JSON as a part", at, () -> send(path,
        headers(header("Content-Type", "multipart/form-data; boundary=b")), ("--b\r\nContent-Disposition: form-data;"
            + " name=\"request\"\r\nContent-Type: application/json\r\n\r\n" + validCase() + "\r\n--b--\r\n")
            .getBytes(UTF_8), false), 415, null));
    attempts.add(new Attempt("multipart/mixed, chunked", at, () -> send(path,
        headers(header("Content-Type", "multipart/mixed; boundary=b")), "--b\r\n\r\n--b--".getBytes(UTF_8), true),
        415, null));
  }

  private void tooLarge(List<Attempt> attempts, Endpoint at, String path) {
    attempts.add(new Attempt("10 MB with Content-Length", at, () -> send(path, headers(json()), padding(TEN_MB),
        false), 413, null));
    attempts.add(new Attempt("10 MB chunked", at, () -> send(path, headers(json()), padding(TEN_MB), true), 413,
        null));
    attempts.add(new Attempt("one byte over the limit", at, () -> send(path, headers(json()),
        padding(256 * 1024 + 1), false), 413, null));
    attempts.add(new Attempt("one byte over the limit, chunked", at, () -> send(path, headers(json()),
        padding(256 * 1024 + 1), true), 413, null));
    attempts.add(new Attempt("10 MB from java.net.http.HttpClient", at, () -> {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(padding(TEN_MB))).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map().entrySet().stream().collect(
          Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)), response.body());
    }, 413, null));
  }

  private void idempotencyKeys(List<Attempt> attempts, Endpoint at, String path, ObjectNode valid) {
    for (String key : List.of("desk\t4711", "desk 4711", "bureau-caf\u00e9", "k".repeat(101), "\u00a0desk",
        "desk\u00ff")) {
      attempts.add(new Attempt("Idempotency-Key " + abbreviate(visible(key)), at, () -> send(path,
          headers(json(), idempotencyKey(key)), valid.toString().getBytes(UTF_8), false), 400, "Idempotency-Key"));
    }
  }

  private Attempt caseAttempt(String name, Consumer<ObjectNode> change, String field) {
    return new Attempt(name, Endpoint.CASES, () -> {
      ObjectNode request = validCase();
      change.accept(request);
      return postCase(request.toString());
    }, 400, field);
  }

  private Attempt coachingAttempt(String name, Consumer<ObjectNode> change, String field) {
    return new Attempt(name, Endpoint.COACHING, () -> {
      ObjectNode request = validCoaching();
      change.accept(request);
      return postCoaching(request.toString());
    }, 400, field);
  }

  // --- requests ---------------------------------------------------------------------------------------------------

  static ObjectNode validCase() {
    ObjectNode request = JSON.createObjectNode();
    request.put("conflictType", "LABOUR");
    request.put("summary", "Conflict over werktijden");
    request.put("escalation", "MEDIUM");
    request.put("preferredRoute", "NO_PREFERENCE");
    request.put("safetyConcern", false);
    request.putObject("referrer").put("type", "EMPLOYER").put("name", "HR Bakkerij Janssen");
    ArrayNode parties = request.putArray("parties");
    ObjectNode jan = party("Jan de Boer", "j.deboer@example.nl");
    jan.putObject("advisor").put("name", "Mr. P. Smit").put("email", "p.smit@advocaat.example");
    parties.add(jan);
    parties.add(party("Emma Clarke", "emma@example.co.uk").put("language", "en").put("abroad", true));
    return request;
  }

  static ObjectNode validCoaching() {
    ObjectNode request = JSON.createObjectNode();
    request.put("conflictType", "NEIGHBOURS");
    request.put("summary", "De schutting");
    request.put("preferredForm", "ONLINE");
    request.putObject("person").put("name", "P").put("email", "p@example.nl").put("language", "nl")
        .put("payer", "SELF");
    return request;
  }

  private static ObjectNode party(String name, String email) {
    return JSON.createObjectNode().put("name", name).put("email", email).put("language", "nl").put("payer", "SELF");
  }

  private static void parties(ObjectNode request, int count) {
    ArrayNode parties = (ArrayNode) request.get("parties");
    parties.removeAll();
    for (int i = 0; i < count; i++) {
      parties.add(party("Lid " + i, "lid" + i + "@vve.example"));
    }
  }

  private Map<String, String> validForm() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("conflictType", "NEIGHBOURS");
    fields.put("summary", KEPT);
    fields.put("escalation", "LOW");
    fields.put("preferredRoute", "NO_PREFERENCE");
    fields.put("referrerType", "SELF");
    fields.put("referrerName", "");
    fields.put("referrerReference", "");
    for (int i = 0; i < 2; i++) {
      fields.put("parties[" + i + "].name", i == 0 ? "Jan de Boer" : "Emma Clarke");
      fields.put("parties[" + i + "].email", i == 0 ? "jan@example.nl" : "emma@example.nl");
      fields.put("parties[" + i + "].language", "nl");
      fields.put("parties[" + i + "].payer", "SELF");
      fields.put("parties[" + i + "].advisorName", "");
      fields.put("parties[" + i + "].advisorEmail", "");
    }
    fields.put("action", "submit");
    return fields;
  }

  /** Sets a field by its path ({@code parties[0].advisor.email}) to a text, a JSON value or JSON null. */
  private static void set(ObjectNode request, String path, Object value) {
    String[] steps = path.split("\\.");
    JsonNode node = request;
    for (int i = 0; i < steps.length - 1; i++) {
      node = step(node, steps[i]);
    }
    String last = steps[steps.length - 1];
    JsonNode json = value == null ? JSON.nullNode() : value instanceof JsonNode given ? given : JSON.valueToTree(value);
    Matcher indexed = Pattern.compile("(\\w+)\\[(\\d+)]").matcher(last);
    if (indexed.matches()) {
      ((ArrayNode) node.get(indexed.group(1))).set(Integer.parseInt(indexed.group(2)), json);
    } else {
      ((ObjectNode) node).set(last, json);
    }
  }

  private static JsonNode step(JsonNode node, String step) {
    Matcher indexed = Pattern.compile("(\\w+)\\[(\\d+)]").matcher(step);
    return indexed.matches() ? node.get(indexed.group(1)).get(Integer.parseInt(indexed.group(2))) : node.get(step);
  }

  private Reply postCase(String body) throws IOException {
    return send("/api/cases", headers(json()), body.getBytes(UTF_8), false);
  }

  private Reply postCase(byte[] body) throws IOException {
    return send("/api/cases", headers(json()), body, false);
  }

  private Reply postCoaching(String body) throws IOException {
    return send("/api/coaching", headers(json()), body.getBytes(UTF_8), false);
  }

  private static List<String[]> headers(String[]... headers) {
    return Arrays.asList(headers);
  }

  private static String[] json() {
    return header("Content-Type", "application/json");
  }

  private static String[] idempotencyKey(String key) {
    return header("Idempotency-Key", key);
  }

  private static String[] header(String name, String value) {
    return new String[] {name, value};
  }

  /** A JSON-ish body of the given size (a long string in an object). */
  private static byte[] padding(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'a');
    body[0] = '{';
    body[1] = '"';
    return body;
  }

  private static byte[] replaceBytes(String text, String target, byte[] replacement) {
    int at = text.indexOf(target);
    assertThat(at).as("'%s' in the request", target).isNotNegative();
    return concat(text.substring(0, at).getBytes(UTF_8), replacement,
        text.substring(at + target.length()).getBytes(UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private String message(String key) {
    return messages.getMessage(key, null, MessagesConfiguration.DUTCH);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : DOMAIN_TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put("case numbers issued",
        jdbc.queryForObject("select coalesce(sum(last_value), 0) from case_number_counter", Long.class));
    counts.put("process instances", runtimeService.createProcessInstanceQuery().count());
    counts.put("historic process instances", historyService.createHistoricProcessInstanceQuery().count());
    return counts;
  }

  private static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
        ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "…";
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02X ", b));
    }
    return out.toString().trim();
  }

  // --- raw HTTP ---------------------------------------------------------------------------------------------------

  /**
   * One request on its own connection, exactly as given: header values as ISO-8859-1 bytes (a tab or an é goes
   * through as sent), the body with a Content-Length or in 8 KB chunks. The whole body is written before the answer
   * is read: a server that stops reading and resets the connection fails the attempt.
   */
  private Reply send(String path, List<String[]> headers, byte[] body, boolean chunked) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nConnection: close\r\n");
      for (String[] header : headers) {
        head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
      head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
      out.write(head.append("\r\n").toString().getBytes(ISO_8859_1));
      if (chunked) {
        for (int i = 0; i < body.length; i += 8192) {
          int length = Math.min(8192, body.length - i);
          out.write((Integer.toHexString(length) + "\r\n").getBytes(ISO_8859_1));
          out.write(body, i, length);
          out.write("\r\n".getBytes(ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(ISO_8859_1));
      } else {
        out.write(body);
      }
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()));
    }
  }

  private static Reply read(InputStream in) throws IOException {
    String status = line(in);
    assertThat(status).as("status line").startsWith("HTTP/1.1 ");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        body.writeBytes(in.readNBytes(size));
        line(in);
      }
    } else if (first(headers, "content-length") != null) {
      body.writeBytes(in.readNBytes(Integer.parseInt(first(headers, "content-length"))));
    } else {
      body.writeBytes(in.readAllBytes());
    }
    return new Reply(Integer.parseInt(status.substring(9, 12)), headers, body.toString(UTF_8));
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? null : values.get(0);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("connection closed in the middle of a line: " + line.toString(ISO_8859_1));
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(ISO_8859_1);
  }

  /** A browser on the request page: its session cookie and the page's CSRF token. */
  private final class FormSession {

    final String cookie;
    final String csrf;

    FormSession() throws IOException {
      try (Socket socket = new Socket("localhost", port)) {
        socket.getOutputStream().write(("GET /aanmelden HTTP/1.1\r\nHost: localhost:" + port
            + "\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
        Reply page = read(new BufferedInputStream(socket.getInputStream()));
        assertThat(page.status()).isEqualTo(200);
        cookie = page.headers().get("set-cookie").stream().map(value -> value.split(";")[0])
            .collect(Collectors.joining("; "));
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("the page's CSRF token").isTrue();
        csrf = token.group(1);
      }
    }

    Reply post(String path, Map<String, String> fields, boolean chunked) throws IOException {
      return postRaw(path, "application/x-www-form-urlencoded", encoded(fields).getBytes(ISO_8859_1), chunked);
    }

    Reply postRaw(String path, String contentType, byte[] body, boolean chunked) throws IOException {
      return send(path, headers(header("Content-Type", contentType), header("Cookie", cookie)), body, chunked);
    }

    String encoded(Map<String, String> fields) {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("_csrf", csrf);
      all.putAll(fields);
      return all.entrySet().stream().filter(field -> field.getValue() != null)
          .map(field -> URLEncoder.encode(field.getKey(), UTF_8) + "=" + URLEncoder.encode(field.getValue(), UTF_8))
          .collect(Collectors.joining("&"));
    }
  }
}
