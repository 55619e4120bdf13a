package nl.mediatafel.deadlines;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A service task configured wrongly for {@link SetDeadlineDelegate}. The message names the element and the input
 * parameter because it is what the secretariat and the process designer read in the Cockpit incident.
 */
class DeadlineConfigurationException extends ProcessEngineException {

  DeadlineConfigurationException(DelegateExecution execution, String parameter, String problem) {
    super(element(execution) + ": input parameter '" + parameter + "' " + problem);
  }

  private static String element(DelegateExecution execution) {
    String name = execution.getCurrentActivityName();
    return "Service task '" + execution.getCurrentActivityId() + "'" + (name == null ? "" : " (" + name + ")");
  }
}
