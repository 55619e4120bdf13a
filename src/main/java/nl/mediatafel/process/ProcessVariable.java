package nl.mediatafel.process;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and type in one place, read and written the same way by delegates, services
 * and tests, with no raw names or casts scattered around.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public Optional<T> from(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new ProcessEngineException("Variable '" + name + "' should be a " + type.getSimpleName() + " but is a "
          + value.getClass().getSimpleName());
    }
    return Optional.of(type.cast(value));
  }

  public T required(VariableScope scope) {
    return from(scope).orElseThrow(() -> new ProcessEngineException("Variable '" + name + "' is not set"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }
}
