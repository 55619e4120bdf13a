package nl.mediatafel.process;

/**
 * Variables every case-related process shares (the case number itself is the business key). Process-specific
 * variables live in each process's own API class.
 */
public final class CaseVariables {

  /** Camunda user id of the case's mediator; user tasks for the mediator use {@code candidateUsers="${mediator}"}. */
  public static final ProcessVariable<String> MEDIATOR = ProcessVariable.of("mediator", String.class);

  /**
   * The case number and the parties' short names ("MED-2026-0042 · Jansen / De Vries"), local to each task of a case:
   * every Tasklist filter shows it with the task, also to a mediator, who may read the task but not its process.
   */
  public static final ProcessVariable<String> CASE_LABEL = ProcessVariable.of("caseLabel", String.class);

  /** Id (UUID text) of the party a multi-instance execution is about. */
  public static final ProcessVariable<String> PARTY_ID = ProcessVariable.of("partyId", String.class);

  private CaseVariables() {}
}
