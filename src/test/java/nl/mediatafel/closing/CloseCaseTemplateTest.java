package nl.mediatafel.closing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import nl.mediatafel.process.ElementTemplatesTest;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** The "Zaak sluiten" element template calls the delegate asynchronously; the delegate has nothing to configure. */
class CloseCaseTemplateTest {

  @Test
  void theTemplateCallsTheDelegateAsynchronouslyWithoutInputParameters() throws IOException {
    JsonNode template = ElementTemplatesTest.template("nl.mediatafel.closeCase");

    assertThat(template.path("appliesTo")).extracting(JsonNode::asText).containsExactly("bpmn:ServiceTask");
    assertThat(ElementTemplatesTest.binding(template, "property", "camunda:delegateExpression").path("value").asText())
        .isEqualTo("${" + CloseCaseDelegate.class.getAnnotation(Component.class).value() + "}");
    assertThat(ElementTemplatesTest.binding(template, "property", "camunda:asyncBefore").path("value").asBoolean())
        .isTrue();
    assertThat(ElementTemplatesTest.inputParameters(template)).isEmpty();
  }
}
