package nl.mediatafel.sessions;

import java.util.Date;
import java.util.List;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/**
 * The API of {@code processes/face-to-face-mediation.bpmn}: sessions at a table, planned by the secretariat, until
 * the mediator records an outcome. Called from the case process with the case number as business key. Its key,
 * element ids, message and typed variables; delegates, the portal and tests use these names, never string literals.
 *
 * <p>Inputs: {@link nl.mediatafel.process.CaseVariables#MEDIATOR} and {@link #PARTY_IDS}. Outputs:
 * {@link #SESSIONS_OUTCOME} ({@link #AGREEMENT}, {@link #NO_AGREEMENT} or {@link #SWITCH_ROUTE}) and
 * {@link #HOURS_SPENT}.
 */
public final class FaceToFaceProcess {

  public static final String KEY = "face-to-face-mediation";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_sessionsRequested";
    public static final String PLAN_SESSION = "userTask_planSession";
    public static final String REGISTER_SESSION = "serviceTask_registerSession";
    public static final String INVITATION_MAIL = "serviceTask_sendSessionInvitation";
    public static final String SESSION_WAIT = "subProcess_sessionWait";
    public static final String REMINDER_TIMER = "timer_sessionReminder";
    public static final String REMINDER_MAIL = "serviceTask_sessionReminder";
    public static final String SESSION_END_TIMER = "timer_sessionEnd";
    public static final String SESSION_CANCELLED = "boundaryEvent_sessionCancelled";
    public static final String CANCEL_SESSION = "serviceTask_cancelSession";
    public static final String SESSION_CANCELLED_MAIL = "serviceTask_sessionCancelledMail";
    public static final String REPLAN_SESSION = "userTask_replanSession";
    public static final String SESSION_REPORT = "userTask_sessionReport";
    public static final String AGREEMENT_END = "endEvent_agreement";
    public static final String NO_AGREEMENT_END = "endEvent_noAgreement";
    public static final String SWITCH_ROUTE_END = "endEvent_switchRoute";

