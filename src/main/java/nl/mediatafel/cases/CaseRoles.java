package nl.mediatafel.cases;

import java.util.List;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${caseRoles…}} for models: who does a task and whom it is about. Assignments may run before a mediator is
 * chosen (a party withdraws during triage): the engine refuses a candidate-users expression that yields null, but
 * takes an empty list.
 */
@Component("caseRoles")
public class CaseRoles {

  private final PartyRepository parties;

  CaseRoles(PartyRepository parties) {
    this.parties = parties;
  }

  /** The name of a party for task forms ("Intakegesprek met …"), so two parallel tasks can be told apart. */
  public String partyName(String partyId) {
    return parties.findById(java.util.UUID.fromString(partyId)).map(Party::getName).orElse("?");
  }

  /** The case's mediator as candidate user, or nobody yet. */
  public List<String> mediatorOf(DelegateExecution execution) {
    return CaseVariables.MEDIATOR.from(execution).filter(id -> !id.isBlank()).map(List::of).orElse(List.of());
  }
}
