package nl.mediatafel.intake;

import java.util.List;
import java.util.UUID;
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalNextSteps;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The portal overview's intake step: the party's questionnaire, with its deadline, while the party's intake (the
 * called {@code intake} instance, or the embedded intake of a case on version 1: same activity id) waits for it.
 * First on the overview: it comes before anything to sign.
 */
@Component
@Order(1)
class IntakeNextSteps implements PortalNextSteps {

  private final RuntimeService runtimeService;

  IntakeNextSteps(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public List<Step> waitingFor(String caseNumber, UUID partyId) {
    return runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(caseNumber)
        .activityId(IntakeProcess.Elements.WAIT_FOR_INTAKE)
        .variableValueEquals(CaseVariables.PARTY_ID.name(), partyId.toString())
        .list().stream()
        .map(waiting -> new Step("intake", PortalAction.INTAKE, null,
            IntakeProcess.PARTY_INTAKE_DEADLINE.from(runtimeService, waiting.getId()).orElse(null)))
        .toList();
  }
}
