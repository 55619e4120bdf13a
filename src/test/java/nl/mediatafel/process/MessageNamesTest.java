package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Message names, error codes and escalation codes come from one place: the {@code Messages}, {@code Errors} and
 * {@code Escalations} constants of the process API classes ({@code IntakeProcess.Messages.INTAKE_SUBMITTED}, …). Every
 * {@code <bpmn:message name>}, {@code <bpmn:error errorCode>} and {@code <bpmn:escalation escalationCode>} of every
 * model in {@code processes/} is namespaced {@value ProcessMessage#NAMESPACE} and is one of those constants, and every
 * constant is used by a model. A new process API class is covered by having such a nested class.
 */
class MessageNamesTest {

  @TestFactory
  Stream<DynamicTest> everyModelUsesTheNamesOfTheProcessApi() throws IOException {
    Set<String> messages = constants("Messages");
    Set<String> errors = constants("Errors");
    Set<String> escalations = constants("Escalations");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : ModelRulesTest.models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      tests.add(DynamicTest.dynamicTest(file.getFileName() + ": messages, errors and escalations from the API",
          () -> assertThat(violations(model, messages, errors, escalations)).isEmpty()));
    }
    return tests.stream();
  }

  @Test
  void everyConstantIsNamespacedAndUsedByAModel() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path file : ModelRulesTest.models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(Message.class).forEach(message -> used.add(message.getName()));
      model.getModelElementsByType(Error.class).forEach(error -> used.add(error.getErrorCode()));
      model.getModelElementsByType(Escalation.class).forEach(escalation -> used.add(escalation.getEscalationCode()));
    }
    Set<String> declared = new TreeSet<>(constants("Messages"));
    declared.addAll(constants("Errors"));
    declared.addAll(constants("Escalations"));
    assertThat(declared).as("the process API's message names and codes")
        .contains("Mediatafel.IntakeSubmitted", "Mediatafel.CaseStopped")
        .allSatisfy(name -> assertThat(name).startsWith(ProcessMessage.NAMESPACE));
    assertThat(used).as("names and codes in the models").containsAll(declared);
  }

  /** Not vacuous: an old name, an undeclared name and an old error code are each caught. */
  @Test
  void anOldOrUndeclaredNameIsCaught() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("named").startEvent().endEvent().done();
    Definitions definitions = model.getDefinitions();
    definitions.addChildElement(message(model, "message_old", "IntakeSubmitted"));
    definitions.addChildElement(message(model, "message_unknown", "Mediatafel.SomethingNobodySends"));
    definitions.addChildElement(message(model, "message_fine", "Mediatafel.IntakeSubmitted"));
    Error error = model.newInstance(Error.class);
    error.setId("error_old");
    error.setErrorCode("CASE_STOPPED");
    definitions.addChildElement(error);

    List<String> violations = violations(model, constants("Messages"), constants("Errors"), Set.of());

    assertThat(violations).hasSize(3).anySatisfy(v -> assertThat(v).contains("IntakeSubmitted", "namespaced"))
        .anySatisfy(v -> assertThat(v).contains("Mediatafel.SomethingNobodySends", "not declared"))
        .anySatisfy(v -> assertThat(v).contains("CASE_STOPPED"))
        .noneSatisfy(v -> assertThat(v).contains("'Mediatafel.IntakeSubmitted'"));
  }

  @Test
  void correlationTakesOnlyNamespacedNamesAndKnowsTheOldOnes() {
    assertThat(ProcessMessage.legacyName("Mediatafel.IntakeSubmitted")).isEqualTo("IntakeSubmitted");
    assertThatThrownBy(() -> ProcessMessage.to(null, "IntakeSubmitted", "MT-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ProcessMessage.NAMESPACE);
  }

  private static Message message(BpmnModelInstance model, String id, String name) {
    Message message = model.newInstance(Message.class);
    message.setId(id);
    message.setName(name);
    return message;
  }

  static List<String> violations(BpmnModelInstance model, Set<String> messages, Set<String> errors,
      Set<String> escalations) {
    List<String> violations = new ArrayList<>();
    model.getModelElementsByType(Message.class)
        .forEach(message -> check("message " + message.getId(), message.getName(), messages, violations));
    model.getModelElementsByType(Error.class)
        .forEach(error -> check("error " + error.getId(), error.getErrorCode(), errors, violations));
    model.getModelElementsByType(Escalation.class).forEach(escalation ->
        check("escalation " + escalation.getId(), escalation.getEscalationCode(), escalations, violations));
    return violations;
  }

  private static void check(String what, String name, Set<String> declared, List<String> violations) {
    if (name == null || !name.startsWith(ProcessMessage.NAMESPACE)) {
      violations.add(what + " '" + name + "' is not namespaced " + ProcessMessage.NAMESPACE);
    } else if (!declared.contains(name)) {
      violations.add(what + " '" + name + "' is not declared by a process API constant " + declared);
    }
  }

  /** The public String constants of every nested class {@code kind} ({@code IntakeProcess.Messages}, …). */
  static Set<String> constants(String kind) {
    Set<String> names = new TreeSet<>();
    try {
      Resource[] classes = new PathMatchingResourcePatternResolver()
          .getResources("classpath*:nl/mediatafel/**/*$" + kind + ".class");
      for (Resource resource : classes) {
        String path = resource.getURL().getPath();
        String className = path.substring(path.lastIndexOf("nl/mediatafel/"), path.length() - ".class".length())
            .replace('/', '.');
        for (Field field : Class.forName(className).getFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            names.add((String) field.get(null));
          }
        }
      }
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the process API's " + kind, e);
    }
    return names;
  }
}
