package nl.mediatafel.cases;

import java.util.Date;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/**
 * The API of {@code processes/mediation-case.bpmn}: its key, element ids, messages and typed variables. Delegates,
 * services and tests use these names, never string literals.
 */
public final class MediationCaseProcess {

  public static final String KEY = "mediation-case";

  /** The kind of the {@code mediation_case} row of a mediation (a coaching trajectory shares the table). */
  public static final String KIND = "MEDIATION";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_requestReceived";
    public static final String ROUTE_ADVICE = "businessRuleTask_routeAdvice";
    public static final String TRIAGE = "userTask_triageRequest";
    public static final String REFERRAL_MAIL = "serviceTask_referralMail";
    public static final String REFERRED = "endEvent_referred";
    public static final String ACCEPT_CASE = "serviceTask_acceptCase";
    public static final String INTAKE = "subProcess_intake";
    public static final String INTAKE_INVITATION = "serviceTask_intakeInvitation";
    public static final String INTAKE_DEADLINE = "serviceTask_intakeDeadline";
    public static final String WAIT_FOR_INTAKE = "receiveTask_intakeSubmitted";
    public static final String INTAKE_REMINDER_TIMER = "timer_intakeReminder";
    public static final String INTAKE_REMINDER_MAIL = "serviceTask_intakeReminder";
    public static final String INTAKE_DEADLINE_TIMER = "timer_intakeDeadline";
    public static final String INTAKE_FOLLOW_UP = "userTask_followUpIntake";
    public static final String INTAKE_CONVERSATION = "userTask_intakeConversation";
    public static final String CAN_START_MAIL = "serviceTask_mediationCanStart";
    public static final String STOPPED = "endEvent_stoppedAtIntake";
    public static final String MAKE_AGREEMENT = "serviceTask_makeAgreement";
    public static final String REVIEW_AGREEMENT = "userTask_reviewAgreement";
    public static final String SIGN_AGREEMENT = "callActivity_signAgreement";
    public static final String ROUTE_JOIN = "gateway_routeJoin";
    public static final String ROUTE_CHOICE = "gateway_route";
    public static final String FACE_TO_FACE = "callActivity_faceToFace";
    public static final String ONLINE = "callActivity_online";
    public static final String SESSIONS_OUTCOME = "gateway_sessionsOutcome";
    public static final String AGREEMENT_REACHED = "serviceTask_statusAgreementReached";
    public static final String NO_AGREEMENT = "serviceTask_statusNoAgreement";
    public static final String RECORD_NO_AGREEMENT = "userTask_recordNoAgreement";
    public static final String SWITCH_ROUTE = "serviceTask_statusSwitchRoute";
    public static final String CHOOSE_ROUTE = "userTask_chooseRoute";
    public static final String SETTLEMENT = "subProcess_settlement";
    public static final String DRAFT_SETTLEMENT = "userTask_draftSettlement";
    public static final String MAKE_SETTLEMENT = "serviceTask_makeSettlement";
    public static final String SETTLEMENT_REVIEW_MAIL = "serviceTask_settlementReviewMail";
    public static final String REVIEW_PERIOD = "subProcess_reviewPeriod";
    public static final String REVIEW_PERIOD_TIMER = "timer_reviewPeriodEnds";
    public static final String ADVISOR_CONSULTATION_DURING_REVIEW = "boundaryEvent_advisorConsultation";
    public static final String EXTEND_REVIEW_PERIOD = "serviceTask_extendReviewPeriod";
    public static final String REVIEW_EXTENDED_MAIL = "serviceTask_reviewExtendedMail";
    public static final String SIGN_SETTLEMENT = "callActivity_signSettlement";
    public static final String SEND_PAPER_COPIES = "userTask_sendPaperCopies";
    public static final String SIGNED_SETTLEMENT_MAIL = "serviceTask_signedSettlementMail";
    public static final String SETTLED = "endEvent_settled";
    public static final String SETTLEMENT_NOT_SIGNED = "endEvent_settlementNotSigned";
    public static final String CLOSING = "subProcess_closing";
    public static final String MAKE_COST_STATEMENT = "serviceTask_makeCostStatement";
    public static final String COST_STATEMENT_MAIL = "serviceTask_costStatementMail";
    public static final String EVALUATION_MAIL = "serviceTask_evaluationMail";
    public static final String CLOSE_CASE = "serviceTask_closeCase";
    public static final String CLOSED = "endEvent_closed";
    public static final String SIGNING_CANCELLED = "endEvent_signingCancelled";
    public static final String PARTY_WITHDREW = "eventSubProcess_partyWithdrew";
    public static final String TERMINATION_MAIL = "serviceTask_terminationMail";
    public static final String RECORD_TERMINATION = "userTask_recordTermination";
    public static final String TERMINATED = "endEvent_terminated";
    public static final String TERMINATION_HOURS = "gateway_terminationHours";
    public static final String TERMINATION_COST_STATEMENT = "serviceTask_terminationCostStatement";
    public static final String TERMINATION_COST_STATEMENT_MAIL = "serviceTask_terminationCostStatementMail";
    public static final String ADVISOR_CONSULTATION = "eventSubProcess_advisorConsultation";
    public static final String ADVISOR_CONSULTATION_MAIL = "serviceTask_advisorConsultationMail";

