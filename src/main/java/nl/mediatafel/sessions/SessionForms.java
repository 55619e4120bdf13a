package nl.mediatafel.sessions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${sessionForms}}: the designer functions the session planning forms show (docs/designer-functions.md): the
 * case's active parties and the practice's rooms, each a numbered line, for a task's input parameters
 * ({@code <camunda:inputParameter name="partyList">${sessionForms.partyList(execution)}</camunda:inputParameter>}).
 */
@Component("sessionForms")
public class SessionForms {

  private final SessionPlanning planning;

  SessionForms(SessionPlanning planning) {
    this.planning = planning;
  }

  /** "1. Anna de Vries", one a line: the active parties of the case this instance runs for (its business key). */
  public String partyList(DelegateExecution execution) {
    return planning.partyList(execution.getProcessBusinessKey());
  }

  /** "1. Spreekkamer De Linde, Maliebaan 12, …", one a line: the configured rooms. */
  public String roomList() {
    return planning.roomList();
  }
}
