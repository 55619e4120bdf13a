package nl.mediatafel.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalNextSteps;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The portal overview's signing steps: a document the party has to sign (with its deadline), and one whose deadline
 * passed and that the mediator follows up. After the intake step.
 */
@Component
@Order(2)
class SigningNextSteps implements PortalNextSteps {

  private final RuntimeService runtimeService;

  SigningNextSteps(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public List<Step> waitingFor(String caseNumber, UUID partyId) {
    List<Step> steps = new ArrayList<>();
    for (Execution waiting : waitingFor(caseNumber, partyId, SigningProcess.Elements.WAIT_FOR_SIGNATURE)) {
      steps.add(new Step("sign", PortalAction.SIGN, documentType(waiting),
          SigningProcess.SIGNER_DEADLINE.from(runtimeService, waiting.getId()).orElse(null)));
    }
    for (Execution late : waitingFor(caseNumber, partyId, SigningProcess.Elements.FOLLOW_UP)) {
      steps.add(new Step("sign-late", PortalAction.SIGN, documentType(late), null));
    }
    return steps;
  }

  private String documentType(Execution execution) {
    return SigningProcess.DOCUMENT_TYPE.from(runtimeService, execution.getId()).orElse(null);
  }

  private List<Execution> waitingFor(String caseNumber, UUID partyId, String activityId) {
    return runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(caseNumber)
        .activityId(activityId)
        .variableValueEquals(CaseVariables.PARTY_ID.name(), partyId.toString())
        .list();
  }
}
