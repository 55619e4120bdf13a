package nl.mediatafel.documents;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A "Maak document" service task is configured wrongly in the model. Technical, not a business outcome: the job fails
 * and, once its retries are used up, Cockpit shows an incident with this message, which names the element and the
 * input parameter to fix.
 */
public class DocumentTaskException extends ProcessEngineException {

  private final String elementId;
  private final String parameter;

  DocumentTaskException(String elementId, String parameter, String problem) {
    super("Service task '" + elementId + "', input parameter '" + parameter + "': " + problem);
    this.elementId = elementId;
    this.parameter = parameter;
  }

  public String elementId() {
    return elementId;
  }

  public String parameter() {
    return parameter;
  }
}
