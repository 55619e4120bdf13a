package nl.mediatafel.cases;

import static nl.mediatafel.cases.MediationCaseProcess.HOURLY_RATE;
import static nl.mediatafel.cases.MediationCaseProcess.PLATFORM_FEE;
import static nl.mediatafel.cases.MediationCaseProcess.ROUTE;
import static nl.mediatafel.cases.MediationCaseProcess.SUITABILITY_JUDGEMENT;

import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.FormAmount;
import nl.mediatafel.process.FormRefusal;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${acceptCase}}: records the outcome of triage (route, mediator, rates) on the case. It runs in the same
 * transaction as the completion of "Aanmelding beoordelen", so a mediator who is not in the group mediators is refused
 * with a message in the Tasklist and the task stays open with everything the secretariat entered.
 */
@Component("acceptCase")
class AcceptCaseDelegate implements JavaDelegate {



  private final MediationCaseRepository cases;
  private final IdentityService identityService;

  AcceptCaseDelegate(MediationCaseRepository cases, IdentityService identityService) {
    this.cases = cases;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = ROUTE.from(execution).orElse(null);
    Route route = Route.of(code).orElseThrow(() -> new FormRefusal("triage.route-unknown", code,
        java.util.Arrays.toString(Route.values())));
    String mediator = CaseVariables.MEDIATOR.from(execution).map(String::trim).orElse("");
    if (identityService.createUserQuery().userId(mediator).memberOfGroup(StaffGroup.MEDIATORS.id()).count() == 0) {
      throw new FormRefusal("triage.mediator-unknown", mediator);
    }
    CaseVariables.MEDIATOR.set(execution, mediator);
    MediationCase mediationCase = cases.findById(execution.getBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getBusinessKey() + " bestaat niet"));
    mediationCase.accept(route, mediator, SUITABILITY_JUDGEMENT.from(execution).orElse(null),
        FormAmount.of(HOURLY_RATE.from(execution).orElse(null), "hourly-rate"),
        FormAmount.of(PLATFORM_FEE.from(execution).orElse(null), "platform-fee"));
  }
}
