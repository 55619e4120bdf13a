package nl.mediatafel.forum;

import java.util.Collection;
import java.util.List;
import nl.mediatafel.process.ConfidentialVariables;
import nl.mediatafel.process.ProcessVariable;
import org.springframework.stereotype.Component;

/** A forum round's summary stays out of Camunda's history: it is kept in {@code forum_post}. */
@Component
class ForumConfidentialVariables implements ConfidentialVariables {

  @Override
  public Collection<ProcessVariable<?>> variables() {
    return List.of(OnlineMediationProcess.FORUM_SUMMARY);
  }
}
