package nl.mediatafel.cases;

import java.util.Collection;
import java.util.List;
import nl.mediatafel.process.ConfidentialVariables;
import nl.mediatafel.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * The settlement's points stay out of Camunda's history: the settlement feature keeps them in
 * {@code settlement_draft}.
 */
@Component
class CaseConfidentialVariables implements ConfidentialVariables {

  @Override
  public Collection<ProcessVariable<?>> variables() {
    return List.of(MediationCaseProcess.SETTLEMENT_POINTS);
  }
}
