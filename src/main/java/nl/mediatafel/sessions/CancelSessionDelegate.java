package nl.mediatafel.sessions;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code camunda:delegateExpression="${cancelSession}"}: the current session was cancelled by a party. */
@Component("cancelSession")
class CancelSessionDelegate implements JavaDelegate {

  private final SessionPlanning planning;

  CancelSessionDelegate(SessionPlanning planning) {
    this.planning = planning;
  }

  @Override
  public void execute(DelegateExecution execution) {
    planning.cancel(UUID.fromString(SessionProcess.SESSION_ID.required(execution)));
  }
}
