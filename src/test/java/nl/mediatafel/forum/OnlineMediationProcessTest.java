package nl.mediatafel.forum;

import static nl.mediatafel.forum.OnlineMediationProcess.Elements.CLOSE_FORUM_ROUND;
import static nl.mediatafel.forum.OnlineMediationProcess.Elements.OPEN_FORUM_ROUND;
import static nl.mediatafel.forum.OnlineMediationProcess.Elements.PLAN_VIDEO_SESSION;
import static nl.mediatafel.forum.OnlineMediationProcess.Elements.REACTION_DEADLINE_TIMER;
import static nl.mediatafel.forum.OnlineMediationProcess.Elements.REACTION_MISSING;
import static nl.mediatafel.forum.OnlineMediationProcess.Elements.REACTION_REMINDER_MAIL;
import static nl.mediatafel.forum.OnlineMediationProcess.Elements.REACTION_REMINDER_TIMER;
import static nl.mediatafel.forum.OnlineMediationProcess.Elements.WAIT_FOR_REACTION;
import static nl.mediatafel.platform.CalendarMails.event;
import static nl.mediatafel.platform.CalendarMails.mails;
import static nl.mediatafel.platform.CalendarMails.value;
import static nl.mediatafel.sessions.SessionProcess.Elements.INVITATION_MAIL;
import static nl.mediatafel.sessions.SessionProcess.Elements.PLAN_PRACTICE_SESSION;
import static nl.mediatafel.sessions.SessionProcess.Elements.PRACTICE_INVITATION_MAIL;
import static nl.mediatafel.sessions.SessionProcess.Elements.REMINDER_MAIL;
import static nl.mediatafel.sessions.SessionProcess.Elements.REMINDER_TIMER;
import static nl.mediatafel.sessions.SessionProcess.Elements.REPLAN_VIDEO_SESSION;
import static nl.mediatafel.sessions.SessionProcess.Elements.SESSION_END_TIMER;
import static nl.mediatafel.sessions.SessionProcess.Elements.VIDEO_SESSION_REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
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
import nl.mediatafel.cases.Party;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.platform.TestMailServer;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.Session;
import nl.mediatafel.sessions.SessionKind;
import nl.mediatafel.sessions.SessionPlanning;
import nl.mediatafel.sessions.SessionProcess;
import nl.mediatafel.sessions.SessionRepository;
import nl.mediatafel.sessions.SessionStatus;
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
 * Scenarios of {@code processes/online-mediation.bpmn} on the real engine with the job executor off, started directly
 * with a registered case as business key: forum rounds with their per-party waits (posts go through the real
 * {@link ForumService}), reminders and the missing-reaction task, video sessions with a practice session, moving and
 * cancelling, every outcome, and the hours that add up to {@code hoursSpent}.
 */
@MediatafelTest
class OnlineMediationProcessTest extends ProcessScenario {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String MEDIATOR = "anna";
  private static final String MEDIATOR_EMAIL = "anna@mediatafel.example";
  private static final String VIDEO_LINK = "https://video.mediatafel.example/room/4711";

