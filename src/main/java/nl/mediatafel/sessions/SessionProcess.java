package nl.mediatafel.sessions;

import java.util.Date;
import java.util.UUID;
import nl.mediatafel.process.ProcessMessage;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The API of {@code processes/session.bpmn} ("Bijeenkomst"): one session, from registering what the secretariat
 * planned to the mediator's report: register, an optional practice session (video), invitation with {@code .ics},
 * reminder the working day before, wait until it ends, move ({@link Messages#SESSION_MOVED}), cancel
 * ({@link Messages#SESSION_CANCELLED}, then planned again) and report. Both routes call it, {@code
 * face-to-face-mediation.bpmn} and {@code online-mediation.bpmn}, with the case number as business key; the planning
 * task stays in the caller, whose form differs per route. Its key, element ids, messages and typed variables; delegates,
 * services and tests use these names, never string literals.
 *
 * <p>Inputs (explicit {@code camunda:in} of the call activity): {@link nl.mediatafel.process.CaseVariables#MEDIATOR},
 * the planning form's answers ({@link #SESSION_KIND} … {@link #PRACTICE_WANTED}) and the running {@link #HOURS_SPENT}.
 * Outputs: {@link #SESSION_NEXT_STEP}, {@link #SESSION_KIND} (for the next planning form), {@link #SESSIONS_OUTCOME}
 * (when the next step is an outcome) and {@link #HOURS_SPENT} (this session's hours added).
 */
public final class SessionProcess {

  public static final String KEY = "session";

  /** Element ids. The wait keeps the ids it had in the route models before this model, so old versions match too. */
  public static final class Elements {
    public static final String START = "startEvent_sessionPlanned";
    public static final String REGISTER_SESSION = "serviceTask_registerSession";
    public static final String PRACTICE_WANTED = "gateway_practiceWanted";
    public static final String PLAN_PRACTICE_SESSION = "userTask_planPracticeSession";
    public static final String REGISTER_PRACTICE_SESSION = "serviceTask_registerPracticeSession";
    public static final String PRACTICE_INVITATION_MAIL = "serviceTask_sendPracticeInvitation";
    public static final String INVITATION_MAIL = "serviceTask_sendSessionInvitation";
    public static final String SESSION_WAIT = "subProcess_sessionWait";
    public static final String REMINDER_TIMER = "timer_sessionReminder";
    public static final String REMINDER_MAIL = "serviceTask_sessionReminder";
    public static final String SESSION_END_TIMER = "timer_sessionEnd";
    public static final String SESSION_MOVED = "boundaryEvent_sessionMoved";
    public static final String MOVE_SESSION = "serviceTask_moveSession";
    public static final String MOVED_INVITATION_MAIL = "serviceTask_sendMovedInvitation";
    public static final String SESSION_CANCELLED = "boundaryEvent_sessionCancelled";
    public static final String CANCEL_SESSION = "serviceTask_cancelSession";
    public static final String SESSION_CANCELLED_MAIL = "serviceTask_sessionCancelledMail";
    public static final String REPLAN_SESSION = "userTask_replanSession";
    public static final String REPLAN_VIDEO_SESSION = "userTask_replanVideoSession";
    public static final String SESSION_REPORT = "userTask_sessionReport";
    public static final String VIDEO_SESSION_REPORT = "userTask_videoSessionReport";
    public static final String REPORTED_END = "endEvent_sessionReported";

    private Elements() {}
  }

  /** Messages into the waiting session, correlated by case number (business key). */
  public static final class Messages {
    /** A party cancelled the planned session; correlate with {@link #sessionCancelled}. */
    public static final String SESSION_CANCELLED = "Mediatafel.SessionCancelled";
    /** The secretariat moved the session; correlate with {@link #sessionMoved} (case number and session). */
    public static final String SESSION_MOVED = "Mediatafel.SessionMoved";

    private Messages() {}
  }

  /** Next steps that end the route ({@link #SESSIONS_OUTCOME}); the others plan another session or a forum round. */
  public static final String AGREEMENT = "AGREEMENT";
  public static final String NO_AGREEMENT = "NO_AGREEMENT";
  public static final String SWITCH_ROUTE = "SWITCH_ROUTE";

  /** Room, free address or video link ({@link #SESSION_LOCATION_KIND}); the online route passes {@link #VIDEO}. */
  public static final String ROOM = "ROOM";
  public static final String ADDRESS = "ADDRESS";
  public static final String VIDEO = "VIDEO";

  // inputs: the planning form of the route (plan-session.form, online-plan-video-session.form)
  /** {@code JOINT} or {@code CAUCUS} ({@link SessionKind}). */
  public static final ProcessVariable<String> SESSION_KIND = ProcessVariable.of("sessionKind", String.class);
  /** For a caucus: the number of the party in the form's list (1 = the first active party). */
  public static final ProcessVariable<Number> CAUCUS_PARTY_NUMBER = ProcessVariable.of("caucusPartyNumber", Number.class);
  /** A Date, or the form's ISO date text ("2026-03-20"). */
  public static final ProcessVariable<Object> SESSION_DATE = ProcessVariable.of("sessionDate", Object.class);
  /** The form's time text ("14:00"). */
  public static final ProcessVariable<String> SESSION_START_TIME = ProcessVariable.of("sessionStartTime", String.class);
  /** Minutes: the form's choice as text ("120"), or a number. */
  public static final ProcessVariable<Object> SESSION_DURATION_MINUTES =
      ProcessVariable.of("sessionDurationMinutes", Object.class);
  /** {@link #ROOM}, {@link #ADDRESS} or {@link #VIDEO}; also what the model asks to pick the route's forms. */
  public static final ProcessVariable<String> SESSION_LOCATION_KIND =
      ProcessVariable.of("sessionLocationKind", String.class);
  /** The number of the room in the configured list ({@code mediatafel.sessions.rooms}), from 1. */
  public static final ProcessVariable<Number> SESSION_ROOM_NUMBER = ProcessVariable.of("sessionRoomNumber", Number.class);
  public static final ProcessVariable<String> SESSION_ADDRESS = ProcessVariable.of("sessionAddress", String.class);
  /** The secure ({@code https://}) link of a video session. */
  public static final ProcessVariable<String> SESSION_VIDEO_LINK = ProcessVariable.of("sessionVideoLink", String.class);
  /** Whether a party wants a short practice session with the technology first (video only; else {@code false}). */
  public static final ProcessVariable<Boolean> PRACTICE_WANTED = ProcessVariable.of("practiceWanted", Boolean.class);

  /** Local to the planning tasks (their input parameters), shown by the forms: the numbered parties and rooms. */
  public static final ProcessVariable<String> PARTY_LIST = ProcessVariable.of("partyList", String.class);
  public static final ProcessVariable<String> ROOM_LIST = ProcessVariable.of("roomList", String.class);

  // practice session (online-plan-practice-session.form)
  public static final ProcessVariable<Number> PRACTICE_PARTY_NUMBER =
      ProcessVariable.of("practicePartyNumber", Number.class);
  public static final ProcessVariable<Object> PRACTICE_DATE = ProcessVariable.of("practiceDate", Object.class);
  public static final ProcessVariable<String> PRACTICE_START_TIME = ProcessVariable.of("practiceStartTime", String.class);
  public static final ProcessVariable<Object> PRACTICE_DURATION_MINUTES =
      ProcessVariable.of("practiceDurationMinutes", Object.class);
  public static final ProcessVariable<String> PRACTICE_VIDEO_LINK = ProcessVariable.of("practiceVideoLink", String.class);
  /** The practice session (UUID text), a row of {@code sessions} with {@code practice = true}. */
  public static final ProcessVariable<String> PRACTICE_SESSION_ID = ProcessVariable.of("practiceSessionId", String.class);

  // set by the model's delegates
  /** The session (UUID text), a row of {@code sessions}. */
  public static final ProcessVariable<String> SESSION_ID = ProcessVariable.of("sessionId", String.class);
  public static final ProcessVariable<Date> SESSION_START = ProcessVariable.of("sessionStart", Date.class);
  public static final ProcessVariable<Date> SESSION_END = ProcessVariable.of("sessionEnd", Date.class);
  /**
   * The working day before, same time; set to {@code null} when that moment has passed (the model then skips the
   * reminder: {@code ${sessionReminder != null}}).
   */
  public static final ProcessVariable<Date> SESSION_REMINDER = ProcessVariable.of("sessionReminder", Date.class);
  public static final ProcessVariable<Date> SESSION_REPORT_DUE = ProcessVariable.of("sessionReportDue", Date.class);

  // report forms (session-report.form, online-video-session-report.form): hours and summary are local to the task
  public static final ProcessVariable<Number> SESSION_HOURS = ProcessVariable.of("sessionHours", Number.class);
  /** Goes to the sessions table only, never to Camunda's history ({@code ConfidentialHistory}). */
  public static final ProcessVariable<String> SESSION_SUMMARY = ProcessVariable.of("sessionSummary", String.class);

  // outputs
  /** {@code JOINT}, {@code CAUCUS}, {@code FORUM} (online) or an outcome. */
  public static final ProcessVariable<String> SESSION_NEXT_STEP = ProcessVariable.of("sessionNextStep", String.class);
  /** Set when the next step is {@link #AGREEMENT}, {@link #NO_AGREEMENT} or {@link #SWITCH_ROUTE}. */
  public static final ProcessVariable<String> SESSIONS_OUTCOME = ProcessVariable.of("sessionsOutcome", String.class);
  /** In and out: the route's hours so far, plus this session's. */
  public static final ProcessVariable<Double> HOURS_SPENT = ProcessVariable.of("hoursSpent", Double.class);

  // message SessionCancelled (optional variables)
  public static final ProcessVariable<String> CANCELLED_BY_PARTY_ID =
      ProcessVariable.of("cancelledByPartyId", String.class);
  public static final ProcessVariable<String> CANCELLATION_REASON =
      ProcessVariable.of("cancellationReason", String.class);

  // message SessionMoved
  public static final ProcessVariable<Date> MOVED_START = ProcessVariable.of("movedStart", Date.class);
  public static final ProcessVariable<Date> MOVED_END = ProcessVariable.of("movedEnd", Date.class);

  /**
   * The message the portal sends when a party cancels the planned session of the case (the business key). Throws
   * {@link org.camunda.bpm.engine.MismatchingMessageCorrelationException} on {@code correlate()} when no session is
   * being waited for.
   */
  public static ProcessMessage sessionCancelled(RuntimeService runtimeService, String caseNumber,
      String partyId, String reason) {
    ProcessMessage builder = ProcessMessage.to(runtimeService, Messages.SESSION_CANCELLED, caseNumber);
    if (partyId != null) {
      builder.setVariable(CANCELLED_BY_PARTY_ID.name(), partyId);
    }
    if (reason != null) {
      builder.setVariable(CANCELLATION_REASON.name(), reason);
    }
    return builder;
  }

  /**
   * The message that moves a session still being waited for to new times: the session of this case with this id.
   * Throws {@link org.camunda.bpm.engine.MismatchingMessageCorrelationException} on {@code correlate()} when that
   * session is not being waited for.
   */
  public static ProcessMessage sessionMoved(RuntimeService runtimeService, String caseNumber,
      UUID sessionId, Date newStart, Date newEnd) {
    return ProcessMessage.to(runtimeService, Messages.SESSION_MOVED, caseNumber)
        .processInstanceVariableEquals(SESSION_ID.name(), sessionId.toString())
        .setVariable(MOVED_START.name(), newStart)
        .setVariable(MOVED_END.name(), newEnd);
  }

  private SessionProcess() {}
}
