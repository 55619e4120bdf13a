package nl.mediatafel.cases;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import java.math.BigDecimal;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:executionListener event="end" delegateExpression="${recordRouteHours}">} on the sessions call
 * activities: adds the hours of the route that just ended ({@link MediationCaseProcess#ROUTE_HOURS}) to the case
 * table and to {@link MediationCaseProcess#HOURS_SPENT}, so hours survive a route switch and reach the cost statement.
 * The sub-processes answer their own hours only; this is the one place that sums them.
 *
 * <p>A route cut short (a party withdrew: the event sub-process cancels the call activity) maps nothing out; its hours
 * so far are then read from the history of the called instance, which the engine has already removed, so that a
 * terminated case bills them too.
 */
@Component("recordRouteHours")
class RecordRouteHoursListener implements ExecutionListener {

  private final MediationCaseRepository cases;
  private final HistoryService history;
  private final CaseEvents events;

  RecordRouteHoursListener(MediationCaseRepository cases, HistoryService history, CaseEvents events) {
    this.events = events;
    this.cases = cases;
    this.history = history;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Number hours = MediationCaseProcess.ROUTE_HOURS.from(execution).orElseGet(() -> hoursOfCancelledRoute(execution));
    BigDecimal exact = new BigDecimal(hours.toString());
    MediationCase mediationCase = cases.findById(execution.getProcessBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getProcessBusinessKey() + " bestaat niet"));
    BigDecimal total;
    try {
      total = mediationCase.addHours(exact);
    } catch (IllegalArgumentException e) {
      throw new FormRefusal(e, "route-hours.negative", exact.toPlainString());
    }
    MediationCaseProcess.HOURS_SPENT.set(execution.getProcessInstance(), total.doubleValue());
    String route = MediationCaseProcess.ROUTE.from(execution)
        .orElse(mediationCase.getRoute() == null ? null : mediationCase.getRoute().name());
    events.record(mediationCase.getCaseNumber(), Actors.SYSTEM, CaseEventKind.ROUTE_HOURS,
        route + "=" + exact.toPlainString());
    execution.getProcessInstance().removeVariable(MediationCaseProcess.ROUTE_HOURS.name());
  }

  /** The {@code hoursSpent} the called instance of this call activity had when it was cancelled; 0 without any. */
  private Number hoursOfCancelledRoute(DelegateExecution execution) {
    if (!(execution instanceof ExecutionEntity entity) || !entity.isCanceled()) {
      return 0;
    }
    HistoricActivityInstance call = history.createHistoricActivityInstanceQuery()
        .activityInstanceId(execution.getActivityInstanceId()).singleResult();
    if (call == null || call.getCalledProcessInstanceId() == null) {
      return 0;
    }
    HistoricVariableInstance spent = history.createHistoricVariableInstanceQuery()
        .processInstanceId(call.getCalledProcessInstanceId())
        .variableName(MediationCaseProcess.ROUTE_HOURS_OF_CALLED_PROCESS).singleResult();
    return spent != null && spent.getValue() instanceof Number number ? number : 0;
  }
}
