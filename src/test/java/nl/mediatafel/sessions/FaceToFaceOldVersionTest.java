package nl.mediatafel.sessions;

import static nl.mediatafel.platform.CalendarMails.event;
import static nl.mediatafel.platform.CalendarMails.mails;
import static nl.mediatafel.platform.CalendarMails.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.model.Property;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessMessage;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Open cases keep running: a {@code face-to-face-mediation} instance started on the version before
 * {@code session.bpmn} (a copy of it is {@code src/test/resources/legacy/face-to-face-mediation-v1.bpmn}) waits for
 * its session in its own model and finishes on that version. Moving its session still works, the old way
 * ({@link SessionPlanning#move} sets the due dates of its timers). That version uses the element ids that
 * {@code session.bpmn} kept, so {@link SessionProcess.Elements} names them. docs/migration-sessions.md.
 */
@MediatafelTest
class FaceToFaceOldVersionTest extends ProcessScenario {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String OLD_MODEL = "legacy/face-to-face-mediation-v1.bpmn";
  private static final String[] ITS_FORMS = {"plan-session", "replan-session", "session-report"};

  @Autowired RepositoryService repositoryService;
  @Autowired SessionRepository sessions;
  @Autowired SessionPlanning planning;
  @Autowired BusinessCalendar calendar;

  private Deployment old;

  @BeforeEach
  void deployTheOldVersion() {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
    var deployment = repositoryService.createDeployment().name("face-to-face-mediation before session.bpmn")
        .addClasspathResource(OLD_MODEL);
    for (String form : ITS_FORMS) {
      deployment.addClasspathResource("forms/" + form + ".form");
    }
    old = deployment.deploy();
  }

  /** Its instances, and the old version itself: the other tests start the current version by key. */
  @AfterEach
  void removeTheOldVersion() {
    repositoryService.deleteDeployment(old.getId(), true);
  }

  @Test
  void anInstanceOfTheVersionBeforeSessionBpmnIsPlannedMovedHeldAndEndsOnItsOwnVersion() throws Exception {
    ProcessDefinition oldVersion = repositoryService.createProcessDefinitionQuery().deploymentId(old.getId())
        .processDefinitionKey(FaceToFaceProcess.KEY).singleResult();
    String caseNumber = registerCase(2, "SHAREHOLDERS", "FACE_TO_FACE", "old");
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.MEDIATOR.putIn(variables, "anna");
    variables.put(FaceToFaceProcess.PARTY_IDS.name(),
        new ArrayList<>(partiesOf(caseNumber).stream().map(party -> party.getId().toString()).toList()));
    ProcessInstance instance = runtimeService.startProcessInstanceById(oldVersion.getId(), caseNumber, variables);

    ZonedDateTime start = ZonedDateTime.of(calendar.plusBusinessDays(TestClock.today(), 6),
        LocalTime.of(14, 0), AMSTERDAM);
    Map<String, Object> plan = new HashMap<>();
    SessionProcess.SESSION_KIND.putIn(plan, "JOINT");
    SessionProcess.SESSION_DATE.putIn(plan, start.toLocalDate().toString());
    SessionProcess.SESSION_START_TIME.putIn(plan, "14:00");
    SessionProcess.SESSION_DURATION_MINUTES.putIn(plan, "120");
    SessionProcess.SESSION_LOCATION_KIND.putIn(plan, SessionProcess.ADDRESS);
    SessionProcess.SESSION_ADDRESS.putIn(plan, "Maliebaan 12, Utrecht");
    taskService.complete(task(instance, FaceToFaceProcess.Elements.PLAN_SESSION).getId(), plan);
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
        .as("the old version calls no session model").isZero();
    ProcessJobs.executeAt(managementService, instance, SessionProcess.Elements.INVITATION_MAIL);
    UUID sessionId = UUID.fromString(SessionProcess.SESSION_ID.required(runtimeService, instance.getId()));

    // moved the old way: the timers of its own wait get the new due dates, the invitation goes out at once
    TestMailServer.purge();
    ZonedDateTime newStart = start.plusDays(1).with(LocalTime.of(10, 0));
    ZonedDateTime newEnd = newStart.plusMinutes(90);
    planning.move(sessionId, newStart.toInstant(), newEnd.toInstant());
    assertThat(sessions.findById(sessionId).orElseThrow().getSequence()).isEqualTo(1);
    Job reminder = timer(instance, SessionProcess.Elements.REMINDER_TIMER);
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(calendar.subtractBusinessDays(newStart.toInstant(), 1));
    assertThat(SessionProcess.SESSION_END.from(runtimeService, instance.getId()).orElse(null))
        .isEqualTo(Date.from(newEnd.toInstant()));
    assertThat(mails(caseNumber)).hasSize(3)
        .allSatisfy(mail -> assertThat(value(event(mail), Property.SEQUENCE)).isEqualTo("1"));

    managementService.executeJob(reminder.getId());
    ProcessJobs.executeAt(managementService, instance, SessionProcess.Elements.REMINDER_MAIL);
    Job end = timer(instance, SessionProcess.Elements.SESSION_END_TIMER);
    assertThat(end.getDuedate().toInstant()).isEqualTo(newEnd.toInstant());
    managementService.executeJob(end.getId());
    taskService.complete(task(instance, SessionProcess.Elements.SESSION_REPORT).getId(), ProcessVariable.map(
        SessionProcess.SESSION_HOURS.with(2.0), SessionProcess.SESSION_SUMMARY.with("Op de oude versie"),
        SessionProcess.SESSION_NEXT_STEP.with(SessionProcess.AGREEMENT)));

    assertThat(instance).isEnded().hasPassed(FaceToFaceProcess.Elements.AGREEMENT_END);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId()).as("finished on the version it started on")
        .isEqualTo(oldVersion.getId());
    assertThat(historic(instance, FaceToFaceProcess.SESSIONS_OUTCOME.name())).isEqualTo(SessionProcess.AGREEMENT);
    assertThat(sessions.findById(sessionId).orElseThrow().getStatus()).isEqualTo(SessionStatus.HELD);
  }

  /**
   * That version waits for the message under its old name {@code SessionCancelled}; the portal's
   * {@link SessionProcess#sessionCancelled} ({@code Mediatafel.SessionCancelled}) reaches it all the same, once.
   */
  @Test
  void anInstanceOfTheVersionBeforeTheNamespaceStillHearsACancellation() {
    ProcessDefinition oldVersion = repositoryService.createProcessDefinitionQuery().deploymentId(old.getId())
        .processDefinitionKey(FaceToFaceProcess.KEY).singleResult();
    String caseNumber = registerCase(2, "SHAREHOLDERS", "FACE_TO_FACE", "old-cancel");
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.MEDIATOR.name(), "anna");
    variables.put(FaceToFaceProcess.PARTY_IDS.name(),
        new ArrayList<>(partiesOf(caseNumber).stream().map(party -> party.getId().toString()).toList()));
    ProcessInstance instance = runtimeService.startProcessInstanceById(oldVersion.getId(), caseNumber, variables);
    ZonedDateTime start = ZonedDateTime.of(calendar.plusBusinessDays(TestClock.today(), 6),
        LocalTime.of(14, 0), AMSTERDAM);
    Map<String, Object> plan = new HashMap<>();
    plan.put(SessionProcess.SESSION_KIND.name(), "JOINT");
    plan.put(SessionProcess.SESSION_DATE.name(), start.toLocalDate().toString());
    plan.put(SessionProcess.SESSION_START_TIME.name(), "14:00");
    plan.put(SessionProcess.SESSION_DURATION_MINUTES.name(), "120");
    plan.put(SessionProcess.SESSION_LOCATION_KIND.name(), SessionProcess.ADDRESS);
    plan.put(SessionProcess.SESSION_ADDRESS.name(), "Maliebaan 12, Utrecht");
    taskService.complete(task(instance, FaceToFaceProcess.Elements.PLAN_SESSION).getId(), plan);
    ProcessJobs.executeAt(managementService, instance, SessionProcess.Elements.INVITATION_MAIL);
    UUID sessionId = UUID.fromString((String) runtimeService.getVariable(instance.getId(),
        SessionProcess.SESSION_ID.name()));
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(ProcessMessage.legacyName(SessionProcess.Messages.SESSION_CANCELLED)).count())
        .as("the old version waits for the old name").isOne();

    SessionProcess.sessionCancelled(runtimeService, caseNumber, partiesOf(caseNumber).get(0).getId().toString(),
        "Ziek").correlate();

    assertThat(sessions.findById(sessionId).orElseThrow().getStatus()).isEqualTo(SessionStatus.CANCELLED);
    ProcessJobs.executeAt(managementService, instance, SessionProcess.Elements.SESSION_CANCELLED_MAIL);
    assertThat(instance).isWaitingAt(SessionProcess.Elements.REPLAN_SESSION)
        .hasPassed(SessionProcess.Elements.SESSION_CANCELLED, SessionProcess.Elements.CANCEL_SESSION);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(SessionProcess.Elements.CANCEL_SESSION).count()).as("delivered once").isOne();
    assertThat(instance.getProcessDefinitionId()).isEqualTo(oldVersion.getId());
  }
}
