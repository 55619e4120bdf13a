package nl.mediatafel.cases;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:taskListener event="complete" delegateExpression="${changeRoute}">} on "Nieuwe route kiezen": checks
 * the new route (one the case process can run, and not the route that just asked to switch), records it in the case
 * table and sets {@link MediationCaseProcess#ROUTE} for the route gateway. A bad choice refuses the completion with a
 * message naming the field; the task stays open.
 */
@Component("changeRoute")
class ChangeRouteListener implements TaskListener {

  static final int REASON_MAX = 1000;

  private final MediationCaseRepository cases;
  private final CaseEvents events;

  ChangeRouteListener(MediationCaseRepository cases, CaseEvents events) {
    this.cases = cases;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String newRoute = MediationCaseProcess.NEW_ROUTE.from(execution).orElse("");
    Route route = Route.of(newRoute).orElseThrow(() -> new FormRefusal("route-switch.route-unknown"));
    String current = MediationCaseProcess.ROUTE.from(execution).orElse(null);
    if (newRoute.equals(current)) {
      throw new FormRefusal("route-switch.route-current");
    }
    String reason = MediationCaseProcess.ROUTE_SWITCH_REASON.from(execution).orElse("").strip();
    if (reason.isEmpty() || reason.length() > REASON_MAX) {
      throw new FormRefusal("route-switch.reason", REASON_MAX);
    }
    cases.findById(execution.getProcessBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getProcessBusinessKey() + " bestaat niet"))
        .switchRoute(route);
    MediationCaseProcess.ROUTE.set(execution.getProcessInstance(), newRoute);
    events.record(execution.getProcessBusinessKey(), Actors.staff(task.getAssignee()), CaseEventKind.ROUTE_SWITCHED,
        current + ">" + newRoute);
  }
}
