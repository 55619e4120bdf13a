package nl.mediatafel.sessions;

import java.util.Date;
import java.util.UUID;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${moveSession}"}, the step "Verplaatsing vastleggen" after the message
 * {@link SessionProcess.Messages#SESSION_MOVED}: the session's row gets the new times ({@link SessionProcess#MOVED_START},
 * {@link SessionProcess#MOVED_END}) and a higher SEQUENCE, and the instance the dates its wait restarts with:
 * {@link SessionProcess#SESSION_START}, {@link SessionProcess#SESSION_END}, {@link SessionProcess#SESSION_REMINDER}
 * (the working day before; {@code null} when that has passed) and {@link SessionProcess#SESSION_REPORT_DUE}.
 */
@Component("moveSession")
class MoveSessionDelegate implements JavaDelegate {

  private final SessionPlanning planning;

  MoveSessionDelegate(SessionPlanning planning) {
    this.planning = planning;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date start = SessionProcess.MOVED_START.from(execution)
        .orElseThrow(() -> new FormRefusal("session-move.start-missing"));
    Date end = SessionProcess.MOVED_END.from(execution)
        .orElseThrow(() -> new FormRefusal("session-move.end-missing"));
    planning.reschedule(UUID.fromString(SessionProcess.SESSION_ID.required(execution)), start.toInstant(),
        end.toInstant());
    SessionProcess.SESSION_START.set(execution, start);
    SessionProcess.SESSION_END.set(execution, end);
    SessionProcess.SESSION_REMINDER.set(execution, planning.reminder(start.toInstant()));
    SessionProcess.SESSION_REPORT_DUE.set(execution, planning.reportDue(end.toInstant()));
    execution.removeVariable(SessionProcess.MOVED_START.name());
    execution.removeVariable(SessionProcess.MOVED_END.name());
  }
}
