package nl.mediatafel.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One of our Camunda Modeler element templates, as far as binding it to a model needs: the bean it calls, how
 * (a service task's {@code camunda:delegateExpression}, or an execution listener), and the input parameters and fields
 * it lets a designer set.
 *
 * @param listenerEvent {@code null} for a delegate, else the event of the execution listener the template adds
 */
record ElementTemplate(String id, int version, String bean, String listenerEvent, Set<String> appliesTo,
    Set<String> inputs, JsonNode json) {

  static final Path FOLDER = Path.of("processes/.camunda/element-templates");

  boolean isListener() {
    return listenerEvent != null;
  }

  /** The input parameters and {@code camunda:field}s the template binds. */
  Set<String> boundNames() {
    return inputs;
  }

  /** Our templates by the bean they call. */
  static Map<String, ElementTemplate> byBean() {
    return byBean(FOLDER);
  }

  static Map<String, ElementTemplate> byBean(Path folder) {
    Map<String, ElementTemplate> templates = new TreeMap<>();
    for (ElementTemplate template : all(folder)) {
      ElementTemplate before = templates.put(template.bean(), template);
      if (before != null) {
        throw new AssertionError("two templates call ${" + template.bean() + "}: " + before.id() + ", "
            + template.id());
      }
    }
    return templates;
  }

  static List<ElementTemplate> all(Path folder) {
    ObjectMapper json = new ObjectMapper();
    List<ElementTemplate> templates = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = json.readTree(file.toFile());
        for (JsonNode template : root.isArray() ? root : List.of(root)) {
          templates.add(of(template));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return templates;
  }

  static ElementTemplate of(JsonNode template) {
    String bean = null;
    String event = null;
    Set<String> inputs = new TreeSet<>();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      String type = binding.path("type").asText();
      String value = property.path("value").asText();
      if (type.equals("property") && binding.path("name").asText().equals("camunda:delegateExpression")) {
        bean = beanOf(value);
      } else if (type.equals("camunda:executionListener")
          && binding.path("implementationType").asText().equals("delegateExpression")) {
        bean = beanOf(value);
        event = binding.path("event").asText();
      } else if (type.equals("camunda:inputParameter") || type.equals("camunda:field")) {
        inputs.add(binding.path("name").asText());
      }
    }
    String id = template.path("id").asText();
    if (bean == null) {
      throw new AssertionError(id + " calls no bean (no delegate expression, no listener)");
    }
    Set<String> appliesTo = new TreeSet<>();
    template.path("appliesTo").forEach(type -> appliesTo.add(type.asText()));
    return new ElementTemplate(id, template.path("version").asInt(), bean, event, appliesTo, inputs, template);
  }

  /** {@code ${name}} to {@code name}; anything else is no bean of ours. */
  static String beanOf(String expression) {
    return expression != null && expression.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}")
        ? expression.substring(2, expression.length() - 1) : null;
  }
}
