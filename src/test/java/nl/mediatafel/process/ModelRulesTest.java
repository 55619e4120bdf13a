package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules every model in {@code processes/} keeps, so that it opens readably in Camunda Modeler, renders in
 * Cockpit and runs safely: a shape or edge for every element, labels that overlap nothing, stable English ids,
 * Dutch names on everything a reader follows, a history time to live, user tasks with a deployed Camunda Form,
 * candidates and a due date, and the steps that talk to the outside world asynchronous. One dynamic test per model
 * and rule; a new model is covered by being in the folder.
 */
class ModelRulesTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");

  /** Delegates that talk to the outside world (mail server, files): a failure must become a retry, not a rollback. */
  static final Set<String> OUTSIDE_WORLD = Set.of("sendEmail", "sendSessionInvitation", "generateDocument",
      "deliverMail", "cancelPlannedSessions");

  /** Ids as Modeler generates them ({@code Activity_0x1y2z3}, {@code Flow_…}): nobody can tell what they are. */
  private static final Pattern GENERATED_ID = Pattern.compile(
      "(Activity|Flow|Gateway|Event|Task|StartEvent|EndEvent|SequenceFlow|Process|DataObject|Participant|Lane)_"
          + "[0-9a-z]{7}|sid-.*|.*_\\d+");
  /** Our ids: the element's kind, an underscore, an English camelCase name ({@code userTask_triageRequest}). */
  private static final Pattern STABLE_ID = Pattern.compile("[a-z][A-Za-z]*_[a-z][A-Za-z0-9]*");

  @TestFactory
  Stream<DynamicTest> everyModelKeepsTheRules() throws IOException {
    Set<String> forms = formIds();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String name = file.getFileName().toString();
      tests.add(DynamicTest.dynamicTest(name + ": every element has its shape or edge",
          () -> everyElementIsDrawn(model)));
      tests.add(DynamicTest.dynamicTest(name + ": labels overlap no other label or task", () -> labelsAreFree(model)));
      tests.add(DynamicTest.dynamicTest(name + ": stable English ids", () -> idsAreStable(model)));
      tests.add(DynamicTest.dynamicTest(name + ": named steps", () -> stepsAreNamed(model)));
      tests.add(DynamicTest.dynamicTest(name + ": history time to live", () -> historyIsBounded(model)));
      tests.add(DynamicTest.dynamicTest(name + ": user tasks have a form, candidates and a due date",
          () -> userTasksAreComplete(model, forms)));
      tests.add(DynamicTest.dynamicTest(name + ": the outside world only asynchronously",
          () -> outsideWorldIsAsynchronous(model)));
    }
    assertThat(models()).as("models in processes/").hasSizeGreaterThanOrEqualTo(6);
    return tests.stream();
  }

  /** The rules are not vacuous: a model as the fluent API builds it (no diagram, generated ids) breaks them. */
  @Test
  void aModelWithoutDiagramNamesOrFormsIsCaught() {
    BpmnModelInstance bare = Bpmn.createExecutableProcess("bare").startEvent().userTask("Task_1a2b3c4")
        .serviceTask().camundaDelegateExpression("${sendEmail}").endEvent().done();
    // the fluent API draws its elements and sets a history time to live; a hand-written model may not
    bare.getModelElementsByType(Process.class).forEach(process -> process.setCamundaHistoryTimeToLiveString(null));
    List.copyOf(bare.getModelElementsByType(BpmnEdge.class)).forEach(e -> e.getParentElement().removeChildElement(e));
    assertThatThrownBy(() -> everyElementIsDrawn(bare))
        .hasMessageContaining("without a shape or edge");
    assertThatThrownBy(() -> idsAreStable(bare)).hasMessageContaining("Task_1a2b3c4");
    assertThatThrownBy(() -> stepsAreNamed(bare)).hasMessageContaining("serviceTask_");
    assertThatThrownBy(() -> historyIsBounded(bare))
        .hasMessageContaining("history time to live");
    assertThatThrownBy(() -> userTasksAreComplete(bare, Set.of()))
        .hasMessageContaining("formRef");
    assertThatThrownBy(() -> outsideWorldIsAsynchronous(bare))
        .hasMessageContaining("asyncBefore");
  }

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static void everyElementIsDrawn(BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
    List<String> missing = new ArrayList<>();
    Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
            model.getModelElementsByType(SequenceFlow.class).stream())
        .map(BaseElement::getId).filter(id -> !drawn.contains(id)).forEach(missing::add);
    assertThat(missing).as("elements without a shape or edge").isEmpty();
  }

  private static void labelsAreFree(BpmnModelInstance model) {
    Map<String, Bounds> labels = new HashMap<>();
    Map<String, Bounds> tasks = new HashMap<>();
    for (DiagramElement element : model.getModelElementsByType(DiagramElement.class)) {
      String owner = element instanceof BpmnShape shape ? shape.getBpmnElement().getId()
          : element instanceof BpmnEdge edge ? edge.getBpmnElement().getId() : null;
      if (owner == null) {
        continue;
      }
      BpmnLabel label = element.getChildElementsByType(BpmnLabel.class).stream().findFirst().orElse(null);
      if (label != null && label.getBounds() != null) {
        labels.put(owner, label.getBounds());
      }
      // a label may lie inside its sub-process, never on a task
      if (element instanceof BpmnShape shape
          && (shape.getBpmnElement() instanceof Task || shape.getBpmnElement() instanceof CallActivity)) {
        tasks.put(owner, shape.getBounds());
      }
    }
    List<String> overlaps = new ArrayList<>();
    List<String> owners = new ArrayList<>(labels.keySet());
    for (int i = 0; i < owners.size(); i++) {
      String owner = owners.get(i);
      Bounds one = labels.get(owner);
      for (int j = i + 1; j < owners.size(); j++) {
        if (overlap(one, labels.get(owners.get(j)))) {
          overlaps.add("label of " + owner + " on label of " + owners.get(j));
        }
      }
      tasks.forEach((task, bounds) -> {
        if (overlap(one, bounds)) {
          overlaps.add("label of " + owner + " on " + task);
        }
      });
    }
    assertThat(overlaps).isEmpty();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  private static void idsAreStable(BpmnModelInstance model) {
    List<String> bad = new ArrayList<>();
    Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
            model.getModelElementsByType(SequenceFlow.class).stream())
        .map(BaseElement::getId)
        .filter(id -> GENERATED_ID.matcher(id).matches() || !STABLE_ID.matcher(id).matches())
        .forEach(bad::add);
    assertThat(bad).as("generated or unreadable ids").isEmpty();
  }

  /** Every step a reader follows has a Dutch name; a gateway that only joins paths may stay unnamed. */
  private static void stepsAreNamed(BpmnModelInstance model) {
    List<String> unnamed = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean joinOnly = (node instanceof ExclusiveGateway || node instanceof ParallelGateway)
          && node.getOutgoing().size() <= 1;
      if (!joinOnly && (node.getName() == null || node.getName().isBlank())) {
        unnamed.add(node.getId());
      }
    }
    assertThat(unnamed).as("steps without a name").isEmpty();
  }

  private static void historyIsBounded(BpmnModelInstance model) {
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).isNotEmpty().allSatisfy(process -> {
      assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s history time to live", process.getId())
          .matches("P?\\d+D?");
    });
  }

  private static void userTasksAreComplete(BpmnModelInstance model, Set<String> forms) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as("%s: a Camunda Form (formRef)", task.getId()).isNotBlank();
      assertThat(forms).as("%s: its form is in forms/", task.getId()).contains(task.getCamundaFormRef());
      assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null
          || task.getCamundaCandidateUsers() != null).as("%s: candidates or an assignee", task.getId()).isTrue();
      assertThat(task.getCamundaDueDate()).as("%s: a due date", task.getId()).isNotBlank();
    }
  }

  private static void outsideWorldIsAsynchronous(BpmnModelInstance model) {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String expression = task.getCamundaDelegateExpression();
      String bean = expression == null ? null : expression.replaceAll("^\\$\\{(.*)}$", "$1");
      if (OUTSIDE_WORLD.contains(bean)) {
        assertThat(task.isCamundaAsyncBefore()).as("%s (%s) is asyncBefore", task.getId(), bean).isTrue();
      }
    }
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        ids.add(json.readTree(form.toFile()).path("id").asText());
      }
    }
    return ids;
  }
}
