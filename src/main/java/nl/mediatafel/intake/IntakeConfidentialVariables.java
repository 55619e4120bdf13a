package nl.mediatafel.intake;

import java.util.Collection;
import java.util.List;
import nl.mediatafel.process.ConfidentialVariables;
import nl.mediatafel.process.ProcessVariable;
import org.springframework.stereotype.Component;

/** The mediator's intake notes stay out of Camunda's history: they are kept in {@code intake_conversation}. */
@Component
class IntakeConfidentialVariables implements ConfidentialVariables {

  @Override
  public Collection<ProcessVariable<?>> variables() {
    return List.of(RecordIntakeConversationListener.NOTES);
  }
}
