package nl.mediatafel.cases;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code ${setCaseStatus}} with input parameter {@value #STATUS}: records a milestone of the case (REFERRED, …). A
 * status that ends the case ({@link CaseStatus#hasEnded()}) also publishes {@link CaseEnded}, in the same
 * transaction: the case's portal links are revoked together with the status.
 */
@Component("setCaseStatus")
class SetCaseStatusDelegate implements JavaDelegate {

  static final String STATUS = "status";

  private final MediationCaseRepository cases;
  private final ApplicationEventPublisher events;

  SetCaseStatusDelegate(MediationCaseRepository cases, ApplicationEventPublisher events) {
    this.cases = cases;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object status = execution.getVariableLocal(STATUS);
    if (status == null || status.toString().isBlank()) {
      throw new ProcessEngineException("setCaseStatus in '" + execution.getCurrentActivityId()
          + "': input parameter 'status' is missing");
    }
    CaseStatus caseStatus = CaseStatus.of(status.toString().strip()).orElseThrow(() -> new ProcessEngineException(
        "setCaseStatus in '" + execution.getCurrentActivityId() + "': input parameter 'status' is no case status: '"
            + status + "'; use one of " + java.util.Arrays.toString(CaseStatus.values())));
    MediationCase mediationCase = cases.findById(execution.getBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getBusinessKey() + " bestaat niet"));
    mediationCase.changeStatus(caseStatus);
    if (mediationCase.hasEnded()) {
      events.publishEvent(new CaseEnded(mediationCase.getCaseNumber(), mediationCase.getStatus()));
    }
  }
}
