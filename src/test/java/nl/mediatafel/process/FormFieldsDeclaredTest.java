package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Every field a user task's form sets is a process variable some process API class declares (a
 * {@link ProcessVariable} constant), so what Tasklist writes into an instance has one typed name in the code, and a
 * renamed field key in Modeler's form editor fails here instead of silently writing a variable nobody reads.
 */
class FormFieldsDeclaredTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFormFieldOfEveryUserTaskIsADeclaredProcessVariable() throws IOException {
    Set<String> declared = declaredVariables();
    assertThat(declared).as("variables declared by the process API classes").hasSizeGreaterThan(50);
    List<String> undeclared = new ArrayList<>();
    for (Path model : ModelRulesTest.models()) {
      undeclared.addAll(undeclaredFields(model.getFileName().toString(),
          Bpmn.readModelFromFile(model.toFile()), declared));
    }
    assertThat(undeclared).as("form fields without a ProcessVariable constant").isEmpty();
  }

  @Test
  void aFieldNoClassDeclaresFails() throws IOException {
    Set<String> declared = declaredVariables();
    BpmnModelInstance model = Bpmn.createExecutableProcess("probe").startEvent()
        .userTask("userTask_probe").camundaFormRef("triage").endEvent().done();
    assertThat(undeclaredFields("probe.bpmn", model, declared)).isEmpty();

    Set<String> withoutRoute = new TreeSet<>(declared);
    withoutRoute.remove("route");
    assertThat(undeclaredFields("probe.bpmn", model, withoutRoute))
        .containsExactly("probe.bpmn userTask_probe: forms/triage.form field 'route'");
  }

  @Test
  void aTaskWhoseFormIsMissingFails() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("probe").startEvent()
        .userTask("userTask_probe").camundaFormRef("no-such-form").endEvent().done();
    assertThatThrownBy(() -> undeclaredFields("probe.bpmn", model, Set.of()))
        .hasMessageContaining("forms/no-such-form.form");
  }

  private static List<String> undeclaredFields(String modelName, BpmnModelInstance model, Set<String> declared)
      throws IOException {
    List<String> undeclared = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (formRef == null || formRef.isBlank()) {
        continue; // ModelRulesTest requires the form; this test only checks what a form writes
      }
      Path form = ModelRulesTest.FORMS.resolve(formRef + ".form");
      assertThat(form).as("%s %s: the form of formRef '%s'", modelName, task.getId(), formRef).exists();
      for (String key : fieldKeys(JSON.readTree(Files.readString(form, StandardCharsets.UTF_8)))) {
        if (!declared.contains(key)) {
          undeclared.add("%s %s: forms/%s.form field '%s'".formatted(modelName, task.getId(), formRef, key));
        }
      }
    }
    return undeclared;
  }

  /** The keys of a form's input components, also inside groups; text and other display components have none. */
  private static Set<String> fieldKeys(JsonNode form) {
    Set<String> keys = new TreeSet<>();
    for (JsonNode component : form.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      keys.addAll(fieldKeys(component));
    }
    return keys;
  }

  /** The names of every {@code static final ProcessVariable} constant of every class under {@code nl.mediatafel}. */
  private static Set<String> declaredVariables() throws IOException {
    Set<String> names = new TreeSet<>();
    ClassLoader loader = FormFieldsDeclaredTest.class.getClassLoader();
    Path mainClasses = Path.of("target", "classes").toAbsolutePath();
    for (Resource resource : new PathMatchingResourcePatternResolver(loader)
        .getResources("classpath*:nl/mediatafel/**/*.class")) {
      if (!resource.isFile() || !resource.getFile().toPath().toAbsolutePath().startsWith(mainClasses)) {
        continue; // only the application's classes, not test fixtures
      }
      String path = mainClasses.relativize(resource.getFile().toPath().toAbsolutePath()).toString();
      String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
      Class<?> type;
      try {
        type = ClassUtils.forName(className, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("Cannot load " + className, e);
      }
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && ProcessVariable.class.isAssignableFrom(field.getType())) {
          field.setAccessible(true);
          try {
            names.add(((ProcessVariable<?>) field.get(null)).name());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(className + "." + field.getName(), e);
          }
        }
      }
    }
    return names;
  }
}