    private Elements() {}
  }

  /** Messages from the portal. */
  public static final class Messages {
    /** A party cancelled the planned session; correlate with {@link #sessionCancelled}. */
    public static final String SESSION_CANCELLED = "SessionCancelled";

    private Messages() {}
  }

  /** Outcomes ({@link #SESSIONS_OUTCOME}), also choices of {@link #SESSION_NEXT_STEP}. */
  public static final String AGREEMENT = "AGREEMENT";
  public static final String NO_AGREEMENT = "NO_AGREEMENT";
  public static final String SWITCH_ROUTE = "SWITCH_ROUTE";

  /** Room or free address ({@link #SESSION_LOCATION_KIND}). */
  public static final String ROOM = "ROOM";
  public static final String ADDRESS = "ADDRESS";
  /** A video session of the online route ({@code online-mediation.bpmn}): held over {@link #SESSION_VIDEO_LINK}. */
  public static final String VIDEO = "VIDEO";

  // inputs
  /** The parties of the case (UUID text); the sessions invite the active parties of the case. */
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> PARTY_IDS = ProcessVariable.of("partyIds", List.class);

  // outputs
  public static final ProcessVariable<String> SESSIONS_OUTCOME = ProcessVariable.of("sessionsOutcome", String.class);
  /** Hours of all sessions together, as recorded by the mediator. */
  public static final ProcessVariable<Double> HOURS_SPENT = ProcessVariable.of("hoursSpent", Double.class);

  // planning form (plan-session.form, replan-session.form)
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
  public static final ProcessVariable<String> SESSION_LOCATION_KIND =
      ProcessVariable.of("sessionLocationKind", String.class);
  /** The number of the room in the configured list ({@code mediatafel.sessions.rooms}), from 1. */
  public static final ProcessVariable<Number> SESSION_ROOM_NUMBER = ProcessVariable.of("sessionRoomNumber", Number.class);
  public static final ProcessVariable<String> SESSION_ADDRESS = ProcessVariable.of("sessionAddress", String.class);

  // video sessions of the online route (online-mediation.bpmn) are planned by the same delegate
  /** The secure ({@code https://}) link of a video session ({@link #SESSION_LOCATION_KIND} {@link #VIDEO}). */
  public static final ProcessVariable<String> SESSION_VIDEO_LINK = ProcessVariable.of("sessionVideoLink", String.class);
  /** A short practice session before a video session, with one party unsure of the technology. */
  public static final ProcessVariable<Number> PRACTICE_PARTY_NUMBER =
      ProcessVariable.of("practicePartyNumber", Number.class);
  public static final ProcessVariable<Object> PRACTICE_DATE = ProcessVariable.of("practiceDate", Object.class);
  public static final ProcessVariable<String> PRACTICE_START_TIME = ProcessVariable.of("practiceStartTime", String.class);
  public static final ProcessVariable<Object> PRACTICE_DURATION_MINUTES =
      ProcessVariable.of("practiceDurationMinutes", Object.class);
  public static final ProcessVariable<String> PRACTICE_VIDEO_LINK = ProcessVariable.of("practiceVideoLink", String.class);
  /** The practice session (UUID text), a row of {@code sessions} with {@code practice = true}. */
  public static final ProcessVariable<String> PRACTICE_SESSION_ID = ProcessVariable.of("practiceSessionId", String.class);

  // set by the process
  /** The current session (UUID text), a row of {@code sessions}. */
  public static final ProcessVariable<String> SESSION_ID = ProcessVariable.of("sessionId", String.class);
  public static final ProcessVariable<Date> SESSION_START = ProcessVariable.of("sessionStart", Date.class);
  public static final ProcessVariable<Date> SESSION_END = ProcessVariable.of("sessionEnd", Date.class);
  /** The working day before, same time; absent when that moment has passed at planning (no reminder). */
  public static final ProcessVariable<Date> SESSION_REMINDER = ProcessVariable.of("sessionReminder", Date.class);
  public static final ProcessVariable<Date> SESSION_REPORT_DUE = ProcessVariable.of("sessionReportDue", Date.class);

  // report form (session-report.form): hours and summary are local to the task, the summary goes to the sessions table
  public static final ProcessVariable<Number> SESSION_HOURS = ProcessVariable.of("sessionHours", Number.class);
  public static final ProcessVariable<String> SESSION_SUMMARY = ProcessVariable.of("sessionSummary", String.class);
  /** {@code JOINT}, {@code CAUCUS}, or an outcome. */
  public static final ProcessVariable<String> SESSION_NEXT_STEP = ProcessVariable.of("sessionNextStep", String.class);

  // message SessionCancelled (optional variables)
  public static final ProcessVariable<String> CANCELLED_BY_PARTY_ID =
      ProcessVariable.of("cancelledByPartyId", String.class);
  public static final ProcessVariable<String> CANCELLATION_REASON =
      ProcessVariable.of("cancellationReason", String.class);

  /**
   * The message the portal sends when a party cancels the planned session of the case (the business key). Throws
   * {@link org.camunda.bpm.engine.MismatchingMessageCorrelationException} on {@code correlate()} when no session is
   * being waited for.
   */
  public static MessageCorrelationBuilder sessionCancelled(RuntimeService runtimeService, String caseNumber,
      String partyId, String reason) {
    MessageCorrelationBuilder builder = runtimeService.createMessageCorrelation(Messages.SESSION_CANCELLED)
        .processInstanceBusinessKey(caseNumber);
    if (partyId != null) {
      builder.setVariable(CANCELLED_BY_PARTY_ID.name(), partyId);
    }
    if (reason != null) {
      builder.setVariable(CANCELLATION_REASON.name(), reason);
    }
    return builder;
  }

  private FaceToFaceProcess() {}
}
