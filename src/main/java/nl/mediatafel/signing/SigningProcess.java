package nl.mediatafel.signing;

import java.util.Date;
import java.util.List;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessMessage;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The API of {@code processes/signing.bpmn}: one document signed by every signer in parallel, called from a case
 * process with the case number as business key. Its key, element ids, message, error code and typed variables;
 * delegates, the portal and tests use these names, never string literals.
 *
 * <p>Inputs: {@link #DOCUMENT_ID}, {@link #DOCUMENT_TYPE}, {@link #PARTY_IDS} (the signers) and
 * {@link CaseVariables#MEDIATOR}. Output: {@link #SIGNING_OUTCOME}, {@link #SIGNED} or {@link #CANCELLED}.
 */
public final class SigningProcess {

  public static final String KEY = "signing";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_signingRequested";
    public static final String CHECK_REQUEST = "serviceTask_checkSigningRequest";
    public static final String SIGNING_DEADLINE = "serviceTask_signingDeadline";
    public static final String SIGNERS = "subProcess_signers";
    public static final String SIGNING_REQUEST_MAIL = "serviceTask_signingRequest";
    public static final String WAIT_FOR_SIGNATURE = "receiveTask_documentSigned";
    public static final String REMINDER_TIMER = "timer_signingReminder";
    public static final String REMINDER_MAIL = "serviceTask_signingReminder";
    public static final String DEADLINE_TIMER = "timer_signingDeadline";
    public static final String FOLLOW_UP = "userTask_followUpSigning";
    public static final String SIGNED_DURING_FOLLOW_UP = "boundaryEvent_signedDuringFollowUp";
    public static final String EXTEND_DEADLINE = "serviceTask_extendSigningDeadline";
    public static final String RECORD_PAPER_SIGNATURE = "serviceTask_recordPaperSignature";
    public static final String REMINDER_SENT = "endEvent_reminderSent";
    public static final String SIGNED_IN_PORTAL = "endEvent_signedInPortal";
    public static final String SIGNED_LATE = "endEvent_signedLate";
    public static final String SIGNED_ON_PAPER = "endEvent_signedOnPaper";
    public static final String CANCEL_SIGNING = "endEvent_cancelSigning";
    public static final String CANCELLED_BOUNDARY = "boundaryEvent_signingCancelled";
    public static final String STORE_SIGNED_DOCUMENT = "serviceTask_storeSignedDocument";
    public static final String OUTCOME_SIGNED = "throwEvent_outcomeSigned";
    public static final String ALL_SIGNED = "endEvent_allSigned";
    public static final String OUTCOME_CANCELLED = "throwEvent_outcomeCancelled";
    public static final String SIGNING_CANCELLED = "endEvent_signingCancelled";

    private Elements() {}
  }

  /** Messages from the portal. */
  public static final class Messages {
    /** A signer signed the document in the portal; correlate with {@link #documentSigned}. */
    public static final String DOCUMENT_SIGNED = "Mediatafel.DocumentSigned";

    private Messages() {}
  }

  /** BPMN error codes. */
  public static final class Errors {
    /** The secretariat cancelled the signing of the document for everyone. */
    public static final String SIGNING_CANCELLED = "Mediatafel.SigningCancelled";

    private Errors() {}
  }

  /** Outcomes ({@link #SIGNING_OUTCOME}). */
  public static final String SIGNED = "SIGNED";
  public static final String CANCELLED = "CANCELLED";

  /** Follow-up choices when a signer is late ({@code signing-follow-up.form}). */
  public static final String EXTEND = "EXTEND";
  public static final String PAPER = "PAPER";
  public static final String CANCEL = "CANCEL";

  // inputs
  /** Id (UUID text) of the document version to sign; also a local variable of every wait for a signature. */
  public static final ProcessVariable<String> DOCUMENT_ID = ProcessVariable.of("documentId", String.class);
  /** The {@link nl.mediatafel.documents.DocumentType} name of the document, e.g. MEDIATION_AGREEMENT. */
  public static final ProcessVariable<String> DOCUMENT_TYPE = ProcessVariable.of("documentType", String.class);
  /** The signers: party ids (UUID text), one multi-instance execution each with local {@code partyId}. */
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> PARTY_IDS = ProcessVariable.of("partyIds", List.class);

  // output
  public static final ProcessVariable<String> SIGNING_OUTCOME = ProcessVariable.of("signingOutcome", String.class);
  /** When everyone signed: the id (UUID text) of the stored signed version (original pages plus signature page). */
  public static final ProcessVariable<String> SIGNED_DOCUMENT_ID =
      ProcessVariable.of("signedDocumentId", String.class);

  // set by the process
  /** The case number again (it is the business key), for the follow-up form. */
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  /** The deadline for everyone, with {@code signingDeadlineReminder} (setDeadline). */
  public static final ProcessVariable<Date> SIGNING_DEADLINE = ProcessVariable.of("signingDeadline", Date.class);
  public static final ProcessVariable<Date> SIGNING_DEADLINE_REMINDER =
      ProcessVariable.of("signingDeadlineReminder", Date.class);
  /** Per signer (local to the multi-instance execution): the deadline and reminder its timers wait for. */
  public static final ProcessVariable<Date> SIGNER_DEADLINE = ProcessVariable.of("signerDeadline", Date.class);
  public static final ProcessVariable<Date> SIGNER_REMINDER = ProcessVariable.of("signerReminder", Date.class);
  /** Per signer: name and e-mail address, for the follow-up task. */
  public static final ProcessVariable<String> SIGNER_NAME = ProcessVariable.of("signerName", String.class);

  // follow-up form (signing-follow-up.form): local to the signer (empty input parameters of the sub-process), except
  // the reason of a cancellation, which ends up on the process instance for the calling case
  public static final ProcessVariable<String> SIGNING_FOLLOW_UP = ProcessVariable.of("signingFollowUp", String.class);
  /** A Date, or the form's ISO text: a date ("2026-03-20", then the end of that working day) or a date-time. */
  public static final ProcessVariable<Object> SIGNING_EXTENDED_DEADLINE =
      ProcessVariable.of("signingExtendedDeadline", Object.class);
  /** A Date, or the form's ISO date text ("2026-03-20"). */
  public static final ProcessVariable<Object> PAPER_SIGNATURE_RECEIVED_ON =
      ProcessVariable.of("paperSignatureReceivedOn", Object.class);
  public static final ProcessVariable<Boolean> PAPER_SIGNATURE_CHECKED =
      ProcessVariable.of("paperSignatureChecked", Boolean.class);
  public static final ProcessVariable<String> FOLLOW_UP_NOTE = ProcessVariable.of("followUpNote", String.class);
  /** Why the secretariat cancelled; a process variable the caller can take over with camunda:out. */
  public static final ProcessVariable<String> SIGNING_CANCEL_REASON =
      ProcessVariable.of("signingCancelReason", String.class);

  /**
   * The message the portal sends when a signer signed, after {@link SignatureService#recordPortalSignature}: it
   * reaches exactly the wait of that signer for that document version in the case's signing process (the business
   * key), also while the secretariat is following up a late signer. {@code correlateIfWaiting()} when nobody may wait (signing cancelled, or signed on paper meanwhile).
   */
  public static ProcessMessage documentSigned(RuntimeService runtimeService, String caseNumber,
      String partyId, String documentId) {
    return ProcessMessage.to(runtimeService, Messages.DOCUMENT_SIGNED, caseNumber)
        .localVariableEquals(CaseVariables.PARTY_ID.name(), partyId)
        .localVariableEquals(DOCUMENT_ID.name(), documentId);
  }

  private SigningProcess() {}
}
