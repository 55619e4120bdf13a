package nl.mediatafel.settlement;

import java.util.Collection;
import java.util.List;
import nl.mediatafel.process.ConfidentialVariables;
import nl.mediatafel.process.ProcessVariable;
import org.springframework.stereotype.Component;

/** The settlement's drafted points stay out of Camunda's history: they are kept in {@code settlement_draft}. */
@Component
class SettlementConfidentialVariables implements ConfidentialVariables {

  @Override
  public Collection<ProcessVariable<?>> variables() {
    return List.of(SettlementProcess.SETTLEMENT_POINTS);
  }
}
