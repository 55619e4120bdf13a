package nl.mediatafel.settlement;

import java.util.Date;
import nl.mediatafel.process.ProcessVariable;

/**
 * The API of {@code processes/settlement.bpmn}: the settlement agreement after an agreement in the sessions, called by
 * the case ({@code callActivity_settlement}) with the case number as business key. A request to consult an advisor
 * ({@code AdvisorConsultationRequested}, correlated by business key) reaches both the case and the review period here.
 */
public final class SettlementProcess {

  public static final String KEY = "settlement";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_settlement";
    public static final String AGREEMENT_REACHED = "serviceTask_statusAgreementReached";
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
    public static final String STATUS_SETTLED = "serviceTask_statusSettled";
    public static final String STATUS_NOT_SIGNED = "serviceTask_statusSettlementNotSigned";
    public static final String SETTLED = "endEvent_settled";
    public static final String SETTLEMENT_NOT_SIGNED = "endEvent_settlementNotSigned";

    private Elements() {}
  }

  /** The draft form's points, one per line; local to the task and moved to the settlement table on completion. */
  public static final ProcessVariable<String> SETTLEMENT_POINTS = ProcessVariable.of("settlementPoints", String.class);
  public static final ProcessVariable<String> SETTLEMENT_DOCUMENT_ID =
      ProcessVariable.of("settlementDocumentId", String.class);
  public static final ProcessVariable<Date> SETTLEMENT_REVIEW_DEADLINE =
      ProcessVariable.of("settlementReviewDeadline", Date.class);
  /** {@code SIGNED} or {@code CANCELLED}; an output to the case. */
  public static final ProcessVariable<String> SETTLEMENT_SIGNING_OUTCOME =
      ProcessVariable.of("settlementSigningOutcome", String.class);

  /** The day the secretariat posted the paper copies (form {@code paper-copies}, a {@code yyyy-MM-dd} text). */
  public static final ProcessVariable<String> PAPER_COPIES_SENT_ON =
      ProcessVariable.of("paperCopiesSentOn", String.class);
  /** The secretariat checked the paper copies against the signed version (form {@code paper-copies}). */
  public static final ProcessVariable<Boolean> PAPER_COPIES_CHECKED =
      ProcessVariable.of("paperCopiesChecked", Boolean.class);

  private SettlementProcess() {}
}
