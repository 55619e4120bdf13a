package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Camunda Modeler element templates in {@code processes/.camunda/element-templates/} are valid for Modeler, bind a
 * delegate bean that exists, and offer only input parameters the delegate reads.
 */
@MediatafelTest
public class ElementTemplatesTest {

  static final Path FOLDER = Path.of("processes/.camunda/element-templates");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ApplicationContext context;

  @Test
  void everyTemplateIsValidAgainstModelersSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/element-templates/schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    List<Path> files = templateFiles();
    assertThat(files).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      Set<ValidationMessage> messages = schema.validate(JSON.readTree(file.toFile()));
      messages.forEach(message -> problems.add(file.getFileName() + ": " + message.getMessage()));
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Each template calls a bean that exists; what it offers is checked against the bean's source, and whether it is
   * asynchronous against the decision in docs/designers.md, by {@link TemplateBindingTest}.
   */
  @Test
  void everyTemplateCallsAnExistingBean() throws Exception {
    for (JsonNode template : templates()) {
      String bean = ElementTemplate.of(template).bean();
      assertThat(context.containsBean(bean)).as("bean %s", bean).isTrue();
      assertThat(template.path("id").asText()).isEqualTo("nl.mediatafel." + bean);
      assertThat(template.path("version").asInt()).as("%s version", bean).isPositive();
    }
  }

  static List<JsonNode> templates() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    for (Path file : templateFiles()) {
      JsonNode node = JSON.readTree(file.toFile());
      if (node.isArray()) {
        node.forEach(all::add);
      } else {
        all.add(node);
      }
    }
    return all;
  }

  public static JsonNode template(String id) throws IOException {
    return templates().stream().filter(t -> id.equals(t.path("id").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no element template " + id));
  }

  /** The property of a template with this binding, e.g. the input parameter {@code template}. */
  public static JsonNode binding(JsonNode template, String type, String name) {
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      if (type.equals(binding.path("type").asText()) && name.equals(binding.path("name").asText())) {
        return property;
      }
    }
    throw new AssertionError(template.path("id").asText() + " has no " + type + " " + name);
  }

  public static Set<String> choices(JsonNode property) {
    Set<String> values = new TreeSet<>();
    property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
    return values;
  }

  /** The names of the input parameters a template offers. */
  public static Set<String> inputParameters(JsonNode template) {
    Set<String> names = new TreeSet<>();
    template.path("properties").forEach(property -> {
      if ("camunda:inputParameter".equals(property.path("binding").path("type").asText())) {
        names.add(property.path("binding").path("name").asText());
      }
    });
    return names;
  }

  /**
   * What the models in {@code processes/} give the input parameter {@code parameter} of every element that calls
   * {@code ${bean}}: a text, or an expression {@code ${...}} as written.
   */
  public static List<String> modelInputValues(String bean, String parameter) throws IOException {
    List<String> values = new ArrayList<>();
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (!("${" + bean + "}").equals(node.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression"))
            || node.getExtensionElements() == null) {
          continue;
        }
        for (CamundaInputOutput inputOutput : node.getExtensionElements().getElementsQuery()
            .filterByType(CamundaInputOutput.class).list()) {
          for (CamundaInputParameter input : inputOutput.getCamundaInputParameters()) {
            if (parameter.equals(input.getCamundaName())) {
              values.add(input.getTextContent().strip());
            }
          }
        }
      }
    }
    return values;
  }

  private static List<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
