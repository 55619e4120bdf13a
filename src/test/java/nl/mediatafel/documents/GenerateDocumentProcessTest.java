package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.cases.MediationAgreementProcess;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.cases.PayerKind;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.TestClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Maak document" in a running process: the service task is asynchronous, its job makes the document from the case's
 * own records (parties, mediator, route, rates), and the next task finds the document id in the configured variable.
 */
@MediatafelTest
class GenerateDocumentProcessTest {

  private static final String PROCESS = "test-generate-document";
  private static final String MAKE_AGREEMENT = "serviceTask_makeAgreement";
  private static final String REVIEW_AGREEMENT = "userTask_reviewAgreement";
  private static final String CASE_NUMBER = "MED-TEST-D301";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired DocumentService documents;
  @Autowired MediationCaseRepository cases;

  private String deploymentId;

  @BeforeEach
  void deployTheTestModelForACase() {
    if (!cases.existsById(CASE_NUMBER)) {
      MediationCase mediationCase = new MediationCase(CASE_NUMBER, "NEIGHBOURS", "Overlast", "LOW", "FACE_TO_FACE",
          false, TestClock.now());
      mediationCase.addParty("Wim Hendriks", "wim@example.nl", "nl", false, PayerKind.SELF);
      mediationCase.addParty("Aylin Demir", "aylin@example.nl", "nl", false, PayerKind.LEGAL_AID);
      mediationCase.accept(nl.mediatafel.cases.Route.FACE_TO_FACE, "carla", "Buren willen praten", new BigDecimal("120"), null);
      cases.save(mediationCase);
    }
    deploymentId = repositoryService.createDeployment().name("generate-document-test")
        .addClasspathResource("test-models/generate-document.bpmn").deploy().getId();
  }

  @AfterEach
  void removeTheTestModel() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void theAsynchronousTaskStoresTheAgreementAndHandsItsIdToTheReview() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, CASE_NUMBER, Map.of(
        "mediator", "carla", "route", "FACE_TO_FACE", "hourlyRate", 120));

    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(MAKE_AGREEMENT)
        .singleResult();
    assertThat(job).as("the service task waits as a job (asyncBefore)").isNotNull();
    assertThat(documents.current(CASE_NUMBER, "MEDIATION_AGREEMENT")).isEmpty();

    managementService.executeJob(job.getId());

    StoredDocument agreement = documents.current(CASE_NUMBER, "MEDIATION_AGREEMENT").orElseThrow();
    assertThat(MediationAgreementProcess.AGREEMENT_DOCUMENT_ID.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo(agreement.id().toString());
    assertThat(UUID.fromString(
        MediationAgreementProcess.AGREEMENT_DOCUMENT_ID.required(runtimeService, instance.getId())))
        .isEqualTo(agreement.id());
    assertThat(agreement.template()).isEqualTo("mediation-agreement");
    assertThat(agreement.language()).isEqualTo("nl");
    assertThat(DocumentServiceTest.text(agreement.content())).contains(CASE_NUMBER, "carla", "€ 120,00",
        "gezamenlijke bijeenkomsten", "Wim Hendriks", "Aylin Demir");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(REVIEW_AGREEMENT);
  }
}
