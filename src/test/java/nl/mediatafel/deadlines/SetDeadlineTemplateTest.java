package nl.mediatafel.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** The Modeler element template and the delegate agree on the bean and the input parameter names. */
class SetDeadlineTemplateTest {

  private static final Path TEMPLATE = Path.of("processes/.camunda/element-templates/set-deadline.json");

  @Test
  void theTemplateCallsTheDelegateWithItsInputParameters() throws IOException {
    JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile()).get(0);
    assertThat(template.path("id").asText()).isEqualTo("nl.mediatafel.setDeadline");

    String beanName = SetDeadlineDelegate.class.getAnnotation(Component.class).value();
    List<String> inputs = new ArrayList<>();
    String delegateExpression = null;
    boolean asyncBefore = false;
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      switch (binding.path("type").asText() + " " + binding.path("name").asText()) {
        case "property camunda:delegateExpression" -> delegateExpression = property.path("value").asText();
        case "property camunda:asyncBefore" -> asyncBefore = property.path("value").asBoolean();
        default -> inputs.add(binding.path("name").asText());
      }
    }

    assertThat(delegateExpression).isEqualTo("${" + beanName + "}");
    assertThat(asyncBefore).as("internal and transactional: synchronous (docs/designers.md)").isFalse();
    assertThat(inputs).containsExactlyInAnyOrder(SetDeadlineDelegate.VARIABLE, SetDeadlineDelegate.BUSINESS_DAYS,
        SetDeadlineDelegate.DURATION, SetDeadlineDelegate.FROM, SetDeadlineDelegate.REMINDER_BUSINESS_DAYS_BEFORE);
  }
}
