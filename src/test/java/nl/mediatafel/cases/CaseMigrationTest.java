package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ModelDeployment;
import nl.mediatafel.process.ModelFile;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.settlement.SettlementProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Open cases keep running when the case model changes shape (docs/migration.md): {@code legacy/mediation-case-v1.bpmn}
 * is the case model before its stages became call activities. It is deployed next to today's models the way an older
 * production deployment sits next to a new one; a case waiting where both versions have the same activity (the
 * triage, the sessions) is migrated with {@link CaseMigration} and goes on in the new model, a case waiting inside an
 * old embedded stage (the intake) stays and finishes on version 1 while new cases run on the new one.
 */
@MediatafelTest
class CaseMigrationTest extends ProcessScenario {

  private static final String MODEL = "processes/mediation-case.bpmn";
  /** Version 1's withdrawal steps, in the case itself (today in termination.bpmn). */
  private static final String V1_TERMINATION_MAIL = "serviceTask_terminationMail";
  private static final String V1_RECORD_TERMINATION = "userTask_recordTermination";

  @Autowired RepositoryService repositoryService;
  @Autowired ModelDeployment models;
  @Autowired CaseMigration migration;
  @Autowired MediationCaseRepository cases;

  private final List<String> deployments = new ArrayList<>();
  private ProcessDefinition legacy;
  private ProcessDefinition current;

  @BeforeEach
  void version1IsDeployed() throws IOException {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
    String v1 = new ClassPathResource("legacy/mediation-case-v1.bpmn").getContentAsString(StandardCharsets.UTF_8);
    legacy = deploy("mediatafel-v1", v1);
  }

  @AfterEach
  void removeTheTestVersions() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aCaseWaitingForTriageMovesToTheNewModelAndGoesOnThere() {
    ProcessInstance waiting = caseInstance(registerCase(2, "NEIGHBOURS", "FACE_TO_FACE", "migrate-triage"));
    assertThat(waiting.getProcessDefinitionId()).isEqualTo(legacy.getId());
    current = deploy("mediatafel-v2", null);

    CaseMigration.Report report = migration.migrate(legacy.getId(), current.getId());

    assertThat(report.migrated()).containsExactly(waiting.getBusinessKey());
    assertThat(report.staying()).isEmpty();
    assertThat(definitionOf(waiting)).isEqualTo(current.getId());
    taskService.complete(task(waiting, MediationCaseProcess.Elements.TRIAGE).getId(), acceptance("FACE_TO_FACE"));
    assertThat(waiting).isWaitingAt(MediationCaseProcess.Elements.INTAKE);
    assertThat(stageCount(waiting, IntakeProcess.KEY)).as("one intake per party, in the new model").isEqualTo(2);
  }

  @Test
  void aCaseInItsSessionsMovesToTheNewModelAndReachesTheSettlementStage() throws Exception {
    ProcessInstance sessions = caseInstance(registerCase(2, "NEIGHBOURS", "FACE_TO_FACE", "migrate-sessions"));
    taskService.complete(task(sessions, MediationCaseProcess.Elements.TRIAGE).getId(), acceptance("FACE_TO_FACE"));
    runtimeService.createProcessInstanceModification(sessions.getId())
        .startBeforeActivity(MediationCaseProcess.Elements.ROUTE_JOIN)
        .cancelAllForActivity(MediationCaseProcess.Version1.INTAKE + "#multiInstanceBody")
        .execute();
    assertThat(sessions).isWaitingAt(MediationCaseProcess.Elements.FACE_TO_FACE);
    current = deploy("mediatafel-v2", null);

    CaseMigration.Report report = migration.migrate(legacy.getId(), current.getId());

    assertThat(report.migrated()).containsExactly(sessions.getBusinessKey());
    ProcessJobs.executeAt(managementService, sessions, MediationCaseProcess.Elements.FACE_TO_FACE);
    holdJointSessionAtTheTable(called(sessions, FaceToFaceProcess.KEY), 1.5, FaceToFaceProcess.AGREEMENT);
    assertThat(sessions).isWaitingAt(MediationCaseProcess.Elements.SETTLEMENT);
    assertThat(stage(sessions, SettlementProcess.KEY)).isWaitingAt(SettlementProcess.Elements.DRAFT_SETTLEMENT);
  }

