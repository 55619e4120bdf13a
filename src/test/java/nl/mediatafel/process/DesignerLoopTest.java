package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mediatafel.coaching.ConflictCoachingProcess;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.TestClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The designer's loop of docs/designers.md ("Worked example"), through real HTTP as Camunda Modeler and Tasklist do
 * it: the designer daan changes {@code conflict-coaching.bpmn} (the intake period from 5 to 3 business days, and a
 * new step "Tweede kort intakegesprek" with the existing form {@code coaching-intake}), deploys it with Modeler's
 * deploy call, a coaching request through the public API runs on the new version, and the new step reaches the
 * coach's Tasklist with its form. A mediator cannot deploy the same.
 */
@MediatafelTest
class DesignerLoopTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MODEL = Path.of("processes/conflict-coaching.bpmn");
  /** The forms the model's user tasks use: formRefBinding="deployment" finds them in the same deployment. */
  private static final List<String> FORMS = List.of("coaching-assessment", "coaching-intake", "coaching-session",
      "coaching-advice");
  private static final String DEPLOYMENT_NAME = "conflict-coaching";
  private static final String NEW_STEP = "userTask_secondIntake";
  private static final String COACH = "anna";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired BusinessCalendar calendar;

  private final List<String> deployments = new ArrayList<>();
  private final List<String> businessKeys = new ArrayList<>();

  /** The shared engine runs the application's own version again for the other tests. */
  @AfterEach
  void removeTheDesignersVersion() {
    businessKeys.forEach(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "end of test", true, true)));
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
  }

  @Test
  void aDesignerChangesAPeriodAndAddsAStepAndANewCaseRunsOnTheNewVersion() throws IOException {
    ProcessDefinition before = latest();
    String changed = changedModel();

    // a mediator may not deploy: 403, nothing stored
    assertThat(deploy("anna", changed).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(latest().getId()).isEqualTo(before.getId());

    // the designer deploys as Modeler's deploy button does
    ResponseEntity<JsonNode> deployed = deploy("daan", changed);
    assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
    deployments.add(deployed.getBody().get("id").asText());
    ProcessDefinition after = latest();
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(after.getDeploymentId()).isEqualTo(deployments.get(0));
    assertThat(deployed.getBody().path("deployedProcessDefinitions").has(after.getId())).isTrue();

    // deploying the same again changes nothing (deploy-changed-only)
    ResponseEntity<JsonNode> again = deploy("daan", changed);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    deployments.add(again.getBody().get("id").asText());
    assertThat(latest().getId()).isEqualTo(after.getId());

    // a coaching request through the public API starts the new version
    String number = requestCoaching();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ConflictCoachingProcess.KEY).singleResult();
    assertThat(instance.getProcessDefinitionId()).isEqualTo(after.getId());

    // the secretariat accepts it in Tasklist, the mails go out (the job executor is off in tests)
    JsonNode assessment = onlyTask("sanne", number, "candidateGroup=secretariat");
    complete("sanne", assessment, ProcessVariable.map(
        ConflictCoachingProcess.DECISION.with(ConflictCoachingProcess.ACCEPT),
        CaseVariables.MEDIATOR.with(COACH), ConflictCoachingProcess.HOURLY_RATE.with(95)));
    ProcessJobs.executeAt(managementService, instance, ConflictCoachingProcess.Elements.WELCOME_MAIL);
    ProcessJobs.executeAt(managementService, instance, ConflictCoachingProcess.Elements.COACH_MAIL);

    // the new period: the intake is due in 3 business days, no longer 5
    JsonNode intake = onlyTask(COACH, number, "candidateUser=" + COACH);
    assertThat(intake.get("taskDefinitionKey").asText())
        .isEqualTo(ConflictCoachingProcess.Elements.INTAKE_CONVERSATION);
    Instant due = Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
        .parse(intake.get("due").asText().replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")));
    Instant threeDays = calendar.addBusinessDays(TestClock.now(), 3);
    assertThat(Duration.between(due, threeDays).abs()).isLessThan(Duration.ofMinutes(5));
    assertThat(due).isBefore(calendar.addBusinessDays(TestClock.now(), 5));
    complete(COACH, intake, ProcessVariable.map(ConflictCoachingProcess.INTAKE_CHANNEL.with("PHONE"),
        ConflictCoachingProcess.INTAKE_EXPLAINED.with(true)));

    // the new step, in the coach's Tasklist, with the existing form from the same deployment
    JsonNode step = onlyTask(COACH, number, "candidateUser=" + COACH);
    assertThat(step.get("taskDefinitionKey").asText()).isEqualTo(NEW_STEP);
    assertThat(step.get("name").asText()).isEqualTo("Tweede kort intakegesprek");
    assertThat(step.get("processDefinitionId").asText()).isEqualTo(after.getId());
    ResponseEntity<JsonNode> form = http.withBasicAuth(COACH, COACH)
        .getForEntity("/engine-rest/task/" + step.get("id").asText() + "/deployed-form", JsonNode.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().get("id").asText()).isEqualTo("coaching-intake");
    // another mediator does not see it
    assertThat(tasks("bram", number, "candidateUser=" + COACH)).isEmpty();
    assertThat(tasks("bram", number, "candidateUser=bram")).isEmpty();

    // and on from there as before: the new step leads to the coaching sessions
    complete(COACH, step, ProcessVariable.map(ConflictCoachingProcess.INTAKE_CHANNEL.with("VIDEO"),
        ConflictCoachingProcess.INTAKE_EXPLAINED.with(true)));
    assertThat(onlyTask(COACH, number, "candidateUser=" + COACH).get("taskDefinitionKey").asText())
        .isEqualTo(ConflictCoachingProcess.Elements.RECORD_SESSION);
  }

  /**
   * The designer's edit, as Modeler saves it: "Intaketermijn zetten" gets 3 business days instead of 5, and between
   * "Kort intakegesprek voeren" and the coaching sessions comes "Tweede kort intakegesprek", a user task with the
   * form coaching-intake, for the coach, due at the same intake deadline, with its shape and edges.
   */
  static String changedModel() throws IOException {
    String model = Files.readString(MODEL, StandardCharsets.UTF_8);
    String changed = model.replaceFirst("(?<before><camunda:inputParameter name=\"variable\">intakeDeadline</camunda:inputParameter>"
        + "\\s*<camunda:inputParameter name=\"businessDays\">)5<", "${before}3<");
    assertThat(changed).as("the intake period").isNotEqualTo(model);

    model = changed;
    changed = model.replaceFirst("(?s)(<bpmn:userTask id=\"userTask_intakeConversation\".*?<bpmn:outgoing>)flow_toSessionMerge<",
        "$1flow_toSecondIntake<");
    assertThat(changed).as("the intake conversation's outgoing flow").isNotEqualTo(model);

    model = changed;
    changed = model.replace("    <bpmn:exclusiveGateway id=\"gateway_sessionMerge\">", String.join("\n",
        "    <bpmn:userTask id=\"userTask_secondIntake\" name=\"Tweede kort intakegesprek\""
            + " camunda:formRef=\"coaching-intake\" camunda:formRefBinding=\"deployment\""
            + " camunda:candidateUsers=\"${mediator}\" camunda:dueDate=\"${intakeDeadline}\">",
        "      <bpmn:documentation>Een tweede kort gesprek voordat de coaching begint.</bpmn:documentation>",
        "      <bpmn:incoming>flow_toSecondIntake</bpmn:incoming>",
        "      <bpmn:outgoing>flow_toSessionMerge</bpmn:outgoing>",
        "    </bpmn:userTask>",
        "    <bpmn:exclusiveGateway id=\"gateway_sessionMerge\">"));
    assertThat(changed).as("the new step").isNotEqualTo(model);

    model = changed;
    changed = model.replace(
        "<bpmn:sequenceFlow id=\"flow_toSessionMerge\" sourceRef=\"userTask_intakeConversation\"",
        "<bpmn:sequenceFlow id=\"flow_toSecondIntake\" sourceRef=\"userTask_intakeConversation\""
            + " targetRef=\"userTask_secondIntake\" />\n"
            + "    <bpmn:sequenceFlow id=\"flow_toSessionMerge\" sourceRef=\"userTask_secondIntake\"");
    assertThat(changed).as("the flows").isNotEqualTo(model);

    // the diagram: the new task below the intake conversation, the flows around it
    model = changed;
    changed = model.replaceFirst("(<bpmndi:BPMNEdge id=\"edge_flow_toSessionMerge\" bpmnElement=\"flow_toSessionMerge\">)"
        + "\\s*<di:waypoint x=\"1350\" y=\"200\" />\\s*<di:waypoint x=\"1405\" y=\"200\" />", String.join("\n",
        "$1",
        "        <di:waypoint x=\"1350\" y=\"330\" />",
        "        <di:waypoint x=\"1430\" y=\"330\" />",
        "        <di:waypoint x=\"1430\" y=\"225\" />"));
    assertThat(changed).as("the edge to the merge").isNotEqualTo(model);
    return changed.replace("    </bpmndi:BPMNPlane>", String.join("\n",
        "      <bpmndi:BPMNShape id=\"shape_userTask_secondIntake\" bpmnElement=\"userTask_secondIntake\">",
        "        <dc:Bounds x=\"1250\" y=\"290\" width=\"100\" height=\"80\" />",
        "      </bpmndi:BPMNShape>",
        "      <bpmndi:BPMNEdge id=\"edge_flow_toSecondIntake\" bpmnElement=\"flow_toSecondIntake\">",
        "        <di:waypoint x=\"1300\" y=\"240\" />",
        "        <di:waypoint x=\"1300\" y=\"290\" />",
        "      </bpmndi:BPMNEdge>",
        "    </bpmndi:BPMNPlane>"));
  }

  private ResponseEntity<JsonNode> deploy(String user, String model) throws IOException {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", DEPLOYMENT_NAME);
    parts.add("deploy-changed-only", "true");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("conflict-coaching.bpmn", file("conflict-coaching.bpmn", model.getBytes(StandardCharsets.UTF_8)));
    for (String form : FORMS) {
      parts.add(form + ".form", file(form + ".form", Files.readAllBytes(Path.of("forms", form + ".form"))));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, user)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
  }

  private static ByteArrayResource file(String name, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private String requestCoaching() {
    ObjectNode request = CaseFixtures.coachingRequest();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> response = http.postForEntity("/api/coaching",
        new HttpEntity<>(request.toString(), headers), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = response.getBody().get("caseNumber").asText();
    businessKeys.add(number);
    return number;
  }

  /** Tasklist's task query, as the user. */
  private List<JsonNode> tasks(String user, String number, String filter) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(
        "/engine-rest/task?processInstanceBusinessKey=" + number + "&" + filter, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<JsonNode> tasks = new ArrayList<>();
    response.getBody().forEach(tasks::add);
    return tasks;
  }

  private JsonNode onlyTask(String user, String number, String filter) {
    List<JsonNode> tasks = tasks(user, number, filter);
    assertThat(tasks).as("%s's tasks of %s", user, number).hasSize(1);
    return tasks.get(0);
  }

  /** Completes a task as Tasklist does when the user submits its form. */
  private void complete(String user, JsonNode task, Map<String, Object> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    values.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = http.withBasicAuth(user, user).exchange(
        "/engine-rest/task/" + task.get("id").asText() + "/complete", HttpMethod.POST,
        new HttpEntity<>(body.toString(), headers), String.class);
    assertThat(response.getStatusCode()).as("%s completes %s: %s", user, task.get("name").asText(),
        response.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ConflictCoachingProcess.KEY)
        .latestVersion().singleResult();
  }
}
