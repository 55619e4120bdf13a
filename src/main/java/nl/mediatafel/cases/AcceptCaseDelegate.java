package nl.mediatafel.cases;

import static nl.mediatafel.cases.MediationCaseProcess.HOURLY_RATE;
import static nl.mediatafel.cases.MediationCaseProcess.PLATFORM_FEE;
import static nl.mediatafel.cases.MediationCaseProcess.ROUTE;
import static nl.mediatafel.cases.MediationCaseProcess.SUITABILITY_JUDGEMENT;

import java.math.BigDecimal;
import java.util.Set;
import nl.mediatafel.process.CaseVariables;
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

  static final Set<String> ROUTES = Set.of("ONLINE_ASYNC", "ONLINE_VIDEO", "FACE_TO_FACE", "HYBRID");

  /** The rates as the triage form or a caller entered them: any number (a whole one arrives as a Long). */
  private static final ProcessVariable<Number> HOURLY_RATE_ENTERED = ProcessVariable.of(HOURLY_RATE.name(),
      Number.class);
  private static final ProcessVariable<Number> PLATFORM_FEE_ENTERED = ProcessVariable.of(PLATFORM_FEE.name(),
      Number.class);

  private final MediationCaseRepository cases;
  private final IdentityService identityService;

  AcceptCaseDelegate(MediationCaseRepository cases, IdentityService identityService) {
    this.cases = cases;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String route = ROUTE.from(execution).orElse(null);
    if (route == null || !ROUTES.contains(route)) {
      throw new FormRefusal("triage.route-unknown", route, String.join(", ", new java.util.TreeSet<>(ROUTES)));
    }
    String mediator = CaseVariables.MEDIATOR.from(execution).map(String::trim).orElse("");
    if (identityService.createUserQuery().userId(mediator).memberOfGroup(StaffGroup.MEDIATORS.id()).count() == 0) {
      throw new FormRefusal("triage.mediator-unknown", mediator);
    }
    CaseVariables.MEDIATOR.set(execution, mediator);
    MediationCase mediationCase = cases.findById(execution.getBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getBusinessKey() + " bestaat niet"));
    mediationCase.accept(route, mediator, SUITABILITY_JUDGEMENT.from(execution).orElse(null),
        amount(HOURLY_RATE_ENTERED, execution), amount(PLATFORM_FEE_ENTERED, execution));
  }

  private static BigDecimal amount(ProcessVariable<Number> variable, DelegateExecution execution) {
    return variable.from(execution).map(number -> new BigDecimal(number.toString())).orElse(null);
  }
}
