package nl.mediatafel.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.cases.PayerKind;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.ManagementService;
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

/** {@code POST /api/coaching} and {@code GET /api/coaching/{n}} through HTTP. */
@MediatafelTest
class CoachingApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired MediationCaseRepository cases;
  @Autowired PartyRepository parties;
  @Autowired CoachingTrajectoryRepository trajectories;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @Test
  void aValidRequestCreatesACoachingTrajectoryWithOnePersonAndStartsItsProcessAtTheAssessment() {
    ResponseEntity<JsonNode> response = post(validRequest(), null, null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = response.getBody().get("caseNumber").asText();
    assertThat(number).matches("COA-\\d{4}-\\d{4}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/coaching/" + number);
    assertThat(response.getBody().get("status").asText()).isEqualTo("REQUESTED");

    MediationCase trajectory = cases.findById(number).orElseThrow();
    assertThat(trajectory.getKind()).isEqualTo("COACHING");
    assertThat(trajectory.getConflictType()).isEqualTo("NEIGHBOURS");
    assertThat(trajectory.getEscalation()).isNull();
    List<Party> people = parties.findByMediationCaseCaseNumberOrderByPosition(number);
    assertThat(people).singleElement().satisfies(person -> {
      assertThat(person.getName()).isEqualTo("Petra Verbeek");
      assertThat(person.getEmail()).isEqualTo("petra@example.nl");
      assertThat(person.getPayer()).isEqualTo(PayerKind.INSURER);
    });
    assertThat(trajectories.findById(number).orElseThrow().getPreferredForm()).isEqualTo("ONLINE");

    ProcessInstance instance = instance(number);
    Task assessment = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(assessment.getTaskDefinitionKey()).isEqualTo(ConflictCoachingProcess.Elements.ASSESS_REQUEST);
    assertThat(assessment.getName()).isEqualTo("Coachingsaanvraag beoordelen");
    assertThat(assessment.getDueDate()).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(assessment.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("secretariat"));
    assertThat(ConflictCoachingProcess.PERSON_NAME.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo("Petra Verbeek");
  }

  @Test
  void coachingNumbersHaveTheirOwnAscendingSeriesBesideCaseNumbers() {
    String first = post(validRequest(), null, null).getBody().get("caseNumber").asText();
    String second = post(validRequest(), null, null).getBody().get("caseNumber").asText();
    assertThat(second).startsWith("COA-").isNotEqualTo(first);
    assertThat(Integer.parseInt(second.substring(9))).isEqualTo(Integer.parseInt(first.substring(9)) + 1);
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsStored() {
    long casesBefore = cases.count();
    long trajectoriesBefore = trajectories.count();
    long instancesBefore = coachingInstances();
    ObjectNode request = validRequest();
    request.put("conflictType", "WAR");
    request.put("summary", "x".repeat(2001));
    request.put("preferredForm", "CARRIER_PIGEON");
    ObjectNode person = (ObjectNode) request.get("person");
    person.put("name", " ");
    person.put("email", "not-an-address");
    person.put("language", "de");
    person.put("payer", "NOBODY");

    ResponseEntity<JsonNode> response = post(request, "bad-request-1", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("title").asText()).isEqualTo("Ongeldige aanmelding");
    assertThat(fields(response)).containsExactly("conflictType", "person.email", "person.language", "person.name",
        "person.payer", "preferredForm", "summary");
    assertThat(response.getBody().toString()).doesNotContain("Exception", "at nl.");
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(trajectories.count()).isEqualTo(trajectoriesBefore);
    assertThat(coachingInstances()).isEqualTo(instancesBefore);
  }

  @Test
  void missingFieldsAreRequiredAndUnreadableJsonIsExplained() {
    assertThat(fields(post(JSON.createObjectNode(), null, null)))
        .containsExactly("conflictType", "person", "preferredForm", "summary");

    ObjectNode noAddress = validRequest();
    ((ObjectNode) noAddress.get("person")).remove("email");
    assertThat(fields(post(noAddress, null, null))).containsExactly("person.email");

    ObjectNode wrongType = validRequest();
    wrongType.put("person", "Petra");
    assertThat(fields(post(wrongType, null, null))).containsExactly("person");

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> broken = http.postForEntity("/api/coaching",
        new HttpEntity<>("{\"summary\": ", headers), JsonNode.class);
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(fields(post(validRequest(), "k".repeat(101), null))).containsExactly("Idempotency-Key");
  }

  /** PostgreSQL refuses a NUL in text: without the check this was a 500 after validation, on insert. */
  @Test
  void aControlCharacterIsNamedAndNothingIsStored() {
    long casesBefore = cases.count();
    ObjectNode request = validRequest();
    ((ObjectNode) request.get("person")).put("name", "Petra\u0000Verbeek");

    ResponseEntity<JsonNode> response = post(request, null, "en");

    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(fields(response)).containsExactly("person.name");
    assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("control character");
    assertThat(cases.count()).isEqualTo(casesBefore);
  }

  @Test
  void englishMessagesWhenAskedFor() {
    ObjectNode request = validRequest();
    request.put("preferredForm", "BY_LETTER");
    ResponseEntity<JsonNode> response = post(request, null, "en");
    assertThat(response.getBody().get("title").asText()).isEqualTo("Invalid request");
    assertThat(response.getBody().get("errors").get(0).get("message").asText())
        .isEqualTo("must be one of: ONLINE|IN_PERSON|NO_PREFERENCE");
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheFirstTrajectory() {
    ObjectNode request = validRequest();
    ResponseEntity<JsonNode> first = post(request, "coaching-desk-42", null);
    ResponseEntity<JsonNode> retry = post(request, "coaching-desk-42", null);

    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getBody().get("caseNumber")).isEqualTo(first.getBody().get("caseNumber"));
    assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(first.getBody().get("caseNumber").asText()).count()).isEqualTo(1);

    long casesBefore = cases.count();
    request.put("summary", "Een ander conflict");
    ResponseEntity<JsonNode> misuse = post(request, "coaching-desk-42", null);
    assertThat(misuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(misuse.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(cases.count()).isEqualTo(casesBefore);
  }

  @Test
  void theSecretariatReadsEveryTrajectoryACoachOnlyTheirOwnAndNobodyElseAny() {
    String number = post(validRequest(), null, null).getBody().get("caseNumber").asText();
    String path = "/api/coaching/" + number;

    assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    JsonNode view = http.withBasicAuth("sanne", "sanne").getForObject(path, JsonNode.class);
    assertThat(view.get("caseNumber").asText()).isEqualTo(number);
    assertThat(view.get("status").asText()).isEqualTo("REQUESTED");
    assertThat(view.get("preferredForm").asText()).isEqualTo("ONLINE");
    assertThat(view.get("person").get("email").asText()).isEqualTo("petra@example.nl");
    assertThat(view.get("stage").get(0).asText()).isEqualTo("Coachingsaanvraag beoordelen");
    assertThat(view.get("openTasks")).hasSize(1);
    assertThat(view.toString()).as("the summary stays in the file").doesNotContain("schutting");
    assertThat(http.withBasicAuth("anna", "anna").getForEntity(path, String.class).getStatusCode())
        .as("no coach yet").isEqualTo(HttpStatus.NOT_FOUND);

    Task assessment = taskService.createTaskQuery().processInstanceId(instance(number).getId()).singleResult();
    taskService.complete(assessment.getId(), ProcessVariable.map(
        ConflictCoachingProcess.DECISION.with(ConflictCoachingProcess.ACCEPT),
        CaseVariables.MEDIATOR.with("anna"),
        ConflictCoachingProcess.HOURLY_RATE.with(95.0)));

    JsonNode coachView = http.withBasicAuth("anna", "anna").getForObject(path, JsonNode.class);
    assertThat(coachView.get("coach").asText()).isEqualTo("anna");
    assertThat(coachView.get("status").asText()).isEqualTo("INTAKE");
    assertThat(coachView.get("hourlyRate").decimalValue()).isEqualByComparingTo("95");
    assertThat(http.withBasicAuth("bram", "bram").getForEntity(path, String.class).getStatusCode())
        .as("another coach").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("daan", "daan").getForEntity(path, String.class).getStatusCode())
        .as("a process designer has no business here").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("sanne", "sanne").getForEntity("/api/coaching/COA-1999-0001", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void inTheTasklistOnlyTheCoachSeesAndCompletesTheCoachingTasks() {
    String number = post(validRequest(), null, null).getBody().get("caseNumber").asText();
    ProcessInstance instance = instance(number);
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        ProcessVariable.map(ConflictCoachingProcess.DECISION.with(ConflictCoachingProcess.ACCEPT),
            CaseVariables.MEDIATOR.with("bram"), ConflictCoachingProcess.HOURLY_RATE.with(110)));
    ProcessJobs.executeAt(managementService, instance, ConflictCoachingProcess.Elements.WELCOME_MAIL);
    ProcessJobs.executeAt(managementService, instance, ConflictCoachingProcess.Elements.COACH_MAIL);
    String query = "/engine-rest/task?processInstanceBusinessKey=" + number;

    JsonNode brams = http.withBasicAuth("bram", "bram").getForObject(query, JsonNode.class);
    assertThat(brams).singleElement().satisfies(task ->
        assertThat(task.get("name").asText()).isEqualTo("Kort intakegesprek voeren"));
    assertThat(http.withBasicAuth("anna", "anna").getForObject(query, JsonNode.class)).isEmpty();
    assertThat(http.withBasicAuth("sanne", "sanne").getForObject(query, JsonNode.class)).hasSize(1);

    String taskId = brams.get(0).get("id").asText();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String variables = """
        {"variables": {"intakeChannel": {"value": "PHONE"}, "intakeExplained": {"value": true}}}""";
    assertThat(http.withBasicAuth("anna", "anna").postForEntity("/engine-rest/task/" + taskId + "/complete",
        new HttpEntity<>(variables, headers), String.class).getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(http.withBasicAuth("bram", "bram").postForEntity("/engine-rest/task/" + taskId + "/complete",
        new HttpEntity<>(variables, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(ConflictCoachingProcess.Elements.RECORD_SESSION);
  }

  @Test
  void aMediationCaseIsNotACoachingTrajectory() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String mediation = http.postForEntity("/api/cases", new HttpEntity<>("""
        {"conflictType": "LABOUR", "summary": "Werktijden", "escalation": "LOW", "preferredRoute": "NO_PREFERENCE",
         "safetyConcern": false, "parties": [
           {"name": "A", "email": "a@example.nl", "language": "nl", "payer": "SELF"},
           {"name": "B", "email": "b@example.nl", "language": "nl", "payer": "SELF"}]}""", headers), JsonNode.class)
        .getBody().get("caseNumber").asText();
    assertThat(mediation).startsWith("MED-");
    assertThat(cases.findById(mediation).orElseThrow().getKind()).isEqualTo("MEDIATION");
    assertThat(http.withBasicAuth("sanne", "sanne").getForEntity("/api/coaching/" + mediation, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  static ObjectNode validRequest() {
    return CaseFixtures.coachingRequest();
  }


  private ProcessInstance instance(String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ConflictCoachingProcess.KEY).singleResult();
  }

  private long coachingInstances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ConflictCoachingProcess.KEY).count();
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
    return http.postForEntity("/api/coaching", new HttpEntity<>(request.toString(), headers), JsonNode.class);
  }

  private static List<String> fields(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody().get("errors").findValuesAsText("field");
  }
}
