package nl.mediatafel.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import nl.mediatafel.process.ElementTemplatesTest;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** The "Zaak sluiten" element template calls the delegate synchronously; the delegate has nothing to configure. */
class CloseCaseTemplateTest {

  @Test
  void theTemplateCallsTheDelegateSynchronouslyWithoutInputParameters() throws IOException {
    JsonNode template = ElementTemplatesTest.template("nl.mediatafel.closeCase");

    assertThat(template.path("appliesTo")).extracting(JsonNode::asText).containsExactly("bpmn:ServiceTask");
    assertThat(ElementTemplatesTest.binding(template, "property", "camunda:delegateExpression").path("value").asText())
        .isEqualTo("${" + CloseCaseDelegate.class.getAnnotation(Component.class).value() + "}");
    // internal and transactional: synchronous, the template sets no asyncBefore (docs/designers.md)
    assertThatThrownBy(() -> ElementTemplatesTest.binding(template, "property", "camunda:asyncBefore"))
        .isInstanceOf(AssertionError.class);
    assertThat(ElementTemplatesTest.inputParameters(template)).isEmpty();
  }
}
