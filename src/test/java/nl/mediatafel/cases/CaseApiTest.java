package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/cases} and {@code GET /api/cases/{n}} through HTTP, as a front desk's system would call them. */
@MediatafelTest
class CaseApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired MediationCaseRepository cases;
  @Autowired PartyRepository parties;
  @Autowired DocumentService documents;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseRequestKeyRepository keys;

  @Test
  void aValidRequestCreatesTheCaseAndStartsItsProcessAtTriage() {
    ResponseEntity<JsonNode> response = post(validRequest(), null, null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = response.getBody().get("caseNumber").asText();
    assertThat(caseNumber).matches("MED-\\d{4}-\\d{4}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + caseNumber);
    assertThat(response.getBody().get("status").asText()).isEqualTo("REQUESTED");

    assertThat(cases.findById(caseNumber)).isPresent();
    List<Party> stored = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
    assertThat(stored).extracting(Party::getEmail).containsExactly("j.deboer@example.nl", "emma@example.co.uk");
    assertThat(stored.get(0).getAdvisorName()).isEqualTo("Mr. P. Smit");

    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
    assertThat(instance).isNotNull();
    Task triage = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(triage.getTaskDefinitionKey()).isEqualTo(MediationCaseProcess.Elements.TRIAGE);
    assertThat(MediationCaseProcess.ROUTE_ADVICE.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo("ONLINE_VIDEO");
    assertThat(MediationCaseProcess.CASE_NUMBER.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo(caseNumber);
    assertThat(triage.getDueDate()).isNotNull();
  }

  @Test
  void caseNumbersAreUniqueAndAscending() {
    String first = post(validRequest(), null, null).getBody().get("caseNumber").asText();
    String second = post(validRequest(), null, null).getBody().get("caseNumber").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(Integer.parseInt(second.substring(9))).isGreaterThan(Integer.parseInt(first.substring(9)));
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsStored() {
    long casesBefore = cases.count();
    ObjectNode request = validRequest();
    request.put("conflictType", "WAR");
    request.put("summary", "x".repeat(2001));
    request.remove("escalation");
    request.put("preferredRoute", "CARRIER_PIGEON");
    ((ObjectNode) request.get("referrer")).put("type", "NEIGHBOUR");
    ObjectNode party = (ObjectNode) request.get("parties").get(1);
    party.put("email", "not-an-address");
    party.put("language", "de");
    party.put("payer", "NOBODY");
    party.put("name", " ");

    ResponseEntity<JsonNode> response = post(request, null, null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("title").asText()).isEqualTo("Ongeldige aanmelding");
    assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "conflictType", "summary", "escalation", "preferredRoute", "referrer.type", "parties[1].email",
        "parties[1].language", "parties[1].payer", "parties[1].name");
    assertThat(response.getBody().toString()).doesNotContain("Exception", "at nl.");
    assertThat(cases.count()).isEqualTo(casesBefore);
  }

  @Test
  void twoToThirtyPartiesEachWithTheirOwnAddress() {
    ObjectNode one = validRequest();
    ((ArrayNode) one.get("parties")).remove(1);
    assertThat(fields(post(one, null, null))).containsExactly("parties");

    ObjectNode thirtyOne = validRequest();
    ArrayNode parties = (ArrayNode) thirtyOne.get("parties");
    parties.removeAll();
    for (int i = 1; i <= 31; i++) {
      parties.add(party("Lid " + i, "lid" + i + "@vve.example", "nl"));
    }
    assertThat(fields(post(thirtyOne, null, null))).containsExactly("parties");
    parties.remove(30);
    assertThat(post(thirtyOne, null, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ObjectNode sameAddress = validRequest();
    ((ObjectNode) sameAddress.get("parties").get(1)).put("email", "J.DeBoer@example.nl");
    ResponseEntity<JsonNode> duplicate = post(sameAddress, null, null);
    assertThat(fields(duplicate)).containsExactly("parties[1].email");
  }

  @Test
  void unreadableJsonAndWrongTypesAreExplained() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> broken = http.postForEntity("/api/cases", new HttpEntity<>("{\"summary\": ", headers),
        JsonNode.class);
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    ObjectNode wrongType = validRequest();
    wrongType.put("safetyConcern", "misschien");
    assertThat(fields(post(wrongType, null, null))).containsExactly("safetyConcern");
  }

  @Test
  void aTooLongIdempotencyKeyIsNamedLikeEveryBadFieldAndNothingIsStored() {
    long casesBefore = cases.count();
    long keysBefore = keys.count();

    ResponseEntity<JsonNode> response = post(validRequest(), "k".repeat(101), null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("type").asText()).isEqualTo("https://mediatafel.nl/problems/invalid-request");
    assertThat(response.getBody().get("title").asText()).isEqualTo("Ongeldige aanmelding");
    assertThat(response.getBody().get("detail").asText()).endsWith("Controleer: Idempotency-Key");
    assertThat(fields(response)).containsExactly("Idempotency-Key");
    assertThat(response.getBody().get("errors").get(0).get("message").asText()).isNotBlank();
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(keys.count()).isEqualTo(keysBefore);

    assertThat(post(validRequest(), "k".repeat(100), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  /** PostgreSQL refuses a NUL in text: without the check this was a 500 after validation, on insert. */
  @Test
  void controlCharactersAndHalfSurrogatesAreNamedAndNothingIsStored() {
    long casesBefore = cases.count();
    ObjectNode request = validRequest();
    request.put("summary", "Werktijden\u0000");
    ((ObjectNode) request.get("parties").get(1)).put("name", "HALF");
    ((ObjectNode) request.get("parties").get(0).get("advisor")).put("name", "Mr.\u0007Smit");

    ResponseEntity<JsonNode> response = postJson(request.toString().replace("HALF", "Emma \\ud800"));

    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(fields(response)).containsExactly("parties[0].advisor.name", "parties[1].name", "summary");
    assertThat(cases.count()).isEqualTo(casesBefore);

    ObjectNode lines = validRequest();
    lines.put("summary", "Regel een\r\nRegel twee\tmet tab, en een emoji \uD83D\uDE42");
    assertThat(post(lines, null, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aNullInTheListOfPartiesIsARequiredParty() {
    long casesBefore = cases.count();
    ObjectNode request = validRequest();
    ((ArrayNode) request.get("parties")).insertNull(1);

    ResponseEntity<JsonNode> response = post(request, null, null);

    assertThat(fields(response)).containsExactly("parties[1]");
    assertThat(response.getBody().get("errors").get(0).get("message").asText()).isEqualTo("is verplicht");
    assertThat(cases.count()).isEqualTo(casesBefore);
  }

  @Test
  void englishMessagesWhenAskedFor() {
    ObjectNode request = validRequest();
    request.put("escalation", "EXTREME");
    ResponseEntity<JsonNode> response = post(request, null, "en");
    assertThat(response.getBody().get("title").asText()).isEqualTo("Invalid request");
    assertThat(response.getBody().get("errors").get(0).get("message").asText()).startsWith("must be one of:");
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheFirstCase() {
    ObjectNode request = validRequest();
    ResponseEntity<JsonNode> first = post(request, "front-desk-4711", null);
    ResponseEntity<JsonNode> retry = post(request, "front-desk-4711", null);

    assertThat(retry.getBody().get("caseNumber")).isEqualTo(first.getBody().get("caseNumber"));
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(first.getBody().get("caseNumber").asText()).count()).isEqualTo(1);

    request.put("summary", "Een ander conflict");
    ResponseEntity<JsonNode> misuse = post(request, "front-desk-4711", null);
    assertThat(misuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Test
  void staffReadCasesMediatorsOnlyTheirOwn() {
    String caseNumber = post(validRequest(), null, null).getBody().get("caseNumber").asText();
    String path = "/api/cases/" + caseNumber;

    assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    JsonNode view = http.withBasicAuth("sanne", "sanne").getForObject(path, JsonNode.class);
    assertThat(view.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(view.get("stage").get(0).asText()).isEqualTo("Aanmelding beoordelen");
    assertThat(view.get("parties")).hasSize(2);
    assertThat(view.get("deadlines").has("triageDeadline")).isTrue();
    assertThat(view.toString()).doesNotContain("Conflict over werktijden");
    assertThat(view.get("documents")).isEmpty();
    StoredDocument agreement = documents.generate(caseNumber, "MEDIATION_AGREEMENT", "mediation-agreement",
        java.util.Locale.forLanguageTag("nl"), java.util.Map.of("caseNumber", caseNumber));
    JsonNode withDocument = http.withBasicAuth("sanne", "sanne").getForObject(path, JsonNode.class);
    assertThat(withDocument.get("documents")).singleElement().satisfies(document -> {
      assertThat(document.get("id").asText()).isEqualTo(agreement.id().toString());
      assertThat(document.get("sha256").asText()).isEqualTo(agreement.sha256());
      assertThat(document.get("current").asBoolean()).isTrue();
      assertThat(document.has("content")).isFalse();
    });

    assertThat(http.withBasicAuth("anna", "anna").getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("daan", "daan").getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("sanne", "sanne").getForEntity("/api/cases/MED-1999-0001", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCoachingTrajectoryIsNotACase() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String coaching = http.postForEntity("/api/coaching", new HttpEntity<>("""
        {"conflictType": "NEIGHBOURS", "summary": "De schutting", "preferredForm": "ONLINE",
         "person": {"name": "P", "email": "p@example.nl", "language": "nl", "payer": "SELF"}}""", headers),
        JsonNode.class).getBody().get("caseNumber").asText();
    assertThat(coaching).startsWith("COA-");
    assertThat(cases.findById(coaching).orElseThrow().getKind()).isEqualTo("COACHING");

    ResponseEntity<String> asCase = http.withBasicAuth("sanne", "sanne").getForEntity("/api/cases/" + coaching,
        String.class);
    assertThat(asCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(asCase.getBody()).doesNotContain("De schutting", "p@example.nl");
    assertThat(http.withBasicAuth("sanne", "sanne").getForEntity("/api/coaching/" + coaching, String.class)
        .getStatusCode()).as("the same number is a trajectory").isEqualTo(HttpStatus.OK);
  }

  static ObjectNode validRequest() {
    ObjectNode request = JSON.createObjectNode();
    request.put("conflictType", "LABOUR");
    request.put("summary", "Conflict over werktijden tussen medewerker en leidinggevende.");
    request.put("escalation", "MEDIUM");
    request.put("preferredRoute", "NO_PREFERENCE");
    request.put("safetyConcern", false);
    ObjectNode referrer = request.putObject("referrer");
    referrer.put("type", "EMPLOYER");
    referrer.put("name", "HR Bakkerij Janssen");
    ArrayNode parties = request.putArray("parties");
    ObjectNode jan = party("Jan de Boer", "j.deboer@example.nl", "nl");
    ObjectNode advisor = jan.putObject("advisor");
    advisor.put("name", "Mr. P. Smit");
    advisor.put("email", "p.smit@advocaat.example");
    parties.add(jan);
    ObjectNode emma = party("Emma Clarke", "emma@example.co.uk", "en");
    emma.put("abroad", true);
    parties.add(emma);
    return request;
  }

  static ObjectNode party(String name, String email, String language) {
    ObjectNode party = JSON.createObjectNode();
    party.put("name", name);
    party.put("email", email);
    party.put("language", language);
    party.put("payer", "SELF");
    return party;
  }

  private ResponseEntity<JsonNode> post(ObjectNode request, String idempotencyKey, String language) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.add("Idempotency-Key", idempotencyKey);
    }
    if (language != null) {
      headers.add(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    return http.postForEntity("/api/cases", new HttpEntity<>(request.toString(), headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> postJson(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/cases", new HttpEntity<>(json, headers), JsonNode.class);
  }

  private static List<String> fields(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody().get("errors").findValuesAsText("field");
  }
}
