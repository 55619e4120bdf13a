package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.sessions.SessionProcess;
import nl.mediatafel.signing.SignatureService;
import nl.mediatafel.signing.SigningProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The steps every process scenario test takes on the real engine (job executor off): register a case the way the
 * API does, find the one open task or timer at an activity, read the form a task opens and a variable's history.
 * Scenario classes extend it and keep only what is particular to their process.
 */
public abstract class ProcessScenario {

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected CaseRequests requests;
  @Autowired protected PartyRepository parties;
  @Autowired protected SignatureService signatures;

  /** Registers a request with {@code partyCount} parties (odd ones Dutch, even ones English), unique addresses. */
  protected String registerCase(int partyCount, String conflictType, String preferredRoute, String mailPrefix) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<CaseRequest.PartyRequest> partyRequests = new ArrayList<>();
    for (int i = 1; i <= partyCount; i++) {
      partyRequests.add(new CaseRequest.PartyRequest("Partij " + i, mailPrefix + i + "-" + run + "@example.nl",
          i % 2 == 0 ? "en" : "nl", false, "SELF", null));
    }
    CaseRequest request = new CaseRequest(conflictType, "Onenigheid over de erfgrens.", "MEDIUM", preferredRoute,
        false, null, partyRequests);
    return requests.register(request, null).mediationCase().getCaseNumber();
  }

  /**
   * The one open task at the activity, in the instance or, when it has none there, in an instance it called (a stage
   * of the case: same business key); fails when there is none.
   */
  protected Task task(ProcessInstance instance, String activityId) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
        .singleResult();
    if (task == null && instance.getBusinessKey() != null) {
      task = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
          .taskDefinitionKey(activityId).singleResult();
    }
    assertThat(task).as("task %s", activityId).isNotNull();
    return task;
  }

  /** The Camunda Form the task opens in Tasklist (formRef, binding deployment). */
  protected String formRef(Task task) {
    Task withForm = taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
    assertThat(withForm.getCamundaFormRef()).as("form of %s", task.getTaskDefinitionKey()).isNotNull();
    assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
    return withForm.getCamundaFormRef().getKey();
  }

  /** The timers at the activity, in the instance or, when it has none there, in the instances of its case. */
  protected List<Job> timers(ProcessInstance instance, String activityId) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).list();
    if (!timers.isEmpty() || instance.getBusinessKey() == null) {
      return timers;
    }
    return ProcessJobs.ofCase(runtimeService, instance).stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id).timers().activityId(activityId)
            .list().stream())
        .toList();
  }

  /** The one timer at the activity; fails when there is none or more. */
  protected Job timer(ProcessInstance instance, String activityId) {
    List<Job> timers = timers(instance, activityId);
    assertThat(timers).as("timer %s", activityId).hasSize(1);
    return timers.get(0);
  }

  /** The last value a variable had in the instance, also after it ended. */
  protected Object historic(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    assertThat(variable).as(name).isNotNull();
    return variable.getValue();
  }

  protected List<Party> partiesOf(String caseNumber) {
    return parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
  }

  /** The one running instance of {@code key} with the case's business key (called by the case or by one of its stages). */
  protected ProcessInstance stage(ProcessInstance instance, String key) {
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).processDefinitionKey(key).list();
    assertThat(running).as("%s of the case", key).hasSize(1);
    return running.get(0);
  }

  /** Whether the case (the instance or a stage with its business key, running or ended) passed the activity. */
  protected boolean passedInCase(ProcessInstance instance, String activityId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .list().stream().anyMatch(any -> historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(any.getId()).activityId(activityId).finished().count() > 0);
  }

  /**
   * The one running instance of {@code key} that the instance called, or, when it called none, that one of the stages
   * of its case called (the signing of the settlement, called by {@code settlement}).
   */
  protected ProcessInstance called(ProcessInstance instance, String key) {
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).processDefinitionKey(key).list();
    if (running.isEmpty() && instance.getBusinessKey() != null) {
      return stage(instance, key);
    }
    assertThat(running).as("%s called by the case", key).hasSize(1);
    return running.get(0);
  }

  /**
   * One joint session at the table in a running {@code face-to-face-mediation} instance, as the secretariat and the
   * mediator do it: planned at an address ten days ahead, announced, reminded, held, reported with these hours (the
   * session itself runs in the {@code session} instance the route calls).
   */
  protected void holdJointSessionAtTheTable(ProcessInstance sessions, double hours, String nextStep) {
    planJointSessionAtTheTable(sessions);
    ProcessInstance session = session(sessions);
    ProcessJobs.executeAt(managementService, session, SessionProcess.Elements.REMINDER_TIMER);
    ProcessJobs.executeAt(managementService, session, SessionProcess.Elements.REMINDER_MAIL);
    ProcessJobs.executeAt(managementService, session, SessionProcess.Elements.SESSION_END_TIMER);
    taskService.complete(task(session, SessionProcess.Elements.SESSION_REPORT).getId(), ProcessVariable.map(
        SessionProcess.SESSION_HOURS.with(hours), SessionProcess.SESSION_SUMMARY.with("Verslag"),
        SessionProcess.SESSION_NEXT_STEP.with(nextStep)));
  }

  /** The secretariat plans a joint session at an address ten days ahead; its invitation (with the .ics) is sent. */
  protected void planJointSessionAtTheTable(ProcessInstance sessions) {
    Map<String, Object> session = new HashMap<>();
    SessionProcess.SESSION_KIND.putIn(session, "JOINT");
    SessionProcess.SESSION_DATE.putIn(session, TestClock.today().plusDays(10).toString());
    SessionProcess.SESSION_START_TIME.putIn(session, "14:00");
    SessionProcess.SESSION_DURATION_MINUTES.putIn(session, "120");
    SessionProcess.SESSION_LOCATION_KIND.putIn(session, SessionProcess.ADDRESS);
    SessionProcess.SESSION_ADDRESS.putIn(session, "Maliebaan 12, Utrecht");
    taskService.complete(task(sessions, FaceToFaceProcess.Elements.PLAN_SESSION).getId(), session);
    ProcessJobs.executeAt(managementService, session(sessions), SessionProcess.Elements.INVITATION_MAIL);
  }

  /** The one running {@code session} instance (session.bpmn) that a route instance called. */
  protected ProcessInstance session(ProcessInstance route) {
    return called(route, SessionProcess.KEY);
  }

  /** What the portal's sign page does for a party: record the signature, then tell the signing process. */
  protected void signInPortal(String caseNumber, UUID documentId, UUID partyId) {
    signatures.recordPortalSignature(caseNumber, documentId, partyId, TestClock.now(), "192.0.2.10", "JUnit");
    runtimeService.createMessageCorrelation(SigningProcess.Messages.DOCUMENT_SIGNED)
        .processInstanceBusinessKey(caseNumber)
        .localVariableEquals(CaseVariables.PARTY_ID.name(), partyId.toString())
        .localVariableEquals(SigningProcess.DOCUMENT_ID.name(), documentId.toString())
        .correlate();
  }
}
