package nl.mediatafel.process;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A typed process variable: its name and type in one place, read and written the same way by delegates, services
 * and tests, with no raw names or casts scattered around.
 *
 * <p>Every read goes through the same check, wherever the value comes from (a {@link VariableScope}, the
 * {@link RuntimeService} by execution or process instance id, the {@link TaskService} by task id, or a variable map):
 * an absent or {@code null} value is {@link Optional#empty()}, a value of another type than {@link #type()} is a
 * {@link ProcessEngineException} (a model or a caller wrote the wrong thing; it is not silently ignored). Variables
 * to start a process, complete a task or correlate a message with are built with {@link #map(Value...)} and
 * {@link #with(Object)}.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /** A variable and its value, to build a {@link VariableMap} with {@link #map(Value...)}. */
  public record Value<T>(ProcessVariable<T> variable, T value) {}

  /** A fresh {@link VariableMap} with these values (a later value of the same variable wins). */
  public static VariableMap map(Value<?>... values) {
    VariableMap variables = Variables.createVariables();
    for (Value<?> value : values) {
      variables.putValue(value.variable().name(), value.value());
    }
    return variables;
  }

  /** This variable with a value, for {@link #map(Value...)}. */
  public Value<T> with(T value) {
    return new Value<>(this, value);
  }

  /** Puts the value in the map under this variable's name; returns the map, for chaining. */
  public <M extends Map<String, Object>> M putIn(M variables, T value) {
    variables.put(name, value);
    return variables;
  }

  public Optional<T> from(VariableScope scope) {
    return typed(scope.getVariable(name));
  }

  public Optional<T> fromLocal(VariableScope scope) {
    return typed(scope.getVariableLocal(name));
  }

  /** Read from a variable map, e.g. the variables a test or a form passed. */
  public Optional<T> from(Map<String, ?> variables) {
    return typed(variables.get(name));
  }

  /** Read as the execution (or process instance) with this id sees it: its own scope and its parents'. */
  public Optional<T> from(RuntimeService runtimeService, String executionId) {
    return typed(runtimeService.getVariable(executionId, name));
  }

  /** Read from the execution's (or process instance's) own scope only. */
  public Optional<T> fromLocal(RuntimeService runtimeService, String executionId) {
    return typed(runtimeService.getVariableLocal(executionId, name));
  }

  /** Read as the task with this id sees it: its own variables and its execution's. */
  public Optional<T> from(TaskService taskService, String taskId) {
    return typed(taskService.getVariable(taskId, name));
  }

  public T required(VariableScope scope) {
    return from(scope).orElseThrow(this::notSet);
  }

  public T required(Map<String, ?> variables) {
    return from(variables).orElseThrow(this::notSet);
  }

  public T required(RuntimeService runtimeService, String executionId) {
    return from(runtimeService, executionId).orElseThrow(this::notSet);
  }

  public T required(TaskService taskService, String taskId) {
    return from(taskService, taskId).orElseThrow(this::notSet);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Set where the execution (or process instance) with this id finds the variable, else on its process instance. */
  public void set(RuntimeService runtimeService, String executionId, T value) {
    runtimeService.setVariable(executionId, name, value);
  }

  public void setLocal(RuntimeService runtimeService, String executionId, T value) {
    runtimeService.setVariableLocal(executionId, name, value);
  }

  /** Set where the task with this id finds the variable, else on its process instance. */
  public void set(TaskService taskService, String taskId, T value) {
    taskService.setVariable(taskId, name, value);
  }

  public void setLocal(TaskService taskService, String taskId, T value) {
    taskService.setVariableLocal(taskId, name, value);
  }

  private Optional<T> typed(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new ProcessEngineException("Variable '" + name + "' should be a " + type.getSimpleName() + " but is a "
          + value.getClass().getSimpleName());
    }
    return Optional.of(type.cast(value));
  }

  private ProcessEngineException notSet() {
    return new ProcessEngineException("Variable '" + name + "' is not set");
  }
}
