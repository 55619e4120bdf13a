package nl.mediatafel.intake;

import java.util.Date;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessMessage;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The API of {@code processes/intake.bpmn}: the intake of one party, called per party by the case
 * ({@code callActivity_intake} of {@code mediation-case}) with the case number as business key. Its key, element ids,
 * message, error code and typed variables; delegates, services and tests use these names, never string literals.
 */
public final class IntakeProcess {

  public static final String KEY = "intake";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_partyIntake";
    public static final String INTAKE_INVITATION = "serviceTask_intakeInvitation";
    public static final String WAIT_FOR_INTAKE = "receiveTask_intakeSubmitted";
    public static final String INTAKE_REMINDER_TIMER = "timer_intakeReminder";
    public static final String INTAKE_REMINDER_MAIL = "serviceTask_intakeReminder";
    public static final String INTAKE_DEADLINE_TIMER = "timer_intakeDeadline";
    public static final String INTAKE_FOLLOW_UP = "userTask_followUpIntake";
    /** The party submits while the secretariat follows the intake up: the follow-up ends, the conversation comes. */
    public static final String SUBMITTED_DURING_FOLLOW_UP = "boundaryEvent_submittedDuringFollowUp";
    public static final String CONVERSATION_DEADLINE = "serviceTask_conversationDeadline";
    public static final String INTAKE_CONVERSATION = "userTask_intakeConversation";
    public static final String DONE = "endEvent_partyIntakeDone";
    public static final String SKIPPED = "endEvent_intakeSkipped";
    /** Ends the intake with the error {@link Errors#CASE_STOPPED}; the case catches it on its call activity. */
    public static final String CASE_STOPPED_END = "endEvent_caseStopped";

    private Elements() {}
  }

  /** Messages from the portal. */
  public static final class Messages {
    public static final String INTAKE_SUBMITTED = "Mediatafel.IntakeSubmitted";

    private Messages() {}
  }

  /** BPMN error codes. */
  public static final class Errors {
    /** A stopped intake ends the case ({@code error_caseStopped}, caught on the case's {@code callActivity_intake}). */
    public static final String CASE_STOPPED = "Mediatafel.CaseStopped";

    private Errors() {}
  }

  /** Follow-up decisions when an intake is late ({@code intake-follow-up.form}). */
  public static final String EXTEND = "EXTEND";
  public static final String CONTINUE_WITHOUT = "CONTINUE_WITHOUT";
  public static final String STOP = "STOP";

  /** How the intake conversation was held (PHONE, VIDEO, IN_PERSON), from the conversation's form. */
  public static final ProcessVariable<String> CONVERSATION_CHANNEL = RecordIntakeConversationListener.CHANNEL;
  /** Whether the mediator explained online mediation in the intake conversation. */
  public static final ProcessVariable<Boolean> ONLINE_EXPLAINED = RecordIntakeConversationListener.EXPLAINED;
  /** The mediator's notes of the conversation: filed with the case, then removed from the process. */
  public static final ProcessVariable<String> CONVERSATION_NOTES = RecordIntakeConversationListener.NOTES;

  public static final ProcessVariable<String> INTAKE_FOLLOW_UP = ProcessVariable.of("intakeFollowUp", String.class);
  /** The deadline of this party's intake (input of the call activity, moved by an extension). */
  public static final ProcessVariable<Date> PARTY_INTAKE_DEADLINE =
      ProcessVariable.of("partyIntakeDeadline", Date.class);
  /** The reminder moment before {@link #PARTY_INTAKE_DEADLINE}. */
  public static final ProcessVariable<Date> PARTY_INTAKE_REMINDER =
      ProcessVariable.of("partyIntakeReminder", Date.class);
  /** The party's name, for Tasklist. */
  public static final ProcessVariable<String> PARTY_NAME = ProcessVariable.of("partyName", String.class);
  /** The new deadline the secretariat sets in the follow-up form ({@link #EXTEND}). */
  public static final ProcessVariable<Date> EXTENDED_INTAKE_DEADLINE =
      ProcessVariable.of("extendedIntakeDeadline", Date.class);

  /**
   * The message the portal sends when a party submitted the intake questionnaire: it reaches exactly that party's
   * wait, in the intake instance the case called for that party (same business key, local {@code partyId}): the
   * receive task, or the secretariat's follow-up after the deadline. {@code correlateIfWaiting()} when nobody may
   * wait (the secretariat went on without this intake).
   */
  public static ProcessMessage intakeSubmitted(RuntimeService runtimeService, String caseNumber,
      String partyId) {
    return ProcessMessage.to(runtimeService, Messages.INTAKE_SUBMITTED, caseNumber)
        .localVariableEquals(CaseVariables.PARTY_ID.name(), partyId);
  }

  private IntakeProcess() {}
}
