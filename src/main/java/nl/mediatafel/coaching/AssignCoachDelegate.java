package nl.mediatafel.coaching;

import java.math.BigDecimal;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.FormAmount;
import nl.mediatafel.process.FormRefusal;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${assignCoach}}: records the coach ({@link CaseVariables#MEDIATOR}) and the hourly rate from "Coachingsaanvraag
 * beoordelen" on the trajectory, where the cost statement finds them. It runs in the transaction that completes the
 * task, so a coach who is not in the group mediators, or a missing or negative rate, is refused with a message in the
 * Tasklist and the task stays open with everything the secretariat entered.
 */
@Component("assignCoach")
class AssignCoachDelegate implements JavaDelegate {

  private final CaseDirectory caseDirectory;
  private final IdentityService identityService;

  AssignCoachDelegate(CaseDirectory caseDirectory, IdentityService identityService) {
    this.caseDirectory = caseDirectory;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String coach = CaseVariables.MEDIATOR.from(execution).map(String::trim).orElse("");
    if (identityService.createUserQuery().userId(coach).memberOfGroup(StaffGroup.MEDIATORS.id()).count() == 0) {
      throw new FormRefusal("coaching-assessment.coach-unknown", coach);
    }
    Number rate = ConflictCoachingProcess.HOURLY_RATE.from(execution)
        .orElseThrow(() -> new FormRefusal("coaching-assessment.rate-missing"));
    BigDecimal hourlyRate = FormAmount.of(rate, "hourly-rate");
    CaseVariables.MEDIATOR.set(execution, coach);
    MediationCase trajectory = caseDirectory.find(execution.getBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Coaching " + execution.getBusinessKey() + " bestaat niet"));
    trajectory.accept(null, coach, null, hourlyRate, null);
  }
}
