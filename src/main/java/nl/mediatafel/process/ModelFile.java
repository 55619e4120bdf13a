package nl.mediatafel.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;

/**
 * One model file with its stable deployment name, e.g. {@code forms/triage.form}; what
 * {@link ModelDeployment#findModels()} lists.
 */
public record ModelFile(String name, byte[] content) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** Parses the file with the model API of its kind; throws with the file name when it is malformed. */
  public void check() {
    try {
      if (name.endsWith(".bpmn")) {
        Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      } else if (name.endsWith(".dmn")) {
        Dmn.readModelFromStream(new ByteArrayInputStream(content));
      } else if (name.endsWith(".form")) {
        checkForm(JSON.readTree(content));
      }
    } catch (ModelDeploymentException e) {
      throw e;
    } catch (Exception e) {
      throw new ModelDeploymentException("Model " + name + " is malformed: " + rootCause(e).getMessage(), e);
    }
  }

  private void checkForm(JsonNode form) {
    if (form == null || !form.path("id").isTextual() || !form.path("components").isArray()) {
      throw new ModelDeploymentException("Model " + name + " is not a Camunda Form: it needs an \"id\" and \"components\"");
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