    private Elements() {}
  }

  /** Messages from the portal. */
  public static final class Messages {
    public static final String INTAKE_SUBMITTED = "IntakeSubmitted";
    public static final String PARTY_WITHDREW = "PartyWithdrew";
    public static final String ADVISOR_CONSULTATION_REQUESTED = "AdvisorConsultationRequested";

    private Messages() {}
  }

  /** Triage decisions ({@code triage.form}). */
  public static final String ACCEPT = "ACCEPT";
  public static final String REFER = "REFER";

  /** Follow-up decisions when an intake is late ({@code intake-follow-up.form}). */
  public static final String EXTEND = "EXTEND";
  public static final String CONTINUE_WITHOUT = "CONTINUE_WITHOUT";
  public static final String STOP = "STOP";

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
  public static final ProcessVariable<Double> HOURLY_RATE = ProcessVariable.of("hourlyRate", Double.class);
  public static final ProcessVariable<Double> PLATFORM_FEE = ProcessVariable.of("platformFee", Double.class);
  public static final ProcessVariable<String> REFERRAL_REASON = ProcessVariable.of("referralReason", String.class);

  // intake, per party (local to the multi-instance execution)
  public static final ProcessVariable<Date> INTAKE_DEADLINE = ProcessVariable.of("intakeDeadline", Date.class);
  public static final ProcessVariable<String> INTAKE_FOLLOW_UP = ProcessVariable.of("intakeFollowUp", String.class);
  /** The deadline of one party's intake (input of the intake sub-process per party, moved by an extension). */
  public static final ProcessVariable<Date> PARTY_INTAKE_DEADLINE =
      ProcessVariable.of("partyIntakeDeadline", Date.class);

  // mediation agreement
  public static final ProcessVariable<String> AGREEMENT_DOCUMENT_ID =
      ProcessVariable.of("agreementDocumentId", String.class);
  public static final ProcessVariable<Boolean> AGREEMENT_APPROVED = ProcessVariable.of("agreementApproved", Boolean.class);
  public static final ProcessVariable<String> SIGNING_OUTCOME = ProcessVariable.of("signingOutcome", String.class);

  // sessions (call activity per route)
  public static final ProcessVariable<String> SESSIONS_OUTCOME = ProcessVariable.of("sessionsOutcome", String.class);
  /** The hours of the route that just ended (the called process's {@code hoursSpent}). */
  public static final ProcessVariable<Number> ROUTE_HOURS = ProcessVariable.of("routeHours", Number.class);
  /** The variable in which the sessions processes sum their hours (mapped out to {@link #ROUTE_HOURS}). */
  public static final String ROUTE_HOURS_OF_CALLED_PROCESS = "hoursSpent";
  /** The hours of all routes so far, as in the case table; the cost statement bills them. */
  public static final ProcessVariable<Double> HOURS_SPENT = ProcessVariable.of("hoursSpent", Double.class);

  // route switch (switch-route.form, local to the task)
  public static final ProcessVariable<String> NEW_ROUTE = ProcessVariable.of("newRoute", String.class);
  public static final ProcessVariable<String> ROUTE_SWITCH_REASON = ProcessVariable.of("routeSwitchReason", String.class);

  // settlement agreement
  /** The draft form's points, one per line; local to the task and moved to the settlement table on completion. */
  public static final ProcessVariable<String> SETTLEMENT_POINTS = ProcessVariable.of("settlementPoints", String.class);
  public static final ProcessVariable<String> SETTLEMENT_DOCUMENT_ID =
      ProcessVariable.of("settlementDocumentId", String.class);
  public static final ProcessVariable<Date> SETTLEMENT_REVIEW_DEADLINE =
      ProcessVariable.of("settlementReviewDeadline", Date.class);
  public static final ProcessVariable<String> SETTLEMENT_SIGNING_OUTCOME =
      ProcessVariable.of("settlementSigningOutcome", String.class);

  // closing
  public static final ProcessVariable<String> COST_STATEMENT_DOCUMENT_ID =
      ProcessVariable.of("costStatementDocumentId", String.class);

  /**
   * The message the portal sends when a party submitted the intake questionnaire: it reaches exactly that party's
   * wait in the case (the business key). Throws {@link org.camunda.bpm.engine.MismatchingMessageCorrelationException}
   * on {@code correlate()} when nobody waits.
   */
  public static MessageCorrelationBuilder intakeSubmitted(RuntimeService runtimeService, String caseNumber,
      String partyId) {
    return runtimeService.createMessageCorrelation(Messages.INTAKE_SUBMITTED)
        .processInstanceBusinessKey(caseNumber)
        .localVariableEquals(CaseVariables.PARTY_ID.name(), partyId);
  }

  /** The party that asked to consult an advisor ({@link Messages#ADVISOR_CONSULTATION_REQUESTED}). */
  public static final ProcessVariable<String> CONSULTING_PARTY_ID =
      ProcessVariable.of("consultingPartyId", String.class);

  /** The party's optional short note (at most 500 characters) with {@link Messages#ADVISOR_CONSULTATION_REQUESTED}. */
  public static final ProcessVariable<String> ADVISOR_CONSULTATION_NOTE =
      ProcessVariable.of("advisorConsultationNote", String.class);

  /**
   * The message the portal sends when a party asks to consult an advisor before going on: the case notes it, tells
   * the mediator, and moves a running settlement review deadline. Use {@code correlateAllWithResult()}: an empty
   * result means the case does not listen (not yet accepted, or already ended).
   */
  public static MessageCorrelationBuilder advisorConsultationRequested(RuntimeService runtimeService,
      String caseNumber, String partyId) {
    return runtimeService.createMessageCorrelation(Messages.ADVISOR_CONSULTATION_REQUESTED)
        .processInstanceBusinessKey(caseNumber)
        .setVariable(CONSULTING_PARTY_ID.name(), partyId);
  }

  private MediationCaseProcess() {}
}
