package nl.mediatafel.coaching;

import java.util.Date;
import nl.mediatafel.documents.DocumentModelSource;
import nl.mediatafel.process.ProcessVariable;

/**
 * The API of {@code processes/conflict-coaching.bpmn}: a short coaching trajectory with one person (seed 001). Its
 * key, element ids and typed variables; delegates, listeners and tests use these names, never string literals. Started
 * by {@link CoachingRequests} with the trajectory's number ({@code COA-2026-0001}) as business key; the coach is
 * {@link nl.mediatafel.process.CaseVariables#MEDIATOR}, so mediator tasks use {@code candidateUsers="${mediator}"}.
 */
public final class ConflictCoachingProcess {

  public static final String KEY = "conflict-coaching";
  /** The kind of the {@code mediation_case} row of a coaching trajectory, and the prefix of its number. */
  public static final String KIND = "COACHING";
  public static final String NUMBER_PREFIX = "COA";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_coachingRequested";
    public static final String ASSESSMENT_DEADLINE = "serviceTask_assessmentDeadline";
    public static final String ASSESS_REQUEST = "userTask_assessRequest";
    public static final String DECISION = "gateway_assessmentDecision";
    public static final String REFERRAL_MAIL = "serviceTask_referralMail";
    public static final String STATUS_REFERRED = "serviceTask_statusReferred";
    public static final String REFERRED = "endEvent_referred";
    public static final String ASSIGN_COACH = "serviceTask_assignCoach";
    public static final String WELCOME_MAIL = "serviceTask_welcomeMail";
    public static final String COACH_MAIL = "serviceTask_coachAssignedMail";
    public static final String INTAKE_DEADLINE = "serviceTask_intakeDeadline";
    public static final String INTAKE_CONVERSATION = "userTask_intakeConversation";
    public static final String SESSION_DEADLINE = "serviceTask_sessionDeadline";
    public static final String RECORD_SESSION = "userTask_recordSession";
    public static final String NEXT_STEP = "gateway_nextStep";
    public static final String ADVICE_DEADLINE = "serviceTask_adviceDeadline";
    public static final String RECORD_ADVICE = "userTask_recordAdvice";
    public static final String COST_STATEMENT = "serviceTask_costStatement";
    public static final String CLOSING_MAIL = "serviceTask_closingMail";
    public static final String STATUS_CLOSED = "serviceTask_statusClosed";
    public static final String CLOSED = "endEvent_closed";
    public static final String CONVERT = "serviceTask_convertToMediation";
    public static final String CONVERTED_MAIL = "serviceTask_convertedMail";
    public static final String STATUS_CONVERTED = "serviceTask_statusConverted";
    public static final String CONVERTED = "endEvent_convertedToMediation";

