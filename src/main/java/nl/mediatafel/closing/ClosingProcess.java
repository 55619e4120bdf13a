package nl.mediatafel.closing;

import nl.mediatafel.process.ProcessVariable;

/**
 * The API of {@code processes/closing.bpmn}: cost statement, evaluation and closing the file, called by the case
 * ({@code callActivity_closing}) with the case number as business key.
 */
public final class ClosingProcess {

  public static final String KEY = "closing";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_closing";
    public static final String MAKE_COST_STATEMENT = "serviceTask_makeCostStatement";
    public static final String COST_STATEMENT_MAIL = "serviceTask_costStatementMail";
    public static final String EVALUATION_MAIL = "serviceTask_evaluationMail";
    public static final String CLOSE_CASE = "serviceTask_closeCase";
    public static final String CLOSED = "endEvent_closingDone";

    private Elements() {}
  }

  public static final ProcessVariable<String> COST_STATEMENT_DOCUMENT_ID =
      ProcessVariable.of("costStatementDocumentId", String.class);

  private ClosingProcess() {}
}
