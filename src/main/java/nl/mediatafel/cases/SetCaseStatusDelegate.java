package nl.mediatafel.cases;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${setCaseStatus}} with input parameter {@value #STATUS}: records a milestone of the case (REFERRED, …). */
@Component("setCaseStatus")
class SetCaseStatusDelegate implements JavaDelegate {

  static final String STATUS = "status";

  private final MediationCaseRepository cases;

  SetCaseStatusDelegate(MediationCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object status = execution.getVariableLocal(STATUS);
    if (status == null || status.toString().isBlank()) {
      throw new ProcessEngineException("setCaseStatus in '" + execution.getCurrentActivityId()
          + "': input parameter 'status' is missing");
    }
    cases.findById(execution.getBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getBusinessKey() + " bestaat niet"))
        .changeStatus(status.toString());
  }
}
