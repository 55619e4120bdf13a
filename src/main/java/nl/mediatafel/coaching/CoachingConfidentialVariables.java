package nl.mediatafel.coaching;

import java.util.Collection;
import java.util.List;
import nl.mediatafel.process.ConfidentialVariables;
import nl.mediatafel.process.ProcessVariable;
import org.springframework.stereotype.Component;

/** A coaching advice stays out of Camunda's history: it is kept in {@code coaching_trajectory}. */
@Component
class CoachingConfidentialVariables implements ConfidentialVariables {

  @Override
  public Collection<ProcessVariable<?>> variables() {
    return List.of(ConflictCoachingProcess.ADVICE_TEXT);
  }
}
