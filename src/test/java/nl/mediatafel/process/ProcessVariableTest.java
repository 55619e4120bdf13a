package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The typed variable API on the real engine: the same type check through every service and on plain maps. */
@MediatafelTest
class ProcessVariableTest {

  private static final String KEY = "process-variable-probe";
  private static final ProcessVariable<String> TEXT = ProcessVariable.of("probeText", String.class);
  private static final ProcessVariable<Number> AMOUNT = ProcessVariable.of("probeAmount", Number.class);
  private static final ProcessVariable<Date> DEADLINE = ProcessVariable.of("probeDeadline", Date.class);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private String deploymentId;
  private ProcessInstance instance;
  private Task task;

  @BeforeEach
  void deployAndStart() {
    deploymentId = repositoryService.createDeployment().name(KEY)
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).name("Proef").camundaHistoryTimeToLive(1)
            .startEvent().userTask("userTask_probe").name("Wachten").endEvent().done())
        .deploy().getId();
    instance = runtimeService.startProcessInstanceByKey(KEY,
        ProcessVariable.map(TEXT.with("begin"), AMOUNT.with(42)));
    task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void readsAndWritesThroughTheRuntimeService() {
    assertThat(TEXT.from(runtimeService, instance.getId())).contains("begin");
    assertThat(AMOUNT.required(runtimeService, instance.getId())).isEqualTo(42);
    assertThat(DEADLINE.from(runtimeService, instance.getId())).isEmpty();

    Date deadline = new Date(1_800_000_000_000L);
    DEADLINE.set(runtimeService, instance.getId(), deadline);
    assertThat(DEADLINE.required(runtimeService, instance.getId())).isEqualTo(deadline);

    String execution = task.getExecutionId();
    TEXT.setLocal(runtimeService, execution, "local");
    assertThat(TEXT.fromLocal(runtimeService, execution)).contains("local");
    assertThat(TEXT.from(runtimeService, execution)).contains("local");
    assertThatThrownBy(() -> DEADLINE.required(runtimeService, "no-such-execution"))
        .isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void readsAndWritesThroughTheTaskService() {
    assertThat(TEXT.from(taskService, task.getId())).contains("begin");
    TEXT.set(taskService, task.getId(), "by task");
    assertThat(TEXT.from(runtimeService, instance.getId())).as("set on the instance, where it lives")
        .contains("by task");
    DEADLINE.setLocal(taskService, task.getId(), new Date(0));
    assertThat(DEADLINE.required(taskService, task.getId())).isEqualTo(new Date(0));
    assertThat(DEADLINE.from(runtimeService, instance.getId())).as("a task-local variable").isEmpty();
  }

  @Test
  void aValueOfAnotherTypeIsRefusedWhereverItIsRead() {
    runtimeService.setVariable(instance.getId(), DEADLINE.name(), "2026-12-04");
    assertThatThrownBy(() -> DEADLINE.from(runtimeService, instance.getId()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("should be a Date but is a String");
    assertThatThrownBy(() -> DEADLINE.from(taskService, task.getId()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("should be a Date");
    assertThatThrownBy(() -> DEADLINE.from(Map.of(DEADLINE.name(), "2026-12-04")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("should be a Date");
    assertThat(AMOUNT.from(Map.of(AMOUNT.name(), 4.5))).as("any Number for a Number").contains(4.5);
  }

  @Test
  void buildsAndReadsVariableMaps() {
    VariableMap variables = ProcessVariable.map(TEXT.with("a"), AMOUNT.with(1L), DEADLINE.with(null));
    assertThat(variables).containsOnlyKeys(TEXT.name(), AMOUNT.name(), DEADLINE.name());
    assertThat(TEXT.required(variables)).isEqualTo("a");
    assertThat(AMOUNT.from(variables)).contains(1L);
    assertThat(DEADLINE.from(variables)).as("null is absent").isEmpty();
    assertThatThrownBy(() -> DEADLINE.required(variables)).hasMessageContaining("is not set");

    Map<String, Object> plain = TEXT.putIn(new HashMap<>(), "b");
    assertThat(AMOUNT.putIn(plain, 2)).isSameAs(plain).containsEntry(TEXT.name(), "b")
        .containsEntry(AMOUNT.name(), 2);

    taskService.complete(task.getId(), ProcessVariable.map(TEXT.with("done")));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }
}
