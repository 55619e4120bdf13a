package nl.mediatafel.cases;

import nl.mediatafel.process.ProcessVariable;

/**
 * The API of {@code processes/mediation-agreement.bpmn}: making, reviewing and signing the mediation agreement, called
 * by the case ({@code callActivity_mediationAgreement}) with the case number as business key. It calls
 * {@code signing} itself; its outcome {@link #SIGNING_OUTCOME} goes back to the case.
 */
public final class MediationAgreementProcess {

  public static final String KEY = "mediation-agreement";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_agreement";
    public static final String CAN_START_MAIL = "serviceTask_mediationCanStart";
    public static final String REVIEW_DEADLINE = "serviceTask_reviewDeadline";
    public static final String MAKE_AGREEMENT = "serviceTask_makeAgreement";
    public static final String REVIEW_AGREEMENT = "userTask_reviewAgreement";
    public static final String SIGN_AGREEMENT = "callActivity_signAgreement";
    public static final String SIGNING_OUTCOME = "gateway_signingOutcome";
    public static final String STATUS_SIGNED = "serviceTask_statusAgreementSigned";
    public static final String STATUS_SIGNING_CANCELLED = "serviceTask_statusSigningCancelled";
    public static final String SIGNED = "endEvent_agreementSigned";
    public static final String NOT_SIGNED = "endEvent_agreementNotSigned";

    private Elements() {}
  }

  public static final ProcessVariable<String> AGREEMENT_DOCUMENT_ID =
      ProcessVariable.of("agreementDocumentId", String.class);
  public static final ProcessVariable<Boolean> AGREEMENT_APPROVED = ProcessVariable.of("agreementApproved", Boolean.class);
  /** {@code SIGNED} or {@code CANCELLED}; an output to the case. */
  public static final ProcessVariable<String> SIGNING_OUTCOME = ProcessVariable.of("signingOutcome", String.class);

  /** The mediator's remarks on the agreement (form {@code agreement-review}); kept in the task's history only. */
  public static final ProcessVariable<String> AGREEMENT_REMARKS = ProcessVariable.of("agreementRemarks", String.class);

  private MediationAgreementProcess() {}
}