  @Autowired SessionRepository sessions;
  @Autowired SessionPlanning planning;
  @Autowired BusinessCalendar calendar;
  @Autowired ForumService forum;

  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    TestMailServer.purge();
  }

  @AfterEach
  void removeOurInstances() {
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "end of test", true, true);
      }
    }
  }

  @Test
  void aForumRoundWithTwoPartiesWaitsForBothAndEndsInAgreementWithThePublishedProposal() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_ASYNC);
    assertThat(instance).isWaitingAt(OPEN_FORUM_ROUND);
    Task open = task(instance, OPEN_FORUM_ROUND);
    assertThat(open).hasCandidateUser(MEDIATOR);
    assertThat(formRef(open)).isEqualTo("online-open-forum-round");
    forum.post(ForumThread.joint(caseNumber), ForumParticipant.mediator(caseNumber, MEDIATOR), "Welkom, wat speelt er?");
    taskService.complete(open.getId(), ProcessVariable.map(
        OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.with(3L)));

    assertThat(waits(instance)).hasSize(2);
    Date deadline = OnlineMediationProcess.FORUM_REACTION_DEADLINE.required(runtimeService, instance.getId());
    Date reminder = OnlineMediationProcess.FORUM_REACTION_REMINDER.required(runtimeService, instance.getId());
    assertThat(reminder.toInstant()).isEqualTo(calendar.subtractBusinessDays(deadline.toInstant(), 3));
    assertThat(timers(instance, REACTION_REMINDER_TIMER)).hasSize(2)
        .allSatisfy(job -> assertThat(job.getDuedate()).isEqualTo(reminder));
    assertThat(timers(instance, REACTION_DEADLINE_TIMER)).hasSize(2)
        .allSatisfy(job -> assertThat(job.getDuedate()).isEqualTo(deadline));

    List<Party> all = partiesOf(caseNumber);
    TestMailServer.purge();
    forum.post(ForumThread.joint(caseNumber), ForumParticipant.party(caseNumber, all.get(0).getId()), "Mijn kant.");
    assertThat(waits(instance)).as("only the party that posted stops being waited for").hasSize(1);
    assertThat(mails(caseNumber)).singleElement().satisfies(mail -> {
      ReceivedMail received = ReceivedMail.of(mail);
      assertThat(received.to()).isEqualTo(MEDIATOR_EMAIL);
      assertThat(received.text()).contains("/forum/" + caseNumber).doesNotContain("Mijn kant.");
    });
    forum.post(ForumThread.joint(caseNumber), ForumParticipant.party(caseNumber, all.get(1).getId()), "En de mijne.");
    assertThat(instance).isWaitingAt(CLOSE_FORUM_ROUND);

    Task close = task(instance, CLOSE_FORUM_ROUND);
    assertThat(close).hasCandidateUser(MEDIATOR);
    assertThat(formRef(close)).isEqualTo("online-close-forum-round");
    TestMailServer.purge();
    taskService.complete(close.getId(), close(1.5, "Voorstel: de schutting samen betalen.", "AGREEMENT"));

    assertThat(instance).isEnded().hasPassed(OnlineMediationProcess.Elements.AGREEMENT_END);
    assertThat(historic(instance, OnlineMediationProcess.SESSIONS_OUTCOME.name())).isEqualTo("AGREEMENT");
    assertThat(historic(instance, OnlineMediationProcess.HOURS_SPENT.name())).isEqualTo(1.5);
    assertThat(forum.read(ForumThread.joint(caseNumber), ForumParticipant.mediator(caseNumber, MEDIATOR)))
        .last().satisfies(post -> {
          assertThat(post.isByMediator()).isTrue();
          assertThat(post.getText()).isEqualTo("Voorstel: de schutting samen betalen.");
        });
    assertThat(mails(caseNumber)).as("the parties hear of the proposal, without its text").hasSize(2)
        .allSatisfy(mail -> assertThat(ReceivedMail.of(mail).text()).doesNotContain("schutting"));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(OnlineMediationProcess.FORUM_SUMMARY.name()).list())
        .as("the proposal lives in the forum; only the closing task had it")
        .allSatisfy(variable -> assertThat(variable.getActivityInstanceId()).isNotEqualTo(instance.getId()));
  }

  @Test
  void aForumRoundWithThirtyPartiesHasOneWaitPerPartyFromOneModel() throws Exception {
    String caseNumber = registerCase(30);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_ASYNC);
    taskService.complete(task(instance, OPEN_FORUM_ROUND).getId(),
        ProcessVariable.map(OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.with(5.0)));
    assertThat(waits(instance)).hasSize(30);
    assertThat(timers(instance, REACTION_REMINDER_TIMER)).hasSize(30);

    List<Party> all = partiesOf(caseNumber);
    for (int i = 0; i < 29; i++) {
      ForumThread thread = i % 2 == 0 ? ForumThread.joint(caseNumber)
          : ForumThread.caucus(caseNumber, all.get(i).getId());
      forum.post(thread, ForumParticipant.party(caseNumber, all.get(i).getId()), "Reactie " + i);
    }
    assertThat(waits(instance)).hasSize(1);
    assertThat(CaseVariables.PARTY_ID.from(runtimeService, waits(instance).get(0)).orElse(null))
        .isEqualTo(all.get(29).getId().toString());
    forum.post(ForumThread.joint(caseNumber), ForumParticipant.party(caseNumber, all.get(29).getId()), "Laatste");
    assertThat(instance).isWaitingAt(CLOSE_FORUM_ROUND);
    taskService.complete(task(instance, CLOSE_FORUM_ROUND).getId(), close(4, null, "NO_AGREEMENT"));
    assertThat(instance).isEnded().hasPassed(OnlineMediationProcess.Elements.NO_AGREEMENT_END);
    assertThat(historic(instance, OnlineMediationProcess.HOURS_SPENT.name())).isEqualTo(4.0);
  }

  @Test
  void aSilentPartyGetsAReminderThenTheMediatorATaskToExtendOrContinueWithout() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_ASYNC);
    taskService.complete(task(instance, OPEN_FORUM_ROUND).getId(),
        ProcessVariable.map(OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.with(2L)));
    List<Party> all = partiesOf(caseNumber);
    Party silent = all.get(1);
    forum.post(ForumThread.joint(caseNumber), ForumParticipant.party(caseNumber, all.get(0).getId()), "Ik reageer.");

    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, instance, REACTION_REMINDER_TIMER);
    ProcessJobs.executeAt(managementService, instance, REACTION_REMINDER_MAIL);
    assertThat(mails(caseNumber)).singleElement().satisfies(mail -> {
      ReceivedMail received = ReceivedMail.of(mail);
      assertThat(received.to()).isEqualTo(silent.getEmail());
      assertThat(received.portalLink()).contains("/portal/").endsWith("/forum");
    });
    assertThat(waits(instance)).as("the reminder does not end the wait").hasSize(1);

    ProcessJobs.executeAt(managementService, instance, REACTION_DEADLINE_TIMER);
    Task missing = task(instance, REACTION_MISSING);
    assertThat(missing).hasCandidateUser(MEDIATOR);
    assertThat(formRef(missing)).isEqualTo("online-reaction-missing");
    assertThat(IntakeProcess.PARTY_NAME.from(taskService, missing.getId()).orElse(null)).isEqualTo(silent.getName());
    Instant before = TestClock.now();
    taskService.complete(missing.getId(), ProcessVariable.map(OnlineMediationProcess.REACTION_FOLLOW_UP.with("EXTEND"),
        OnlineMediationProcess.REACTION_EXTENSION_BUSINESS_DAYS.with(4L)));

    assertThat(waits(instance)).as("waiting again for the same party").singleElement()
        .satisfies(wait -> assertThat(CaseVariables.PARTY_ID.from(runtimeService, wait).orElse(null))
            .isEqualTo(silent.getId().toString()));
    Job newDeadline = timer(instance, REACTION_DEADLINE_TIMER);
    assertThat(newDeadline.getDuedate().toInstant())
        .isAfterOrEqualTo(calendar.addBusinessDays(before, 4).minusSeconds(5))
        .isBefore(calendar.addBusinessDays(TestClock.now(), 4).plusSeconds(5));
    assertThat(timer(instance, REACTION_REMINDER_TIMER).getDuedate()).isBefore(newDeadline.getDuedate());

    managementService.executeJob(newDeadline.getId());
    taskService.complete(task(instance, REACTION_MISSING).getId(),
        ProcessVariable.map(OnlineMediationProcess.REACTION_FOLLOW_UP.with("CONTINUE_WITHOUT")));
    assertThat(instance).isWaitingAt(CLOSE_FORUM_ROUND)
        .hasPassed(OnlineMediationProcess.Elements.WITHOUT_REACTION_END,
            OnlineMediationProcess.Elements.REACTION_RECEIVED_END);
  }

  @Test
  void aPostInACaucusThreadEndsOnlyThatPartysWaitAndAPostWhileNobodyWaitsIsFine() throws Exception {
    String caseNumber = registerCase(3);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_ASYNC);
    taskService.complete(task(instance, OPEN_FORUM_ROUND).getId(),
        ProcessVariable.map(OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.with(3L)));
    List<Party> all = partiesOf(caseNumber);
    Party second = all.get(1);

    TestMailServer.purge();
    forum.post(ForumThread.caucus(caseNumber, second.getId()), ForumParticipant.mediator(caseNumber, MEDIATOR),
        "Hoe gaat het met u?");
    assertThat(waits(instance)).as("a mediator's post ends no wait").hasSize(3);
    assertThat(mails(caseNumber)).extracting(mail -> ReceivedMail.of(mail).to())
        .as("a caucus post reaches only that party").containsExactly(second.getEmail());

    forum.post(ForumThread.caucus(caseNumber, second.getId()), ForumParticipant.party(caseNumber, second.getId()),
        "Goed, dank u.");
    assertThat(waits(instance)).hasSize(2).allSatisfy(wait ->
        assertThat(CaseVariables.PARTY_ID.from(runtimeService, wait)
            .orElse(null)).isNotEqualTo(second.getId().toString()));

    assertThatThrownBy(() -> forum.post(ForumThread.caucus(caseNumber, second.getId()),
        ForumParticipant.party(caseNumber, all.get(0).getId()), "Meelezen?"))
        .isInstanceOf(ForumAccessDeniedException.class);
    assertThat(waits(instance)).hasSize(2);

    forum.post(ForumThread.joint(caseNumber), ForumParticipant.party(caseNumber, second.getId()), "Nog iets.");
    assertThat(waits(instance)).as("a second post of the same party changes nothing").hasSize(2);
  }

  @Test
  void aVideoSessionWithAPracticeSessionThenAForumRoundSumTheirHours() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_VIDEO);
    Task plan = task(instance, PLAN_VIDEO_SESSION);
    assertThat(plan).hasCandidateGroup("secretariat");
    assertThat(formRef(plan)).isEqualTo("online-plan-video-session");
    ZonedDateTime start = sessionStart(8);
    Map<String, Object> variables = video(start, "JOINT");
    SessionProcess.PRACTICE_WANTED.putIn(variables, true);
    taskService.complete(plan.getId(), variables);
    Session session = currentSession(instance);
    assertThat(session.isVideo()).isTrue();
    assertThat(session.getVideoLink()).isEqualTo(VIDEO_LINK);

    Task practice = task(session(instance), PLAN_PRACTICE_SESSION);
    assertThat(practice).hasCandidateGroup("secretariat");
    assertThat(formRef(practice)).isEqualTo("online-plan-practice-session");
    Party unsure = partiesOf(caseNumber).get(1);
    ZonedDateTime practiceStart = sessionStart(6).with(LocalTime.of(10, 0));
    taskService.complete(practice.getId(), Map.of(
        SessionProcess.PRACTICE_PARTY_NUMBER.name(), 2L,
        SessionProcess.PRACTICE_DATE.name(), practiceStart.toLocalDate().toString(),
        SessionProcess.PRACTICE_START_TIME.name(), "10:00",
        SessionProcess.PRACTICE_DURATION_MINUTES.name(), "30",
        // Tasklist sends an empty field as an empty text: the practice session takes the session's link
        SessionProcess.PRACTICE_VIDEO_LINK.name(), ""));
    Session practiceSession = sessions.findById(UUID.fromString(SessionProcess.PRACTICE_SESSION_ID
        .required(runtimeService, session(instance).getId()))).orElseThrow();
    assertThat(practiceSession.isPractice()).isTrue();
    assertThat(practiceSession.getKind()).isEqualTo(SessionKind.CAUCUS);
    assertThat(practiceSession.getCaucusPartyId()).isEqualTo(unsure.getId());
    assertThat(practiceSession.getEndsAt()).isEqualTo(practiceStart.plusMinutes(30).toInstant());
    assertThat(practiceSession.getVideoLink()).isEqualTo(VIDEO_LINK);

    ProcessJobs.executeAt(managementService, session(instance), PRACTICE_INVITATION_MAIL);
    assertThat(mails(caseNumber)).extracting(mail -> ReceivedMail.of(mail).to())
        .containsExactlyInAnyOrder(unsure.getEmail(), MEDIATOR_EMAIL);
    assertThat(mails(caseNumber)).allSatisfy(mail -> {
      assertThat(ReceivedMail.of(mail).text()).contains("oefensessie", "10:00 - 10:30 uur", VIDEO_LINK);
      assertThat(value(event(mail), Property.UID)).startsWith(practiceSession.getId().toString());
    });

    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    assertThat(mails(caseNumber)).hasSize(3).allSatisfy(mail -> {
      VEvent event = event(mail);
      assertThat(value(event, Property.UID)).isEqualTo(session.getId() + "@mediatafel.nl");
      assertThat(value(event, Property.URL)).isEqualTo(VIDEO_LINK);
      assertThat(ReceivedMail.of(mail).text()).contains("gezamenlijke bijeenkomst via video", "14:00 - 16:00 uur");
    });

    Job reminder = timer(session(instance), REMINDER_TIMER);
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(calendar.subtractBusinessDays(start.toInstant(), 1));
    attendSession(instance);
    Task report = task(session(instance), VIDEO_SESSION_REPORT);
    assertThat(report).hasCandidateUser(MEDIATOR);
    assertThat(formRef(report)).isEqualTo("online-video-session-report");
    taskService.complete(report.getId(), report(2.0, "Eerste videogesprek.", "FORUM"));
    assertThat(sessions.findById(session.getId()).orElseThrow().getStatus()).isEqualTo(SessionStatus.HELD);

    assertThat(instance).isWaitingAt(OPEN_FORUM_ROUND);
    taskService.complete(task(instance, OPEN_FORUM_ROUND).getId(),
        Map.of(OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.name(), 3L));
    for (Party party : partiesOf(caseNumber)) {
      forum.post(ForumThread.joint(caseNumber), ForumParticipant.party(caseNumber, party.getId()), "Reactie");
    }
    taskService.complete(task(instance, CLOSE_FORUM_ROUND).getId(), close(1.25, "", "CAUCUS"));
    assertThat(instance).isWaitingAt(PLAN_VIDEO_SESSION);
    assertThat(SessionProcess.SESSION_KIND.from(runtimeService, instance.getId()).orElse(null))
        .as("the planning form starts with the chosen kind").isEqualTo("CAUCUS");

    Map<String, Object> caucus = video(sessionStart(12), "CAUCUS");
    SessionProcess.CAUCUS_PARTY_NUMBER.putIn(caucus, 1L);
    holdVideoSession(instance, caucus, report(0.75, "Apart gesprek.", "NO_AGREEMENT"));

    assertThat(instance).isEnded().hasPassed(OnlineMediationProcess.Elements.NO_AGREEMENT_END);
    assertThat(historic(instance, OnlineMediationProcess.HOURS_SPENT.name())).isEqualTo(4.0);
    assertThat(historic(instance, OnlineMediationProcess.SESSIONS_OUTCOME.name())).isEqualTo("NO_AGREEMENT");
  }

  @Test
  void aVideoSessionCanMoveAndAfterACancellationIsPlannedAgainThenTheRouteSwitchesToTheTable() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_VIDEO);
    taskService.complete(task(instance, PLAN_VIDEO_SESSION).getId(), video(sessionStart(6), "JOINT"));
    assertThat(session(instance)).as("no practice session asked for").isWaitingAt(INVITATION_MAIL);
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    Session session = currentSession(instance);

    TestMailServer.purge();
    ZonedDateTime newStart = sessionStart(9).with(LocalTime.of(10, 30));
    planning.move(session.getId(), newStart.toInstant(), newStart.plusMinutes(90).toInstant());
    assertThat(sessions.findById(session.getId()).orElseThrow().getSequence()).isEqualTo(1);
    ProcessJobs.executeAt(managementService, session(instance), SessionProcess.Elements.MOVED_INVITATION_MAIL);
    assertThat(timer(session(instance), REMINDER_TIMER).getDuedate().toInstant())
        .isEqualTo(calendar.subtractBusinessDays(newStart.toInstant(), 1));
    assertThat(mails(caseNumber)).hasSize(3).allSatisfy(mail -> {
      assertThat(value(event(mail), Property.SEQUENCE)).isEqualTo("1");
      assertThat(value(event(mail), Property.URL)).isEqualTo(VIDEO_LINK);
    });

    SessionProcess.sessionCancelled(runtimeService, caseNumber,
        partiesOf(caseNumber).get(0).getId().toString(), "Geen internet").correlate();
    TestMailServer.purge();
    ProcessJobs.executeAt(managementService, session(instance),
        SessionProcess.Elements.SESSION_CANCELLED_MAIL);
    assertThat(mails(caseNumber)).as("the parties and the mediator get the cancellation").hasSize(3)
        .allSatisfy(mail -> assertThat(value(event(mail), Property.STATUS)).isEqualTo("CANCELLED"));
    assertThat(session(instance)).isWaitingAt(REPLAN_VIDEO_SESSION);
    assertThat(sessions.findById(session.getId()).orElseThrow().getStatus()).isEqualTo(SessionStatus.CANCELLED);
    Task replan = task(session(instance), REPLAN_VIDEO_SESSION);
    assertThat(replan).hasCandidateGroup("secretariat");
    assertThat(formRef(replan)).isEqualTo("online-replan-video-session");
    taskService.complete(replan.getId(), video(sessionStart(11), "JOINT"));
    Session replanned = currentSession(instance);
    assertThat(replanned.getId()).isNotEqualTo(session.getId());
    assertThat(session(instance)).isWaitingAt(INVITATION_MAIL);

    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    attendSession(instance);
    taskService.complete(task(session(instance), VIDEO_SESSION_REPORT).getId(),
        report(1.5, "Liever aan tafel verder.", "SWITCH_ROUTE"));
    assertThat(instance).isEnded().hasPassed(OnlineMediationProcess.Elements.SWITCH_ROUTE_END);
    assertThat(historic(instance, OnlineMediationProcess.SESSIONS_OUTCOME.name())).isEqualTo("SWITCH_ROUTE");
    assertThat(historic(instance, OnlineMediationProcess.HOURS_SPENT.name())).isEqualTo(1.5);
  }

  @Test
  void aVideoLinkThatIsNotHttpsIsRefusedAndNothingIsPlanned() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_VIDEO);
    Map<String, Object> variables = video(sessionStart(5), "JOINT");
    SessionProcess.SESSION_VIDEO_LINK.putIn(variables, "http://video.example/open");
    Task plan = task(instance, PLAN_VIDEO_SESSION);
    assertThatThrownBy(() -> taskService.complete(plan.getId(), variables))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("https://");
    assertThat(instance).isWaitingAt(PLAN_VIDEO_SESSION);
    assertThat(sessions.findByCaseNumberOrderByStartsAt(caseNumber)).isEmpty();
  }

  @Test
  void theForumRoundRefusesAnUnknownNextStepAndKeepsNothing() throws Exception {
    String caseNumber = registerCase(2);
    ProcessInstance instance = start(caseNumber, OnlineMediationProcess.ONLINE_ASYNC);
    taskService.complete(task(instance, OPEN_FORUM_ROUND).getId(),
        Map.of(OnlineMediationProcess.FORUM_REACTION_BUSINESS_DAYS.name(), 3L));
    for (Party party : partiesOf(caseNumber)) {
      forum.post(ForumThread.joint(caseNumber), ForumParticipant.party(caseNumber, party.getId()), "Reactie");
    }
    Task close = task(instance, CLOSE_FORUM_ROUND);
    assertThatThrownBy(() -> taskService.complete(close.getId(), close(1, "Samenvatting", "LATER")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("LATER");
    assertThat(instance).isWaitingAt(CLOSE_FORUM_ROUND);
    assertThat(OnlineMediationProcess.HOURS_SPENT.from(runtimeService, instance.getId()).orElse(null)).isNull();
    assertThat(forum.read(ForumThread.joint(caseNumber), ForumParticipant.mediator(caseNumber, MEDIATOR)))
        .extracting(ForumPost::getText).doesNotContain("Samenvatting");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String registerCase(int partyCount) {
    return registerCase(partyCount, "NEIGHBOURS", "ONLINE_ASYNC", "online");
  }

  private ProcessInstance start(String caseNumber, String route) {
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.MEDIATOR.putIn(variables, MEDIATOR);
    variables.put(OnlineMediationProcess.PARTY_IDS.name(),
        new ArrayList<>(partiesOf(caseNumber).stream().map(party -> party.getId().toString()).toList()));
    OnlineMediationProcess.ROUTE.putIn(variables, route);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(OnlineMediationProcess.KEY, caseNumber,
        variables);
    started.add(instance.getId());
    return instance;
  }

  /** The executions waiting for a party's reaction. */
  private List<String> waits(ProcessInstance instance) {
    return runtimeService.createExecutionQuery().processInstanceId(instance.getId()).activityId(WAIT_FOR_REACTION)
        .list().stream().map(execution -> execution.getId()).toList();
  }

  private ZonedDateTime sessionStart(int businessDays) {
    LocalDate day = calendar.plusBusinessDays(TestClock.today(), businessDays);
    return ZonedDateTime.of(day, LocalTime.of(14, 0), AMSTERDAM);
  }

  /** The video planning form as Tasklist submits it: 2 hours over {@link #VIDEO_LINK}, no practice session. */
  private static Map<String, Object> video(ZonedDateTime start, String kind) {
    Map<String, Object> variables = new HashMap<>();
    SessionProcess.SESSION_KIND.putIn(variables, kind);
    SessionProcess.SESSION_DATE.putIn(variables, start.toLocalDate().toString());
    SessionProcess.SESSION_START_TIME.putIn(variables, start.toLocalTime().toString());
    SessionProcess.SESSION_DURATION_MINUTES.putIn(variables, "120");
    SessionProcess.SESSION_VIDEO_LINK.putIn(variables, VIDEO_LINK);
    SessionProcess.PRACTICE_WANTED.putIn(variables, false);
    return variables;
  }

  private static Map<String, Object> report(double hours, String summary, String nextStep) {
    Map<String, Object> variables = new HashMap<>();
    SessionProcess.SESSION_HOURS.putIn(variables, hours);
    SessionProcess.SESSION_SUMMARY.putIn(variables, summary);
    OnlineMediationProcess.NEXT_STEP.putIn(variables, nextStep);
    return variables;
  }

  private static Map<String, Object> close(double hours, String summary, String nextStep) {
    Map<String, Object> variables = new HashMap<>();
    OnlineMediationProcess.FORUM_ROUND_HOURS.putIn(variables, hours);
    OnlineMediationProcess.FORUM_SUMMARY.putIn(variables, summary);
    OnlineMediationProcess.NEXT_STEP.putIn(variables, nextStep);
    return variables;
  }

  private void holdVideoSession(ProcessInstance instance, Map<String, Object> plan, Map<String, Object> report) {
    taskService.complete(task(instance, PLAN_VIDEO_SESSION).getId(), plan);
    ProcessJobs.executeAt(managementService, session(instance), INVITATION_MAIL);
    attendSession(instance);
    taskService.complete(task(session(instance), VIDEO_SESSION_REPORT).getId(), report);
  }

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
}
