package nl.mediatafel.cases;

import java.util.Collection;
import java.util.List;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ConfidentialVariables;
import nl.mediatafel.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * What {@link CaseTaskContext} shows on a task stays out of Camunda's history: the conflict summary, the parties and
 * the safety signal belong to the case file ({@code mediation_case}, {@code party}), not to the process.
 */
@Component
class CaseTaskConfidentialVariables implements ConfidentialVariables {

  @Override
  public Collection<ProcessVariable<?>> variables() {
    return List.of(CaseVariables.CASE_LABEL, CaseTaskContext.TRIAGE_CONFLICT, CaseTaskContext.TRIAGE_SUMMARY,
        CaseTaskContext.TRIAGE_PARTIES, CaseTaskContext.TRIAGE_REFERRER, CaseTaskContext.TRIAGE_SAFETY,
        CaseTaskContext.MEDIATOR_OPTIONS);
  }
}
