package nl.mediatafel.cases;

import java.util.Date;
import nl.mediatafel.process.ProcessMessage;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The API of {@code processes/mediation-case.bpmn}: its key, element ids, messages and typed variables. Delegates,
 * services and tests use these names, never string literals.
 */
public final class MediationCaseProcess {

  public static final String KEY = "mediation-case";

  /** The kind of the {@code mediation_case} row of a mediation (a coaching trajectory shares the table). */
  public static final String KIND = "MEDIATION";

  /**
   * Element ids of the main model. The stages are call activities with their own models and process API classes:
   * {@code IntakeProcess}, {@link MediationAgreementProcess}, {@code SettlementProcess}, {@code ClosingProcess} and
   * {@link TerminationProcess}.
   */
  public static final class Elements {
    public static final String START = "startEvent_requestReceived";
    public static final String ROUTE_ADVICE = "businessRuleTask_routeAdvice";
    public static final String TRIAGE = "userTask_triageRequest";
    public static final String REFERRAL_MAIL = "serviceTask_referralMail";
    public static final String REFERRED = "endEvent_referred";
    public static final String ACCEPT_CASE = "serviceTask_acceptCase";
    public static final String INTAKE_DEADLINE = "serviceTask_intakeDeadline";
    /** Multi-instance call activity of {@code intake}, one per party ({@code partyIds}). */
    public static final String INTAKE = "callActivity_intake";
    public static final String CASE_STOPPED = "boundaryEvent_caseStopped";
    public static final String STOPPED = "endEvent_stoppedAtIntake";
    public static final String MEDIATION_AGREEMENT = "callActivity_mediationAgreement";
    public static final String AGREEMENT_SIGNED = "gateway_agreementSigned";
    public static final String SIGNING_CANCELLED = "endEvent_signingCancelled";
    public static final String ROUTE_JOIN = "gateway_routeJoin";
    public static final String ROUTE_CHOICE = "gateway_route";
    public static final String FACE_TO_FACE = "callActivity_faceToFace";
    public static final String ONLINE = "callActivity_online";
    public static final String SESSIONS_OUTCOME = "gateway_sessionsOutcome";
    public static final String NO_AGREEMENT = "serviceTask_statusNoAgreement";
    public static final String RECORD_NO_AGREEMENT = "userTask_recordNoAgreement";
    public static final String SWITCH_ROUTE = "serviceTask_statusSwitchRoute";
    public static final String CHOOSE_ROUTE = "userTask_chooseRoute";
    public static final String SETTLEMENT = "callActivity_settlement";
    public static final String CLOSING = "callActivity_closing";
    public static final String CLOSED = "endEvent_closed";
    public static final String PARTY_WITHDREW = "eventSubProcess_partyWithdrew";
    public static final String PARTY_WITHDREW_START = "startEvent_partyWithdrew";
    public static final String CANCEL_PLANNED_SESSIONS = "serviceTask_cancelPlannedSessions";
    public static final String TERMINATION = "callActivity_termination";
    public static final String TERMINATED = "endEvent_terminated";
    public static final String ADVISOR_CONSULTATION = "eventSubProcess_advisorConsultation";
    public static final String ADVISOR_CONSULTATION_START = "startEvent_advisorConsultation";
    public static final String ADVISOR_CONSULTATION_MAIL = "serviceTask_advisorConsultationMail";

    private Elements() {}
  }

  /**
   * The embedded stages of version 1 of the model (before docs/adr/0010), for the cases that finish on it: they cannot
   * be migrated to the call activities of today's model (docs/migration.md).
   */
  public static final class Version1 {
    public static final String INTAKE = "subProcess_intake";
    public static final String SETTLEMENT = "subProcess_settlement";
    public static final String CLOSING = "subProcess_closing";

    private Version1() {}
  }

  /** Messages from the portal. */
  public static final class Messages {
    public static final String PARTY_WITHDREW = "Mediatafel.PartyWithdrew";
    public static final String ADVISOR_CONSULTATION_REQUESTED = "Mediatafel.AdvisorConsultationRequested";

    private Messages() {}
  }

  /** Triage decisions ({@code triage.form}). */
  public static final String ACCEPT = "ACCEPT";
  public static final String REFER = "REFER";

