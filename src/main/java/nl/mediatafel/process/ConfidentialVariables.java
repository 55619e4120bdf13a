package nl.mediatafel.process;

import java.util.Collection;

/**
 * The process variables of one feature whose values never reach Camunda's history: a text that belongs to the case
 * file (the feature's own table), not to the process. Each feature that moves such a text into its own table registers
 * a bean of this type; {@link ConfidentialHistory} collects them all, so this engine glue knows no feature.
 *
 * <p>The engine's plugins are created before the engine, so an implementation must not depend on engine services
 * (a plain {@code @Component} returning constants).
 */
@FunctionalInterface
public interface ConfidentialVariables {

  /** The variables whose values are never written to history. */
  Collection<ProcessVariable<?>> variables();
}