  @Test
  void aCaseInTheOldIntakeStaysOnVersion1AndFinishesThereWhileANewCaseRunsOnTheNewModel() {
    ProcessInstance old = caseInstance(registerCase(2, "NEIGHBOURS", "FACE_TO_FACE", "migrate-stays"));
    taskService.complete(task(old, MediationCaseProcess.Elements.TRIAGE).getId(), acceptance("FACE_TO_FACE"));
    ProcessJobs.executeAt(managementService, old, IntakeProcess.Elements.INTAKE_INVITATION);
    current = deploy("mediatafel-v2", null);
    ProcessInstance fresh = caseInstance(registerCase(2, "NEIGHBOURS", "FACE_TO_FACE", "migrate-fresh"));

    CaseMigration.Report report = migration.migrate(legacy.getId(), current.getId());

    assertThat(report.migrated()).isEmpty();
    assertThat(report.staying()).containsExactly(old.getBusinessKey());
    assertThat(definitionOf(old)).isEqualTo(legacy.getId());
    assertThat(fresh.getProcessDefinitionId()).isEqualTo(current.getId());

    // the portal's messages still reach the old case: each party's intake, then the conversations, then on
    for (var party : partiesOf(old.getBusinessKey())) {
      IntakeProcess.intakeSubmitted(runtimeService, old.getBusinessKey(), party.getId().toString()).correlate();
    }
    List<Task> conversations = taskService.createTaskQuery().processInstanceId(old.getId())
        .taskDefinitionKey(IntakeProcess.Elements.INTAKE_CONVERSATION).list();
    assertThat(conversations).hasSize(2);
    conversations.forEach(conversation -> taskService.complete(conversation.getId(),
        Map.of("conversationChannel", "PHONE", "onlineExplained", true)));
    ProcessJobs.executeAt(managementService, old, MediationAgreementProcess.Elements.CAN_START_MAIL);
    assertThat(old).isWaitingAt(MediationAgreementProcess.Elements.MAKE_AGREEMENT);

    // a party withdraws: version 1's own withdrawal ends the case
    // version 1 waits for the old name PartyWithdrew: the API's message reaches it all the same (docs/migration.md)
    MediationCaseProcess.partyWithdrew(runtimeService, old.getBusinessKey(),
        partiesOf(old.getBusinessKey()).get(0).getId().toString()).correlate();
    ProcessJobs.executeAt(managementService, old, V1_TERMINATION_MAIL);
    taskService.complete(task(old, V1_RECORD_TERMINATION).getId(),
        Map.of("terminationReason", "PARTY_WITHDREW", "referBack", false));

    HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(old.getId()).singleResult();
    assertThat(finished.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(finished.getProcessDefinitionId()).as("it ended on the version it started on")
        .isEqualTo(legacy.getId());
    assertThat(old).hasPassed(MediationCaseProcess.Elements.TERMINATED);
    assertThat(cases.findById(old.getBusinessKey()).orElseThrow().getStatus()).isEqualTo(CaseStatus.TERMINATED);

    taskService.complete(task(fresh, MediationCaseProcess.Elements.TRIAGE).getId(), acceptance("FACE_TO_FACE"));
    assertThat(fresh).isWaitingAt(MediationCaseProcess.Elements.INTAKE);
    assertThat(stageCount(fresh, IntakeProcess.KEY)).isEqualTo(2);
  }

  // --- steps

  /**
   * Deploys today's models, with {@code mediation-case.bpmn} replaced by {@code caseModel} when given, as a deployment
   * of its own: the forms, the DMN and the called models resolve in it (binding deployment), as in production.
   */
  private ProcessDefinition deploy(String name, String caseModel) {
    DeploymentBuilder builder = repositoryService.createDeployment().name(name);
    for (ModelFile file : models.findModels()) {
      builder.addString(file.name(), caseModel != null && file.name().equals(MODEL) ? caseModel : file.text());
    }
    String id = builder.deploy().getId();
    deployments.add(id);
    return repositoryService.createProcessDefinitionQuery().deploymentId(id)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
  }

  private ProcessInstance caseInstance(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
  }

  private String definitionOf(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private long stageCount(ProcessInstance instance, String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(key).count();
  }

  private static Map<String, Object> acceptance(String route) {
    Map<String, Object> variables = new HashMap<>();
    MediationCaseProcess.TRIAGE_DECISION.putIn(variables, MediationCaseProcess.ACCEPT);
    MediationCaseProcess.SUITABILITY_JUDGEMENT.putIn(variables, "Past");
    MediationCaseProcess.ROUTE.putIn(variables, route);
    CaseVariables.MEDIATOR.putIn(variables, "anna");
    MediationCaseProcess.HOURLY_RATE.putIn(variables, 120.0);
    return variables;
  }
}
