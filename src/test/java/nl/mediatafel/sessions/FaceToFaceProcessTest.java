package nl.mediatafel.sessions;

import static nl.mediatafel.sessions.SessionProcess.Elements.INVITATION_MAIL;
import static nl.mediatafel.sessions.FaceToFaceProcess.Elements.PLAN_SESSION;
import static nl.mediatafel.sessions.SessionProcess.Elements.REMINDER_MAIL;
import static nl.mediatafel.sessions.SessionProcess.Elements.REMINDER_TIMER;
import static nl.mediatafel.sessions.SessionProcess.Elements.REPLAN_SESSION;
import static nl.mediatafel.sessions.SessionProcess.Elements.SESSION_END_TIMER;
import static nl.mediatafel.sessions.SessionProcess.Elements.SESSION_REPORT;
import static nl.mediatafel.platform.CalendarMails.event;
import static nl.mediatafel.platform.CalendarMails.mails;
import static nl.mediatafel.platform.CalendarMails.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import nl.mediatafel.cases.Party;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenarios of {@code processes/face-to-face-mediation.bpmn} on the real engine with the job executor off, started
 * directly with a registered case as business key: every job and timer is fired by the test, every mail arrives at
 * the test SMTP server, and the calendar invitations are read back with ical4j.
 */
@MediatafelTest
class FaceToFaceProcessTest extends ProcessScenario {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String MEDIATOR = "anna";
  private static final String MEDIATOR_EMAIL = "anna@mediatafel.example";

