package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Deploy rights are code rights: the escalation a designer could do through the REST API, its variants, and what
 * designers still may deploy.
 */
@MediatafelTest
class DeploymentRulesTest {

  private static final String ESCALATION = "${execution.getProcessEngineServices().getIdentityService()"
      + ".createMembership('daan','camunda-admin')}";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine processEngine;
  @Autowired DeploymentRules deploymentRules;
  @Autowired ModelDeployment modelDeployment;

  @Test
  void aDesignerCannotMakeHimselfAdministratorWithATimerStartedExpression() {
    String model = process("escalate", """
        <bpmn:startEvent id="timer_now">
          <bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="flow_1" sourceRef="timer_now" targetRef="serviceTask_escalate"/>
        <bpmn:serviceTask id="serviceTask_escalate" camunda:expression="%s"/>
        """.formatted(ESCALATION));

    ResponseEntity<JsonNode> response = deploy("daan", "escalation", "processes/escalate.bpmn", model);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("type").asText()).isEqualTo("ParseException");
    assertThat(response.getBody().get("message").asText())
        .contains("processes/escalate.bpmn: element 'serviceTask_escalate'")
        .contains("engine's services (getProcessEngineServices)")
        .contains("docs/designer-functions.md");
    assertThat(response.getBody().at("/details/processes~1escalate.bpmn/errors/0/mainElementId").asText())
        .isEqualTo("serviceTask_escalate");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("escalation").count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("escalate").count()).isZero();
    List<Job> jobs = managementService.createJobQuery().processDefinitionKey("escalate").list();
    jobs.forEach(job -> managementService.executeJob(job.getId()));
    assertThat(jobs).isEmpty();
    assertThat(identityService.createUserQuery().userId("daan").memberOfGroup("camunda-admin").count()).isZero();
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> refusedModels() {
    return Stream.of(
        refused("a script task", "processes/script.bpmn", process("script", """
            <bpmn:scriptTask id="scriptTask_run" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
            """), "element 'scriptTask_run'", "script tasks run arbitrary code"),
        refused("an execution listener with a Java class", "processes/class.bpmn", process("class", """
            <bpmn:userTask id="userTask_listened">
              <bpmn:extensionElements>
                <camunda:executionListener class="org.example.Evil" event="start"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """), "element 'userTask_listened'", "runs the Java class 'org.example.Evil'"),
        refused("a script in an input parameter", "processes/input-script.bpmn", process("input-script", """
            <bpmn:userTask id="userTask_scripted">
              <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">
                <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
              </camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
            </bpmn:userTask>
            """), "element 'userTask_scripted'", "scripts (camunda:script"),
        refused("the property form", "processes/property.bpmn", process("property", """
            <bpmn:serviceTask id="serviceTask_property" camunda:expression="${execution.processEngineServices.identityService.createMembership('daan','camunda-admin')}"/>
            """), "element 'serviceTask_property'", "engine's services (processEngineServices)"),
        refused("a call on an engine bean", "processes/bean.bpmn", process("bean", """
            <bpmn:serviceTask id="serviceTask_bean" camunda:expression="${identityService.createMembership('daan','camunda-admin')}"/>
            """), "element 'serviceTask_bean'", "'identityService.createMembership'"),
        refused("reflection in a condition", "processes/reflection.bpmn", process("reflection", """
            <bpmn:startEvent id="startEvent_go"/>
            <bpmn:sequenceFlow id="flow_reflect" sourceRef="startEvent_go" targetRef="endEvent_done">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${''.getClass().forName('java.lang.Runtime') != null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="endEvent_done"/>
            """), "element 'flow_reflect'", "'getClass'"),
        refused("a connector", "processes/connector.bpmn", process("connector", """
            <bpmn:serviceTask id="serviceTask_http">
              <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
            </bpmn:serviceTask>
            """), "element 'serviceTask_http'", "camunda:connector"),
        refused("an engine bean as delegate", "processes/delegate.bpmn", process("delegate", """
            <bpmn:serviceTask id="serviceTask_identity" camunda:delegateExpression="${identityService}"/>
            """), "element 'serviceTask_identity'", "is not a JavaDelegate, ExecutionListener or TaskListener of Mediatafel"),
        refused("a process variable as delegate", "processes/variable-delegate.bpmn", process("variable-delegate", """
            <bpmn:serviceTask id="serviceTask_variable" camunda:delegateExpression="${someVariable}"/>
            """), "element 'serviceTask_variable'", "names no bean"),
        refused("a delegate expression that is not a bare bean", "processes/delegate-call.bpmn", process("delegate-call", """
            <bpmn:serviceTask id="serviceTask_call" camunda:delegateExpression="${sendEmail.toString()}"/>
            """), "element 'serviceTask_call'", "must be exactly ${beanName}"),
        refused("a condition in a script language", "processes/language.bpmn", process("language", """
            <bpmn:startEvent id="startEvent_go"/>
            <bpmn:sequenceFlow id="flow_script" sourceRef="startEvent_go" targetRef="endEvent_done">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="endEvent_done"/>
            """), "element 'flow_script'", "language=\"javascript\""),
        refused("an embedded HTML form", "processes/embedded.bpmn", process("embedded", """
            <bpmn:userTask id="userTask_embedded" camunda:formKey="embedded:deployment:evil.html"/>
            """), "element 'userTask_embedded'", "embedded HTML forms run script"),
        refused("a CMMN case", "cases/case.cmmn", "<definitions/>", "this kind of resource is not deployable", "CMMN"),
        refused("an HTML form", "forms/evil.html", "<script>alert(1)</script>", "this kind of resource is not deployable", "HTML forms"),
        refused("an SVG image", "processes/diagram.svg", "<svg/>", "this kind of resource is not deployable", "PNG diagrams"),
        refused("a DMN with a JavaScript input expression", "processes/script.dmn", decision("""
            <inputExpression id="inputExpression_script" typeRef="string" expressionLanguage="javascript"><text>java.lang.System.exit(1)</text></inputExpression>
            """), "decision 'decision_test', element 'inputExpression_script'", "expressionLanguage 'javascript'"),
        refused("a DMN with JUEL calling a bean", "processes/juel.dmn", decision("""
            <inputExpression id="inputExpression_juel" typeRef="string" expressionLanguage="juel"><text>${identityService.createMembership('daan','camunda-admin')}</text></inputExpression>
            """), "decision 'decision_test', element 'inputExpression_juel'", "'identityService.createMembership'"),
        refused("a form with an HTML component", "forms/html.form", """
            {"id": "html", "type": "default", "components": [{"id": "html_evil", "type": "html", "content": "<img src=x onerror=alert(1)>"}]}
            """, "form component 'html_evil'", "runs in the Tasklist user's browser"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedModels")
  void refusedThroughTheRestApi(String what, String resource, String content, String where, String rule) {
    ResponseEntity<JsonNode> response = deploy("daan", "refused-" + resource, resource, content);

    assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").asText()).as(what).contains(resource + ": " + where).contains(rule);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("refused-" + resource).count()).isZero();
  }

  @Test
  void theStartUpPathIsCheckedToo() {
    ModelFile evil = new ModelFile("processes/evil.bpmn", process("evil", """
        <bpmn:serviceTask id="serviceTask_escalate" camunda:expression="%s"/>
        """.formatted(ESCALATION)).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> modelDeployment.deploy(repositoryService, List.of(evil)))
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("processes/evil.bpmn")
        .hasMessageContaining("element 'serviceTask_escalate'")
        .hasMessageContaining("getProcessEngineServices");
  }

  @Test
  void theEnginesOwnParseIsCheckedByTheParseListener() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String model = process("listener", """
        <bpmn:serviceTask id="serviceTask_escalate" camunda:expression="%s"/>
        """.formatted(ESCALATION));
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setNew(true);
    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
      List<ProcessDefinitionEntity> parsed = configuration.getDeployers().stream()
          .filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast).findFirst().orElseThrow().getBpmnParser().createParse()
          .deployment(deployment).sourceString(model).name("processes/listener.bpmn").execute().getProcessDefinitions();
      return parsed;
    })).isInstanceOf(ParseException.class)
        .hasMessageContaining("element 'serviceTask_escalate'")
        .hasMessageContaining("getProcessEngineServices")
        .hasMessageContaining("processes/listener.bpmn");
  }

  @Test
  void everyModelAndFormOfTheApplicationPassesTheRules() throws IOException {
    List<Path> files;
    try (Stream<Path> processes = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
      files = Stream.concat(processes, forms).filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      String name = file.toString().replace('\\', '/');
      byte[] content = Files.readAllBytes(file);
      assertThatCode(() -> deploymentRules.check(name, content)).as(name).doesNotThrowAnyException();
    }
  }

  @Test
  void aDesignerStillDeploysAModelWithDesignerFunctionsAndOurDelegates() {
    String model = process("designer-model", """
        <bpmn:startEvent id="startEvent_begin"/>
        <bpmn:sequenceFlow id="flow_toMail" sourceRef="startEvent_begin" targetRef="serviceTask_sendMail"/>
        <bpmn:serviceTask id="serviceTask_sendMail" camunda:asyncBefore="true" camunda:delegateExpression="${sendEmail}">
          <bpmn:extensionElements><camunda:inputOutput>
            <camunda:inputParameter name="template">intake-reminder</camunda:inputParameter>
            <camunda:inputParameter name="recipients">${execution.getVariable('recipients')}</camunda:inputParameter>
          </camunda:inputOutput></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="flow_toTask" sourceRef="serviceTask_sendMail" targetRef="userTask_follow"/>
        <bpmn:userTask id="userTask_follow" name="Opvolgen voor ${caseRoles.partyName(partyId)}"
            camunda:candidateUsers="${caseRoles.mediatorOf(execution)}" camunda:dueDate="${dueDates.businessDays(2)}"/>
        <bpmn:sequenceFlow id="flow_toEnd" sourceRef="userTask_follow" targetRef="endEvent_done">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable('sessionReminder') == null}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:endEvent id="endEvent_done"/>
        """);

    ResponseEntity<JsonNode> response = deploy("daan", "designer-model", "processes/designer-model.bpmn", model);

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    repositoryService.deleteDeployment(response.getBody().get("id").asText(), true);
  }

  private ResponseEntity<JsonNode> deploy(String user, String deploymentName, String resource, String content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", deploymentName);
    form.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return resource;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, user)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
  }

  private static org.junit.jupiter.params.provider.Arguments refused(String what, String resource, String content,
      String where, String rule) {
    return org.junit.jupiter.params.provider.Arguments.of(what, resource, content, where, rule);
  }

  static String process(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="definitions_test" targetNamespace="https://mediatafel.nl/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, body);
  }

  private static String decision(String input) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions_test" name="Test"
            namespace="https://mediatafel.nl/test">
          <decision id="decision_test" name="Test">
            <decisionTable id="decisionTable_test">
              <input id="input_test">
        %s
              </input>
              <output id="output_test" name="result" typeRef="string"/>
              <rule id="rule_any">
                <inputEntry id="inputEntry_any"><text>-</text></inputEntry>
                <outputEntry id="outputEntry_any"><text>"x"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(input);
  }
}
