package nl.mediatafel.cases;

import nl.mediatafel.process.ProcessVariable;

/**
 * The API of {@code processes/termination.bpmn}: ending a mediation after a party withdrew, called from the case's
 * event sub-process {@code eventSubProcess_partyWithdrew} ({@code callActivity_termination}) with the case number as
 * business key.
 */
public final class TerminationProcess {

  public static final String KEY = "termination";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_termination";
    public static final String TERMINATION_MAIL = "serviceTask_terminationMail";
    public static final String RECORD_TERMINATION = "userTask_recordTermination";
    public static final String STATUS_TERMINATED = "serviceTask_statusTerminated";
    public static final String TERMINATION_HOURS = "gateway_terminationHours";
    public static final String TERMINATION_COST_STATEMENT = "serviceTask_terminationCostStatement";
    public static final String TERMINATION_COST_STATEMENT_MAIL = "serviceTask_terminationCostStatementMail";
    public static final String RECORDED = "endEvent_terminationRecorded";

    private Elements() {}
  }

  /**
   * Why the mediation ended (form {@code termination}); with {@link MediationCaseProcess#REFER_BACK} and
   * {@link MediationCaseProcess#TERMINATION_NOTE}, kept in the task's history.
   */
  public static final ProcessVariable<String> TERMINATION_REASON =
      ProcessVariable.of("terminationReason", String.class);

  private TerminationProcess() {}
}