  @Autowired SessionRepository sessions;
  @Autowired SessionPlanning planning;
  @Autowired SessionsProperties properties;
  @Autowired BusinessCalendar calendar;

  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
  }

  /** Nothing of ours keeps waiting in the shared engine: timers of a later test must not meet our instances. */
  @AfterEach
  void removeOurInstances() {
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "end of test", true, true);
      }
    }
  }

  @Test
  void aJointSessionIsPlannedAnnouncedWithAnIcsRemindedAndEndsInAgreement() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber);
    assertThat(instance).isWaitingAt(PLAN_SESSION);
    Task plan = task(instance, PLAN_SESSION);
    assertThat(plan).hasCandidateGroup("secretariat");
    assertThat(formRef(plan)).isEqualTo("plan-session");
    assertThat(SessionProcess.ROOM_LIST.required(taskService, plan.getId())).startsWith("1. Spreekkamer De Linde");
    assertThat(SessionProcess.PARTY_LIST.required(taskService, plan.getId())).isEqualTo("1. Partij 1\n2. Partij 2");

    ZonedDateTime start = sessionStart(10);
    taskService.complete(plan.getId(), joint(start, 1));
    Session session = currentSession(instance);
    assertThat(session.getKind()).isEqualTo(SessionKind.JOINT);
    assertThat(session.getStatus()).isEqualTo(SessionStatus.PLANNED);
    assertThat(session.getStartsAt()).isEqualTo(start.toInstant());
    assertThat(session.getEndsAt()).isEqualTo(start.plusMinutes(120).toInstant());
    assertThat(session.getLocation()).isEqualTo(properties.rooms().get(0).location());
    assertThat(session.getSequence()).isZero();

    assertThat(session(instance)).isWaitingAt(INVITATION_MAIL);
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);

    List<MimeMessage> mails = mails(caseNumber);
    List<String> attendees = new ArrayList<>(partyEmails(caseNumber));
    attendees.add(MEDIATOR_EMAIL);
    assertThat(mails).extracting(mail -> ReceivedMail.of(mail).to()).containsExactlyInAnyOrderElementsOf(attendees);
    for (MimeMessage mail : mails) {
      ReceivedMail received = ReceivedMail.of(mail);
      assertThat(received.attachmentNames()).containsExactly(SessionInvitations.FILE_NAME);
      assertThat(received.attachmentTypes()).containsExactly("text/calendar");
      assertThat(received.text()).contains("gezamenlijke bijeenkomst op").contains("14:00 - 16:00 uur")
          .contains("Spreekkamer De Linde");
      VEvent event = event(mail);
      assertThat(value(event, Property.UID)).isEqualTo(session.getId() + "@mediatafel.nl");
      assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
      assertThat(event.<Attendee>getProperties(Property.ATTENDEE))
          .extracting(attendee -> attendee.getCalAddress().getSchemeSpecificPart())
          .containsExactlyInAnyOrderElementsOf(attendees);
    }

    // the reminder: the working day before, same time; it does not end the wait
    Job reminder = timer(session(instance), REMINDER_TIMER);
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(calendar.subtractBusinessDays(start.toInstant(), 1));
    TestMailServer.purge();
    managementService.executeJob(reminder.getId());
    ProcessJobs.executeAt(managementService, session(instance), REMINDER_MAIL);
    assertThat(mails(caseNumber)).hasSize(3);

    Job sessionEnd = timer(session(instance), SESSION_END_TIMER);
    assertThat(sessionEnd.getDuedate().toInstant()).isEqualTo(start.plusMinutes(120).toInstant());
    managementService.executeJob(sessionEnd.getId());

    Task report = task(session(instance), SESSION_REPORT);
    assertThat(report).hasCandidateUser(MEDIATOR);
    assertThat(formRef(report)).isEqualTo("session-report");
    assertThat(report.getDueDate().toInstant())
        .isEqualTo(calendar.addBusinessDays(start.plusMinutes(120).toInstant(), 2));
    taskService.complete(report.getId(), report(2.5, "Afspraken over de omgangsregeling besproken.", "AGREEMENT"));

    assertThat(instance).isEnded().hasPassed(FaceToFaceProcess.Elements.AGREEMENT_END);
    assertThat(historic(instance, FaceToFaceProcess.SESSIONS_OUTCOME.name())).isEqualTo("AGREEMENT");
    assertThat(historic(instance, FaceToFaceProcess.HOURS_SPENT.name())).isEqualTo(2.5);
    Session held = sessions.findById(session.getId()).orElseThrow();
    assertThat(held.getStatus()).isEqualTo(SessionStatus.HELD);
    assertThat(held.getHours()).isEqualByComparingTo(new BigDecimal("2.5"));
    assertThat(held.getSummary()).isEqualTo("Afspraken over de omgangsregeling besproken.");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
        .as("the route and its session").hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(any -> assertThat(historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(any.getId()).variableName(SessionProcess.SESSION_SUMMARY.name()).includeDeleted()
            .list()).as("the summary is in the file only, not in Camunda's history").isEmpty());
  }

  @Test
  void aJointSessionThenACaucusWithOnePartySumTheirHours() throws Exception {
    String caseNumber = registerCase(3);
    ProcessInstance instance = start(caseNumber);
    holdSession(instance, joint(sessionStart(5), 2), report(2.0, "Eerste gezamenlijke bijeenkomst.", "CAUCUS"));
    assertThat(instance).isWaitingAt(PLAN_SESSION);
    assertThat(runtimeService.getVariables(instance.getId())).as("hours and summary stay with the report task")
        .doesNotContainKeys(SessionProcess.SESSION_SUMMARY.name(), SessionProcess.SESSION_HOURS.name())
        .containsEntry(FaceToFaceProcess.HOURS_SPENT.name(), 2.0);
    assertThat(SessionProcess.SESSION_KIND.from(runtimeService, instance.getId()).orElse(null))
        .as("the planning form starts with the chosen next step").isEqualTo("CAUCUS");

    Party second = partiesOf(caseNumber).get(1);
    Map<String, Object> caucus = joint(sessionStart(8), 1);
    SessionProcess.SESSION_KIND.putIn(caucus, "CAUCUS");
    SessionProcess.CAUCUS_PARTY_NUMBER.putIn(caucus, 2L);
    SessionProcess.SESSION_LOCATION_KIND.putIn(caucus, SessionProcess.ADDRESS);
    SessionProcess.SESSION_ADDRESS.putIn(caucus, "Stationsplein 1, 3511 ED Utrecht");
    taskService.complete(task(instance, PLAN_SESSION).getId(), caucus);
    Session session = currentSession(instance);
    assertThat(session.getKind()).isEqualTo(SessionKind.CAUCUS);
    assertThat(session.getCaucusPartyId()).isEqualTo(second.getId());
    assertThat(session.getLocation()).isEqualTo("Stationsplein 1, 3511 ED Utrecht");
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    assertThat(mails(caseNumber)).extracting(mail -> ReceivedMail.of(mail).to())
        .as("a caucus invites only that party and the mediator")
        .containsExactlyInAnyOrder(second.getEmail(), MEDIATOR_EMAIL);
    assertThat(event(mails(caseNumber).get(0)).<Attendee>getProperties(Property.ATTENDEE)).hasSize(2);

    attendSession(instance);
    taskService.complete(task(session(instance), SESSION_REPORT).getId(), report(1.25, "Apart gesprek.",
        "NO_AGREEMENT"));

    assertThat(instance).isEnded().hasPassed(FaceToFaceProcess.Elements.NO_AGREEMENT_END);
    assertThat(historic(instance, FaceToFaceProcess.HOURS_SPENT.name())).isEqualTo(3.25);
    assertThat(historic(instance, FaceToFaceProcess.SESSIONS_OUTCOME.name())).isEqualTo("NO_AGREEMENT");
    assertThat(sessions.findByCaseNumberOrderByStartsAt(caseNumber)).extracting(Session::getStatus)
        .containsExactly(SessionStatus.HELD, SessionStatus.HELD);
  }

  @Test
  void theMediatorCanEndWithNoAgreement() throws Exception {
    ProcessInstance instance = start(registerCase(2));
    holdSession(instance, joint(sessionStart(4), 3), report(3, "Geen toenadering.", "NO_AGREEMENT"));
    assertThat(instance).isEnded().hasPassed(FaceToFaceProcess.Elements.NO_AGREEMENT_END)
        .hasNotPassed(FaceToFaceProcess.Elements.AGREEMENT_END, FaceToFaceProcess.Elements.SWITCH_ROUTE_END);
    assertThat(historic(instance, FaceToFaceProcess.SESSIONS_OUTCOME.name())).isEqualTo("NO_AGREEMENT");
    assertThat(historic(instance, FaceToFaceProcess.HOURS_SPENT.name())).isEqualTo(3.0);
  }

  @Test
  void theMediatorCanSwitchToTheOnlineRoute() throws Exception {
    ProcessInstance instance = start(registerCase(2));
    holdSession(instance, joint(sessionStart(4), 2), report(1.5, "Partijen willen verder online.", "SWITCH_ROUTE"));
    assertThat(instance).isEnded().hasPassed(FaceToFaceProcess.Elements.SWITCH_ROUTE_END)
        .hasNotPassed(FaceToFaceProcess.Elements.AGREEMENT_END, FaceToFaceProcess.Elements.NO_AGREEMENT_END);
    assertThat(historic(instance, FaceToFaceProcess.SESSIONS_OUTCOME.name())).isEqualTo("SWITCH_ROUTE");
    assertThat(historic(instance, FaceToFaceProcess.HOURS_SPENT.name())).isEqualTo(1.5);
  }

  @Test
  void whenAPartyCancelsTheSecretariatPlansANewSession() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber);
    taskService.complete(task(instance, PLAN_SESSION).getId(), joint(sessionStart(6), 1));
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    Session cancelled = currentSession(instance);
    Party party = partiesOf(caseNumber).get(0);

    SessionProcess.sessionCancelled(runtimeService, caseNumber, party.getId().toString(), "Ziek").correlate();

    assertThat(timers(session(instance), REMINDER_TIMER)).as("the wait for the session is over").isEmpty();
    assertThat(sessions.findById(cancelled.getId()).orElseThrow().getStatus()).isEqualTo(SessionStatus.CANCELLED);
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, session(instance), SessionProcess.Elements.SESSION_CANCELLED_MAIL);
    assertThat(mails(caseNumber)).as("both parties and the mediator").hasSize(3).allSatisfy(mail -> {
      assertThat(mail.getSubject()).contains("mediation", caseNumber);
      VEvent event = event(mail);
      assertThat(value(event, Property.UID)).startsWith(cancelled.getId().toString());
      assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
      assertThat(Integer.parseInt(value(event, Property.SEQUENCE))).as("a higher sequence than the invitation")
          .isGreaterThan(cancelled.getSequence());
    });
    assertThat(session(instance)).isWaitingAt(REPLAN_SESSION).hasPassed(SessionProcess.Elements.CANCEL_SESSION);
    Task replan = task(session(instance), REPLAN_SESSION);
    assertThat(replan).hasCandidateGroup("secretariat");
    assertThat(formRef(replan)).isEqualTo("replan-session");
    assertThat(SessionProcess.CANCELLATION_REASON.from(taskService, replan.getId()).orElse(null)).isEqualTo("Ziek");

    ZonedDateTime newStart = sessionStart(12);
    taskService.complete(replan.getId(), joint(newStart, 2));
    Session replanned = currentSession(instance);
    assertThat(replanned.getId()).isNotEqualTo(cancelled.getId());
    assertThat(replanned.getStartsAt()).isEqualTo(newStart.toInstant());
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    assertThat(mails(caseNumber)).hasSize(3)
        .allSatisfy(mail -> assertThat(value(event(mail), Property.UID)).startsWith(replanned.getId().toString()));
    attendSession(instance);
    assertThat(session(instance)).isWaitingAt(SESSION_REPORT);
  }

  @Test
  void movingASessionIsAMessageThatKeepsItsUidRaisesTheSequenceAndRestartsTheWait() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber);
    taskService.complete(task(instance, PLAN_SESSION).getId(), joint(sessionStart(6), 1));
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    Session session = currentSession(instance);
    TestMailServer.purge();

    ZonedDateTime newStart = sessionStart(9).with(LocalTime.of(10, 30));
    ZonedDateTime newEnd = newStart.plusMinutes(90);
    planning.move(session.getId(), newStart.toInstant(), newEnd.toInstant());

    // the message SessionMoved interrupts the wait: "Verplaatsing vastleggen", then the updated invitation
    ProcessInstance waiting = session(instance);
    assertThat(waiting).hasPassed(SessionProcess.Elements.SESSION_MOVED, SessionProcess.Elements.MOVE_SESSION)
        .isWaitingAt(SessionProcess.Elements.MOVED_INVITATION_MAIL);
    Session moved = sessions.findById(session.getId()).orElseThrow();
    assertThat(moved.getSequence()).isEqualTo(1);
    assertThat(moved.getStatus()).isEqualTo(SessionStatus.MOVED);
    assertThat(moved.getStartsAt()).isEqualTo(newStart.toInstant());
    assertThatThrownBy(() -> planning.move(session.getId(), newStart.plusDays(1).toInstant(),
        newEnd.plusDays(1).toInstant()))
        .as("until its updated invitation is out, a session does not move again").isInstanceOf(IllegalStateException.class);
    ProcessJobs.executeAt(managementService, waiting, SessionProcess.Elements.MOVED_INVITATION_MAIL);
    assertThat(timer(waiting, REMINDER_TIMER).getDuedate().toInstant())
        .as("the wait restarts with the reminder of the new date")
        .isEqualTo(calendar.subtractBusinessDays(newStart.toInstant(), 1));
    assertThat(SessionProcess.SESSION_END.from(runtimeService, waiting.getId()).orElse(null))
        .isEqualTo(Date.from(newEnd.toInstant()));
    assertThat(SessionProcess.MOVED_START.from(runtimeService, waiting.getId()).orElse(null))
        .as("the message's times are applied, not kept").isNull();
    List<MimeMessage> mails = mails(caseNumber);
    assertThat(mails).hasSize(3).allSatisfy(mail -> {
      VEvent event = event(mail);
      assertThat(value(event, Property.UID)).isEqualTo(session.getId() + "@mediatafel.nl");
      assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
      assertThat(ReceivedMail.of(mail).text()).contains("10:30 - 12:00 uur");
    });

    // after the reminder: moved again, the wait restarts with the new reminder and the new end
    managementService.executeJob(timer(waiting, REMINDER_TIMER).getId());
    ProcessJobs.executeAt(managementService, waiting, REMINDER_MAIL);
    ZonedDateTime later = newStart.plusDays(1);
    planning.move(session.getId(), later.toInstant(), later.plusHours(2).toInstant());
    ProcessJobs.executeAt(managementService, waiting, SessionProcess.Elements.MOVED_INVITATION_MAIL);
    assertThat(timer(waiting, REMINDER_TIMER).getDuedate().toInstant())
        .isEqualTo(calendar.subtractBusinessDays(later.toInstant(), 1));
    assertThat(SessionProcess.SESSION_END.from(runtimeService, waiting.getId()).orElse(null))
        .isEqualTo(Date.from(later.plusHours(2).toInstant()));
    assertThat(sessions.findById(session.getId()).orElseThrow().getSequence()).isEqualTo(2);
    managementService.executeJob(timer(waiting, REMINDER_TIMER).getId());
    ProcessJobs.executeAt(managementService, waiting, REMINDER_MAIL);
    assertThat(timer(waiting, SESSION_END_TIMER).getDuedate().toInstant())
        .isEqualTo(later.plusHours(2).toInstant());

    attendSession(instance);
    taskService.complete(task(session(instance), SESSION_REPORT).getId(),
        report(2, "Verplaatst en gehouden.", "AGREEMENT"));
    assertThatThrownBy(() -> planning.move(session.getId(), later.plusDays(1).toInstant(),
        later.plusDays(1).plusHours(1).toInstant()))
        .as("a session that was held cannot move").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRoomThatDoesNotExistIsRefusedAndNothingIsPlanned() {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber);
    Map<String, Object> variables = joint(sessionStart(5), properties.rooms().size() + 1);
    Task plan = task(instance, PLAN_SESSION);

    assertThatThrownBy(() -> taskService.complete(plan.getId(), variables))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Zaal " + (properties.rooms().size() + 1));
    assertThat(instance).isWaitingAt(PLAN_SESSION);
    assertThat(sessions.findByCaseNumberOrderByStartsAt(caseNumber)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String registerCase(int partyCount) {
    return registerCase(partyCount, "SHAREHOLDERS", "FACE_TO_FACE", "party");
  }

  private ProcessInstance start(String caseNumber) {
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.MEDIATOR.putIn(variables, MEDIATOR);
    variables.put(FaceToFaceProcess.PARTY_IDS.name(),
        new ArrayList<>(partiesOf(caseNumber).stream().map(party -> party.getId().toString()).toList()));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(FaceToFaceProcess.KEY, caseNumber, variables);
    started.add(instance.getId());
    return instance;
  }

  /** 14:00 in Amsterdam on the business day that many business days from today. */
  private ZonedDateTime sessionStart(int businessDays) {
    LocalDate day = calendar.plusBusinessDays(TestClock.today(), businessDays);
    return ZonedDateTime.of(day, LocalTime.of(14, 0), AMSTERDAM);
  }

  /** The planning form's answers as Tasklist submits them: a joint session of 2 hours in room {@code room}. */
  private static Map<String, Object> joint(ZonedDateTime start, int room) {
    Map<String, Object> variables = new HashMap<>();
    SessionProcess.SESSION_KIND.putIn(variables, "JOINT");
    SessionProcess.SESSION_DATE.putIn(variables, start.toLocalDate().toString());
    SessionProcess.SESSION_START_TIME.putIn(variables, start.toLocalTime().toString());
    SessionProcess.SESSION_DURATION_MINUTES.putIn(variables, "120");
    SessionProcess.SESSION_LOCATION_KIND.putIn(variables, SessionProcess.ROOM);
    SessionProcess.SESSION_ROOM_NUMBER.putIn(variables, (long) room);
    return variables;
  }

  private static Map<String, Object> report(double hours, String summary, String nextStep) {
    Map<String, Object> variables = new HashMap<>();
    SessionProcess.SESSION_HOURS.putIn(variables, hours);
    SessionProcess.SESSION_SUMMARY.putIn(variables, summary);
    SessionProcess.SESSION_NEXT_STEP.putIn(variables, nextStep);
    return variables;
  }

  /** Plans, announces and holds one session, then completes the report. */
  private void holdSession(ProcessInstance instance, Map<String, Object> plan, Map<String, Object> report) {
    taskService.complete(task(instance, PLAN_SESSION).getId(), plan);
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    managementService.executeJob(timer(session(instance), REMINDER_TIMER).getId());
    ProcessJobs.executeAt(managementService, session(instance), REMINDER_MAIL);
    attendSession(instance);
    taskService.complete(task(session(instance), SESSION_REPORT).getId(), report);
  }

  /** Fires the reminder (when still waiting for it) and the end of the session. */
  private void attendSession(ProcessInstance instance) {
    if (!timers(session(instance), REMINDER_TIMER).isEmpty()) {
      managementService.executeJob(timer(session(instance), REMINDER_TIMER).getId());
      ProcessJobs.executeAt(managementService, session(instance), REMINDER_MAIL);
    }
    managementService.executeJob(timer(session(instance), SESSION_END_TIMER).getId());
  }

  private Session currentSession(ProcessInstance instance) {
    String id = SessionProcess.SESSION_ID.required(runtimeService, session(instance).getId());
    assertThat(id).as("sessionId").isNotNull();
    return sessions.findById(UUID.fromString(id)).orElseThrow();
  }

  private List<String> partyEmails(String caseNumber) {
    return partiesOf(caseNumber).stream().map(Party::getEmail).toList();
  }
}
