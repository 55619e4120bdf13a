package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mediatafel.process.ElementTemplatesTest;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** The "Zet zaakstatus" element template offers exactly the case statuses the models set, and calls the delegate. */
class SetCaseStatusTemplateTest {

  /** A status chosen by an expression: the quoted results of its {@code ? 'A' : 'B'}. */
  private static final Pattern EXPRESSION_RESULT = Pattern.compile("[?:]\\s*'([A-Z_]+)'");

  @Test
  void theStatusDropdownListsExactlyTheStatusesTheModelsSet() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String value : ElementTemplatesTest.modelInputValues(bean(), SetCaseStatusDelegate.STATUS)) {
      if (value.startsWith("${")) {
        Matcher result = EXPRESSION_RESULT.matcher(value);
        int before = used.size();
        while (result.find()) {
          used.add(result.group(1));
        }
        assertThat(used.size()).as("statuses readable from %s", value).isGreaterThan(before);
      } else {
        used.add(value);
      }
    }

    assertThat(used).contains("REFERRED", "SETTLED", "SETTLEMENT_NOT_SIGNED", "CONVERTED");
    assertThat(ElementTemplatesTest.choices(status())).isEqualTo(used);
  }

  @Test
  void theTemplateCallsTheDelegateSynchronouslyWithOnlyTheStatus() throws IOException {
    JsonNode template = template();
    assertThat(ElementTemplatesTest.binding(template, "property", "camunda:delegateExpression").path("value").asText())
        .isEqualTo("${" + bean() + "}");
    // internal and transactional: synchronous, the template sets no asyncBefore (docs/designers.md)
    assertThatThrownBy(() -> ElementTemplatesTest.binding(template, "property", "camunda:asyncBefore"))
        .isInstanceOf(AssertionError.class);
    assertThat(ElementTemplatesTest.inputParameters(template)).containsExactly(SetCaseStatusDelegate.STATUS);
    assertThat(status().path("constraints").path("notEmpty").asBoolean()).isTrue();
    assertThat(ElementTemplatesTest.choices(status())).contains(status().path("value").asText());
  }

  private static JsonNode status() throws IOException {
    return ElementTemplatesTest.binding(template(), "camunda:inputParameter", SetCaseStatusDelegate.STATUS);
  }

  private static JsonNode template() throws IOException {
    return ElementTemplatesTest.template("nl.mediatafel.setCaseStatus");
  }

  private static String bean() {
    return SetCaseStatusDelegate.class.getAnnotation(Component.class).value();
  }
}