    private Elements() {}
  }

  /** Decisions of "Coachingsaanvraag beoordelen" ({@code coaching-assessment.form}). */
  public static final String ACCEPT = "ACCEPT";
  public static final String REFER = "REFER";

  /** Next steps of "Coachingsgesprek vastleggen" ({@code coaching-session.form}). */
  public static final String ANOTHER_SESSION = "SESSION";
  public static final String ADVICE = "ADVICE";
  public static final String CONVERT = "CONVERT";

  /** Forms of a coaching conversation. */
  public static final String ONLINE = "ONLINE";
  public static final String IN_PERSON = "IN_PERSON";

  /** Statuses of the trajectory ({@code mediation_case.status}). */
  public static final String REQUESTED = "REQUESTED";
  public static final String REFERRED = "REFERRED";
  public static final String CLOSED = "CLOSED";
  public static final String CONVERTED = "CONVERTED";

  // set at the start
  /** The number again as a variable (it is the business key), for forms and Tasklist lists. */
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<String> CONFLICT_TYPE = ProcessVariable.of("conflictType", String.class);
  /** {@code ONLINE}, {@code IN_PERSON} or {@code NO_PREFERENCE}. */
  public static final ProcessVariable<String> PREFERRED_FORM = ProcessVariable.of("preferredForm", String.class);
  public static final ProcessVariable<String> PERSON_NAME = ProcessVariable.of("personName", String.class);

  // assessment (coaching-assessment.form); the coach is CaseVariables.MEDIATOR
  public static final ProcessVariable<String> DECISION = ProcessVariable.of("coachingDecision", String.class);
  public static final ProcessVariable<Number> HOURLY_RATE =
      ProcessVariable.of(DocumentModelSource.HOURLY_RATE, Number.class);
  public static final ProcessVariable<String> REFERRAL_REASON = ProcessVariable.of("referralReason", String.class);

  // deadlines (setDeadline), used as due dates
  public static final ProcessVariable<Date> ASSESSMENT_DEADLINE = ProcessVariable.of("assessmentDeadline", Date.class);
  public static final ProcessVariable<Date> INTAKE_DEADLINE = ProcessVariable.of("intakeDeadline", Date.class);
  public static final ProcessVariable<Date> SESSION_DEADLINE = ProcessVariable.of("sessionDeadline", Date.class);
  public static final ProcessVariable<Date> ADVICE_DEADLINE = ProcessVariable.of("adviceDeadline", Date.class);

  // intake (coaching-intake.form)
  public static final ProcessVariable<String> INTAKE_CHANNEL = ProcessVariable.of("intakeChannel", String.class);
  public static final ProcessVariable<Boolean> INTAKE_EXPLAINED = ProcessVariable.of("intakeExplained", Boolean.class);

  // session (coaching-session.form): date, form and hours are local to the task and go to coaching_session
  /** A Date, or the form's ISO date text ("2026-03-20"). */
  public static final ProcessVariable<Object> SESSION_DATE = ProcessVariable.of("sessionDate", Object.class);
  public static final ProcessVariable<String> SESSION_FORM = ProcessVariable.of("sessionForm", String.class);
  public static final ProcessVariable<Number> SESSION_HOURS = ProcessVariable.of("sessionHours", Number.class);
  /** {@link #ANOTHER_SESSION}, {@link #ADVICE} or {@link #CONVERT}. */
  public static final ProcessVariable<String> NEXT_STEP_CHOICE = ProcessVariable.of("coachingNextStep", String.class);
  /** All recorded hours together: the hours of the cost statement ({@link DocumentModelSource#HOURS}). */
  public static final ProcessVariable<Double> HOURS = ProcessVariable.of(DocumentModelSource.HOURS, Double.class);

  // conversion into a mediation request (coaching-session.form, next step CONVERT)
  public static final ProcessVariable<String> OTHER_PARTY_NAME = ProcessVariable.of("otherPartyName", String.class);
  public static final ProcessVariable<String> OTHER_PARTY_EMAIL = ProcessVariable.of("otherPartyEmail", String.class);
  public static final ProcessVariable<String> OTHER_PARTY_LANGUAGE =
      ProcessVariable.of("otherPartyLanguage", String.class);
  public static final ProcessVariable<String> OTHER_PARTY_PAYER = ProcessVariable.of("otherPartyPayer", String.class);
  /** {@code LOW}, {@code MEDIUM} or {@code HIGH}: the coach's view, for the mediation's route advice. */
  public static final ProcessVariable<String> ESCALATION = ProcessVariable.of("escalation", String.class);
  public static final ProcessVariable<Boolean> SAFETY_CONCERN = ProcessVariable.of("safetyConcern", Boolean.class);
  /** Set by the conversion: the number of the new mediation case ({@code MED-2026-0042}). */
  public static final ProcessVariable<String> MEDIATION_CASE_NUMBER =
      ProcessVariable.of("mediationCaseNumber", String.class);

  // advice (coaching-advice.form): local to the task, stored in coaching_trajectory
  public static final ProcessVariable<String> ADVICE_TEXT = ProcessVariable.of("coachingAdvice", String.class);

  /** The cost statement's document id ({@code generateDocument}). */
  public static final ProcessVariable<String> COST_STATEMENT_ID =
      ProcessVariable.of("costStatementDocumentId", String.class);

  private ConflictCoachingProcess() {}
}
