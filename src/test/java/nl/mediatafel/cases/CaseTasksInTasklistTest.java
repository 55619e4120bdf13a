package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.security.TaskFilters;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What staff see of a case in Tasklist, asked the way Tasklist asks: the filter's task list (HAL, with the filter's
 * variables) and a task's form variables.
 */
@MediatafelTest
class CaseTasksInTasklistTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType HAL = MediaType.parseMediaType("application/hal+json");

  @Autowired TestRestTemplate http;
  @Autowired FilterService filterService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired MediationCaseRepository cases;
  @Autowired PartyRepository parties;

  @Test
  void aMediatorsTasksOfTwoCasesEachShowTheCaseNumberAndThePartiesShortNames() {
    String first = requestCase("Jan Jansen", "Marieke de Vries");
    String second = requestCase("Piet Bakker", "Ans Visser");
    for (String caseNumber : List.of(first, second)) {
      acceptFor(caseNumber, "bram");
      ProcessInstance instance = caseInstance(caseNumber);
      ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
      for (Party party : parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber)) {
        IntakeProcess.intakeSubmitted(runtimeService, caseNumber, party.getId().toString()).correlate();
      }
    }

    List<JsonNode> tasks = filterList("bram", TaskFilters.MY_TASKS, first, second);

    assertThat(tasks).hasSize(4);
    Map<String, List<String>> labelsByCase = new HashMap<>();
    for (JsonNode task : tasks) {
      assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(IntakeProcess.Elements.INTAKE_CONVERSATION);
      String caseNumber = businessKey(task);
      labelsByCase.computeIfAbsent(caseNumber, key -> new ArrayList<>()).add(label(task));
    }
    assertThat(labelsByCase.get(first)).containsOnly(first + " · Jansen / De Vries");
    assertThat(labelsByCase.get(second)).containsOnly(second + " · Bakker / Visser");
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .variableName(CaseVariables.CASE_LABEL.name()).count())
        .as("the label is shown, not kept in Camunda's history").isZero();
  }

  @Test
  void theSecretariatsFiltersShowTheLabelOnTriageTasksToo() {
    String caseNumber = requestCase("Kees van Dijk", "Fatima El Amrani");

    List<JsonNode> tasks = filterList("sanne", TaskFilters.ALL_OPEN, caseNumber);

    assertThat(tasks).hasSize(1);
    assertThat(label(tasks.get(0))).isEqualTo(caseNumber + " · Van Dijk / El Amrani");
  }

  @Test
  void manyPartiesAreCountedAfterTheFirstTwo() {
    List<Party> parties = new ArrayList<>();
    MediationCase many = new MediationCase("MED-TEST-9999", "HOA", "VvE", "LOW", "NO_PREFERENCE", false, null);
    for (String name : List.of("A Aa", "B Bb", "C Cc", "D Dd", "E Ee")) {
      parties.add(many.addParty(name, name.charAt(0) + "@example.nl", "nl", false, PayerKind.SELF));
    }
    assertThat(CaseTaskContext.label("MED-TEST-9999", parties)).isEqualTo("MED-TEST-9999 · Aa / Bb +3");
    assertThat(CaseTaskContext.shortName("Gemeente")).isEqualTo("Gemeente");
  }

  @Test
  void theTriageFormShowsWhatTheAdviceIsAboutAndOffersTheMediatorsToChoose() throws Exception {
    ObjectNode request = CaseApiTest.validRequest();
    request.put("safetyConcern", true);
    String caseNumber = requestCase(request);

    JsonNode form = formVariables("sanne", triage(caseNumber).getId());

    assertThat(form.path("triageConflict").path("value").asText()).isEqualTo("Arbeidsconflict; escalatie: Middel");
    assertThat(form.path("triageSummary").path("value").asText())
        .isEqualTo("Conflict over werktijden tussen medewerker en leidinggevende.");
    assertThat(form.path("triageParties").path("value").asText()).isEqualTo("""
        2 partijen:
        1. Jan de Boer – taal: Nederlands; betaalt: Zelf
        2. Emma Clarke – taal: Engels (English); betaalt: Zelf; woont in het buitenland""");
    assertThat(form.path("triageReferrer").path("value").asText())
        .isEqualTo("Werkgever of HR-afdeling: HR Bakkerij Janssen");
    assertThat(form.path("triageSafety").path("value").asText()).startsWith("JA: ");
    assertThat(form.path("routeAdvice").path("value").asText()).isNotBlank();
    JsonNode mediators = form.path("mediatorOptions");
    assertThat(mediators.path("type").asText()).as("a Json variable, which Tasklist hands the select as data")
        .isEqualTo("Json");
    JsonNode options = JSON.readTree(mediators.path("value").asText());
    assertThat(options).contains(JSON.readTree("{\"label\": \"Anna de Vries (anna)\", \"value\": \"anna\"}"),
        JSON.readTree("{\"label\": \"Bram Jansen (bram)\", \"value\": \"bram\"}"));
    assertThat(options).extracting(option -> option.path("value").asText()).doesNotContain("sanne", "daan");
    assertThat(runtimeService.getVariables(caseInstance(caseNumber).getId()))
        .as("the route advice is kept as its words' codes, not as a Java map Cockpit cannot show")
        .doesNotContainKey("advice");
  }

  @Test
  void anUnknownMediatorIsRefusedWithAMessageAndTheCaseStaysAsItWas() {
    String caseNumber = requestCase("Kees van Dijk", "Fatima El Amrani");
    Task triage = triage(caseNumber);
    CaseStatus statusBefore = cases.findById(caseNumber).orElseThrow().getStatus();
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    variables.putObject("triageDecision").put("value", MediationCaseProcess.ACCEPT);
    variables.putObject("suitabilityJudgement").put("value", "Past");
    variables.putObject("route").put("value", "ONLINE_VIDEO");
    variables.putObject("mediator").put("value", "nobody");
    variables.putObject("hourlyRate").put("value", 120);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<JsonNode> response = http.withBasicAuth("sanne", "sanne").postForEntity(
        "/engine-rest/task/" + triage.getId() + "/submit-form", new HttpEntity<>(body.toString(), headers),
        JsonNode.class);

    assertThat(response.getStatusCode().isError()).isTrue();
    assertThat(response.getBody().path("message").asText()).as("what Tasklist shows")
        .contains("Mediator 'nobody'");
    assertThat(triage(caseNumber).getId()).as("the triage stays open").isEqualTo(triage.getId());
    MediationCase unchanged = cases.findById(caseNumber).orElseThrow();
    assertThat(unchanged.getStatus()).isEqualTo(statusBefore);
    assertThat(unchanged.getMediator()).isNull();
  }

  private JsonNode formVariables(String user, String taskId) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(
        "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private Task triage(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(MediationCaseProcess.Elements.TRIAGE).singleResult();
  }

  /**
   * The filter's list as Tasklist asks for it (HAL, so with the filter's variables), of the tasks of these cases: the
   * whole list is read and narrowed here, since other tests' cases share the engine.
   */
  private List<JsonNode> filterList(String user, String filterName, String... caseNumbers) {
    String filterId = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    ObjectNode query = JSON.createObjectNode();
    query.putArray("sorting").addObject().put("sortBy", "created").put("sortOrder", "desc");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(HAL));
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).exchange(
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=2000", HttpMethod.POST,
        new HttpEntity<>(query.toString(), headers), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> wanted = List.of(caseNumbers);
    List<JsonNode> tasks = new ArrayList<>();
    for (JsonNode task : response.getBody().path("_embedded").path("task")) {
      if (wanted.contains(businessKey(task))) {
        tasks.add(task);
      }
    }
    return tasks;
  }

  private String businessKey(JsonNode halTask) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(halTask.path("processInstanceId").asText())
        .singleResult().getBusinessKey();
  }

  private static String label(JsonNode halTask) {
    for (JsonNode variable : halTask.path("_embedded").path("variable")) {
      if (variable.path("name").asText().equals(CaseVariables.CASE_LABEL.name())) {
        return variable.path("value").asText();
      }
    }
    return null;
  }

  private String requestCase(String firstParty, String secondParty) {
    ObjectNode request = CaseApiTest.validRequest();
    ArrayNode parties = (ArrayNode) request.get("parties");
    parties.removeAll();
    parties.add(CaseApiTest.party(firstParty, "first." + System.nanoTime() + "@example.nl", "nl"));
    parties.add(CaseApiTest.party(secondParty, "second." + System.nanoTime() + "@example.nl", "en"));
    return requestCase(request);
  }

  private String requestCase(ObjectNode request) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/cases", new HttpEntity<>(request.toString(), headers),
        JsonNode.class).getBody().path("caseNumber").asText();
  }

  private void acceptFor(String caseNumber, String mediator) {
    Task triage = triage(caseNumber);
    Map<String, Object> variables = new HashMap<>();
    MediationCaseProcess.TRIAGE_DECISION.putIn(variables, MediationCaseProcess.ACCEPT);
    MediationCaseProcess.SUITABILITY_JUDGEMENT.putIn(variables, "Past");
    MediationCaseProcess.ROUTE.putIn(variables, "ONLINE_VIDEO");
    CaseVariables.MEDIATOR.putIn(variables, mediator);
    MediationCaseProcess.HOURLY_RATE.putIn(variables, 120.0);
    taskService.complete(triage.getId(), variables);
  }

  private ProcessInstance caseInstance(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
  }
}
