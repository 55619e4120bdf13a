package nl.mediatafel.cases;

import java.math.BigDecimal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:executionListener event="end" delegateExpression="${recordRouteHours}">} on the sessions call
 * activities: adds the hours of the route that just ended ({@link MediationCaseProcess#ROUTE_HOURS}) to the case
 * table and to {@link MediationCaseProcess#HOURS_SPENT}, so hours survive a route switch and reach the cost statement.
 * The sub-processes answer their own hours only; this is the one place that sums them.
 */
@Component("recordRouteHours")
class RecordRouteHoursListener implements ExecutionListener {

  private final MediationCaseRepository cases;

  RecordRouteHoursListener(MediationCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Number hours = MediationCaseProcess.ROUTE_HOURS.from(execution).orElse(0);
    BigDecimal exact = new BigDecimal(hours.toString());
    MediationCase mediationCase = cases.findById(execution.getProcessBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getProcessBusinessKey() + " bestaat niet"));
    BigDecimal total;
    try {
      total = mediationCase.addHours(exact);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Uren van de bijeenkomsten: " + e.getMessage(), e);
    }
    MediationCaseProcess.HOURS_SPENT.set(execution.getProcessInstance(), total.doubleValue());
    execution.getProcessInstance().removeVariable(MediationCaseProcess.ROUTE_HOURS.name());
  }
}
