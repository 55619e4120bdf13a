package nl.mediatafel.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.TestClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline through the real engine (test-models/set-deadline.bpmn): the delegate sets it, the task's due date and
 * the boundary timers take it over, and {@link DeadlineService#extend} moves them.
 */
@MediatafelTest
class SetDeadlineProcessTest {

  private static final String PROCESS = "test-set-deadline";
  private static final String SET_DEADLINE = "serviceTask_setDeadline";
  private static final String SIGN_AGREEMENT = "userTask_signAgreement";
  private static final String DEADLINE_TIMER = "timer_signingDeadline";
  private static final String REMINDER_TIMER = "timer_signingReminder";

  /** Wednesday 22 April 2026, 10:00 in Amsterdam. */
  private static final Date AGREEMENT_SENT_AT = Date.from(Instant.parse("2026-04-22T08:00:00Z"));
  /** + 3 business days over Koningsdag (Monday 27 April): Tuesday 28 April 2026, 17:00 CEST. */
  private static final Instant DEADLINE = Instant.parse("2026-04-28T15:00:00Z");
  /** 1 business day before the deadline: Friday 24 April 2026, 17:00 CEST. */
  private static final Instant REMINDER = Instant.parse("2026-04-24T15:00:00Z");

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired DeadlineService deadlineService;

  private String deploymentId;

  @BeforeEach
  void deployTheTestModel() {
    BpmnAwareTests.init(processEngine);
    deploymentId = repositoryService.createDeployment().name("deadlines-test")
        .addClasspathResource("test-models/set-deadline.bpmn").deploy().getId();
  }

  @AfterEach
  void removeTheTestModel() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void theDeadlineBecomesTheDueDateOfTheTaskAndOfItsTimers() {
    ProcessInstance instance = startAndSetTheDeadline();

    BpmnAwareTests.assertThat(instance).isWaitingAt(SIGN_AGREEMENT).hasPassed(SET_DEADLINE);
    assertThat(dateVariable(instance, "signingDeadline")).isEqualTo(DEADLINE);
    assertThat(dateVariable(instance, "signingDeadlineReminder")).isEqualTo(REMINDER);
    assertThat(signTask(instance).getDueDate().toInstant()).isEqualTo(DEADLINE);
    assertThat(timer(instance, DEADLINE_TIMER).getDuedate().toInstant()).isEqualTo(DEADLINE);
    assertThat(timer(instance, REMINDER_TIMER).getDuedate().toInstant()).isEqualTo(REMINDER);
  }

  @Test
  void extendingTheDeadlineMovesTheTaskAndTheDeadlineTimerButNotTheReminder() {
    ProcessInstance instance = startAndSetTheDeadline();
    Job deadlineTimer = timer(instance, DEADLINE_TIMER);
    Task task = signTask(instance);
    Instant extended = Instant.parse("2026-05-06T15:00:00Z");

    DeadlineService.Extension extension =
        deadlineService.extend(instance.getId(), "signingDeadline", Date.from(extended));

    assertThat(extension.previousDeadline().toInstant()).isEqualTo(DEADLINE);
    assertThat(extension.movedTimerJobIds()).containsExactly(deadlineTimer.getId());
    assertThat(extension.movedTaskIds()).containsExactly(task.getId());
    assertThat(dateVariable(instance, "signingDeadline")).isEqualTo(extended);
    assertThat(signTask(instance).getDueDate().toInstant()).isEqualTo(extended);
    assertThat(timer(instance, DEADLINE_TIMER).getDuedate().toInstant()).isEqualTo(extended);
    assertThat(timer(instance, REMINDER_TIMER).getDuedate().toInstant()).isEqualTo(REMINDER);

    managementService.executeJob(deadlineTimer.getId());
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("endEvent_notSigned").hasNotPassed("endEvent_signed");
  }

  @Test
  void extendingAVariableThatIsNoDeadlineIsRefused() {
    ProcessInstance instance = startAndSetTheDeadline();

    assertThatThrownBy(() -> deadlineService.extend(instance.getId(), "signingDeadlin",
        Date.from(TestClock.now())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'signingDeadlin'");
    assertThat(timer(instance, DEADLINE_TIMER).getDuedate().toInstant()).isEqualTo(DEADLINE);
  }

  @Test
  void aMissingFromVariableBecomesAnIncidentNamingTheElementAndTheParameter() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "MED-TEST-DEADLINE-2");
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(SET_DEADLINE)
        .singleResult();

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .isInstanceOf(DeadlineConfigurationException.class);
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(SET_DEADLINE);
    assertThat(incident.getIncidentMessage())
        .startsWith("Service task 'serviceTask_setDeadline' (Ondertekendeadline zetten): input parameter 'from'")
        .contains("'agreementSentAt'");
  }

  private ProcessInstance startAndSetTheDeadline() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "MED-TEST-DEADLINE-1",
        Map.of("agreementSentAt", AGREEMENT_SENT_AT));
    BpmnAwareTests.assertThat(instance).isWaitingAt(SET_DEADLINE);
    Job asyncBefore = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(SET_DEADLINE)
        .singleResult();
    managementService.executeJob(asyncBefore.getId());
    return instance;
  }

  private Instant dateVariable(ProcessInstance instance, String name) {
    return ((Date) runtimeService.getVariable(instance.getId(), name)).toInstant();
  }

  private Task signTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(SIGN_AGREEMENT)
        .singleResult();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }
}