  /** The case number again as a variable (it is the business key): forms and Tasklist lists can show it. */
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);

  // inputs of the route advice, set when the case starts
  public static final ProcessVariable<String> CONFLICT_TYPE = ProcessVariable.of("conflictType", String.class);
  public static final ProcessVariable<String> ESCALATION = ProcessVariable.of("escalation", String.class);
  public static final ProcessVariable<Integer> PARTY_COUNT = ProcessVariable.of("partyCount", Integer.class);
  public static final ProcessVariable<Boolean> ANY_PARTY_ABROAD = ProcessVariable.of("anyPartyAbroad", Boolean.class);
  public static final ProcessVariable<String> PREFERRED_ROUTE = ProcessVariable.of("preferredRoute", String.class);
  public static final ProcessVariable<Boolean> SAFETY_CONCERN = ProcessVariable.of("safetyConcern", Boolean.class);
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<java.util.List> PARTY_IDS = ProcessVariable.of("partyIds", java.util.List.class);

  // route advice (DMN) and triage (secretariat)
  public static final ProcessVariable<String> ROUTE_ADVICE = ProcessVariable.of("routeAdvice", String.class);
  public static final ProcessVariable<String> ROUTE_ADVICE_REASON =
      ProcessVariable.of("routeAdviceReason", String.class);
  public static final ProcessVariable<String> TRIAGE_DECISION = ProcessVariable.of("triageDecision", String.class);
  public static final ProcessVariable<String> ROUTE = ProcessVariable.of("route", String.class);
  public static final ProcessVariable<String> SUITABILITY_JUDGEMENT =
      ProcessVariable.of("suitabilityJudgement", String.class);
  /**
   * The rates as the triage form enters them: form input only, any number (a number field submits a Long or a Double;
   * instances from before keep their Double). {@code acceptCase} turns them once into the case table's amounts
   * ({@link nl.mediatafel.process.FormAmount}, scale 2); documents read the table, never these variables.
   */
  public static final ProcessVariable<Number> HOURLY_RATE = ProcessVariable.of("hourlyRate", Number.class);
  public static final ProcessVariable<Number> PLATFORM_FEE = ProcessVariable.of("platformFee", Number.class);
  public static final ProcessVariable<String> REFERRAL_REASON = ProcessVariable.of("referralReason", String.class);

  /** The intake deadline of all parties; each party's intake gets it as its own {@code partyIntakeDeadline}. */
  public static final ProcessVariable<Date> INTAKE_DEADLINE = ProcessVariable.of("intakeDeadline", Date.class);

  // sessions (call activity per route)
  public static final ProcessVariable<String> SESSIONS_OUTCOME = ProcessVariable.of("sessionsOutcome", String.class);
  /** The hours of the route that just ended (the called process's {@code hoursSpent}). */
  public static final ProcessVariable<Number> ROUTE_HOURS = ProcessVariable.of("routeHours", Number.class);
  /** When the mediator must have chosen a new route after a switch: the due date of the task. */
  public static final ProcessVariable<Date> ROUTE_CHOICE_DEADLINE = ProcessVariable.of("routeChoiceDeadline", Date.class);
  /** The variable in which the sessions processes sum their hours (mapped out to {@link #ROUTE_HOURS}). */
  public static final String ROUTE_HOURS_OF_CALLED_PROCESS = "hoursSpent";
  /** The hours of all routes so far, as in the case table; the cost statement bills them. */
  public static final ProcessVariable<Double> HOURS_SPENT = ProcessVariable.of("hoursSpent", Double.class);

  // route switch (switch-route.form, local to the task)
  public static final ProcessVariable<String> NEW_ROUTE = ProcessVariable.of("newRoute", String.class);
  public static final ProcessVariable<String> ROUTE_SWITCH_REASON = ProcessVariable.of("routeSwitchReason", String.class);

  // the end of a mediation without an agreement or after a withdrawal (forms no-agreement and termination)
  /** The mediator refers the parties back (for example to the court); recorded, nobody is notified yet. */
  public static final ProcessVariable<Boolean> REFER_BACK = ProcessVariable.of("referBack", Boolean.class);
  /** The mediator's note on the end of the mediation. */
  public static final ProcessVariable<String> TERMINATION_NOTE = ProcessVariable.of("terminationNote", String.class);

  /** The party that asked to consult an advisor ({@link Messages#ADVISOR_CONSULTATION_REQUESTED}). */
  public static final ProcessVariable<String> CONSULTING_PARTY_ID =
      ProcessVariable.of("consultingPartyId", String.class);

  /** The party's optional short note (at most 500 characters) with {@link Messages#ADVISOR_CONSULTATION_REQUESTED}. */
  public static final ProcessVariable<String> ADVISOR_CONSULTATION_NOTE =
      ProcessVariable.of("advisorConsultationNote", String.class);

  /**
   * The message the portal sends when a party withdraws: the case ends the mediation for everyone (the event
   * sub-process {@code eventSubProcess_partyWithdrew}). {@code correlateIfWaiting()}: the case does not listen
   * once it has ended or is already being terminated, and the withdrawal stands all the same.
   */
  public static ProcessMessage partyWithdrew(RuntimeService runtimeService, String caseNumber, String partyId) {
    return ProcessMessage.to(runtimeService, Messages.PARTY_WITHDREW, caseNumber)
        .setVariable(Withdrawals.WITHDRAWN_PARTY_ID.name(), partyId);
  }

  /**
   * The message the portal sends when a party asks to consult an advisor before going on: the case notes it and tells
   * the mediator, and a running settlement review period (in the {@code settlement} instance the case called, same
   * business key) moves. Use {@code correlateAllWithResult()}: an empty
   * result means the case does not listen (not yet accepted, or already ended).
   */
  public static ProcessMessage advisorConsultationRequested(RuntimeService runtimeService,
      String caseNumber, String partyId) {
    return ProcessMessage.to(runtimeService, Messages.ADVISOR_CONSULTATION_REQUESTED, caseNumber)
        .setVariable(CONSULTING_PARTY_ID.name(), partyId);
  }

  private MediationCaseProcess() {}
}
