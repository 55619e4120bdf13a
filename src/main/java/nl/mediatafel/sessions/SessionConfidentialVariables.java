package nl.mediatafel.sessions;

import java.util.Collection;
import java.util.List;
import nl.mediatafel.process.ConfidentialVariables;
import nl.mediatafel.process.ProcessVariable;
import org.springframework.stereotype.Component;

/** A session's summary stays out of Camunda's history: the report is kept in {@code sessions}. */
@Component
class SessionConfidentialVariables implements ConfidentialVariables {

  @Override
  public Collection<ProcessVariable<?>> variables() {
    return List.of(SessionProcess.SESSION_SUMMARY);
  }
}
