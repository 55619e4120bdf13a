package nl.mediatafel.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${caseHours…}} for models: whether the mediator spent billable hours on the case (the sum of all routes in
 * the case table, {@link RecordRouteHoursListener}). A case that ends early gets a cost statement only if so.
 */
@Component("caseHours")
public class CaseHours {

  private final MediationCaseRepository cases;

  CaseHours(MediationCaseRepository cases) {
    this.cases = cases;
  }

  /** True when the case has more than zero hours recorded. */
  public boolean spent(DelegateExecution execution) {
    return cases.findById(execution.getProcessBusinessKey())
        .map(mediationCase -> mediationCase.getHoursSpent().signum() > 0).orElse(false);
  }
}
