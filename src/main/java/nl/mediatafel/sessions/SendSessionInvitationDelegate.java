package nl.mediatafel.sessions;

import java.util.UUID;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${sendSessionInvitation}"}: mails the attendees of the current session
 * ({@link SessionProcess#SESSION_ID}) the mail named by the input parameter {@value #TEMPLATE} with the calendar
 * invitation attached. Use it with {@code asyncBefore}: a retry skips the attendees that already have it.
 */
@Component("sendSessionInvitation")
class SendSessionInvitationDelegate implements JavaDelegate {

  static final String TEMPLATE = "template";

  private final SessionPlanning planning;
  private final SessionInvitations invitations;

  SendSessionInvitationDelegate(SessionPlanning planning, SessionInvitations invitations) {
    this.planning = planning;
    this.invitations = invitations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object template = execution.getVariableLocal(TEMPLATE);
    if (template == null || template.toString().isBlank()) {
      throw new ProcessEngineException("sendSessionInvitation in '" + execution.getCurrentActivityId()
          + "', input parameter '" + TEMPLATE + "': the input parameter is missing");
    }
    Session session = planning.get(UUID.fromString(SessionProcess.SESSION_ID.required(execution)));
    invitations.send(session, template.toString().strip(), CaseVariables.MEDIATOR.required(execution));
  }

}
