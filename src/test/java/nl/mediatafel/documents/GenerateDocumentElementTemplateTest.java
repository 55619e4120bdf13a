package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Modeler's "Maak document" template offers exactly what the delegate accepts: the templates that exist, the
 * document types, the delegate's bean and its input parameter names. (Validation against the element templates JSON
 * schema is done by the Modeler and was checked by hand; see the report.)
 */
class GenerateDocumentElementTemplateTest {

  private static final Path TEMPLATE = Path.of("processes/.camunda/element-templates/generate-document.json");

  private final JsonNode template = read().get(0);

  @Test
  void theTemplateDropdownListsExactlyTheDocumentTemplatesThatExist() {
    List<String> existing = DocumentService.findTemplates(new PathMatchingResourcePatternResolver());

    assertThat(existing).isNotEmpty();
    assertThat(choices(GenerateDocumentDelegate.TEMPLATE)).containsExactlyInAnyOrderElementsOf(existing);
  }

  @Test
  void theDocumentTypeDropdownListsExactlyTheDocumentTypes() {
    assertThat(choices(GenerateDocumentDelegate.DOCUMENT_TYPE)).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(DocumentType.values()).map(DocumentType::name).toList());
  }

  @Test
  void itCallsTheDelegateAsynchronouslyWithItsInputParameters() {
    assertThat(template.get("id").asText()).isEqualTo("nl.mediatafel.generateDocument");
    assertThat(template.get("appliesTo")).extracting(JsonNode::asText).containsExactly("bpmn:ServiceTask");
    assertThat(property("property", "camunda:delegateExpression").get("value").asText())
        .isEqualTo("${" + GenerateDocumentDelegate.BEAN_NAME + "}");
    assertThat(property("property", "camunda:asyncBefore").get("value").asBoolean()).isTrue();
    assertThat(inputNames()).containsExactlyInAnyOrder(GenerateDocumentDelegate.TEMPLATE,
        GenerateDocumentDelegate.DOCUMENT_TYPE, GenerateDocumentDelegate.LANGUAGE, GenerateDocumentDelegate.VARIABLE);
    assertThat(property("camunda:inputParameter", GenerateDocumentDelegate.VARIABLE).get("value").asText())
        .isEqualTo(GenerateDocumentDelegate.DEFAULT_VARIABLE);
    assertThat(property("camunda:inputParameter", GenerateDocumentDelegate.LANGUAGE).get("value").asText())
        .isEqualTo(DocumentService.LANGUAGES.get(0));
  }

  private List<String> choices(String input) {
    JsonNode choices = property("camunda:inputParameter", input).get("choices");
    List<String> values = new ArrayList<>();
    choices.forEach(choice -> values.add(choice.get("value").asText()));
    return values;
  }

  private List<String> inputNames() {
    return properties().stream()
        .filter(property -> property.get("binding").get("type").asText().equals("camunda:inputParameter"))
        .map(property -> property.get("binding").get("name").asText())
        .toList();
  }

  private JsonNode property(String bindingType, String name) {
    return properties().stream()
        .filter(property -> property.get("binding").get("type").asText().equals(bindingType)
            && property.get("binding").get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + bindingType + " " + name + " in " + TEMPLATE));
  }

  private List<JsonNode> properties() {
    return StreamSupport.stream(template.get("properties").spliterator(), false).toList();
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(TEMPLATE.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + TEMPLATE, e);
    }
  }
}
