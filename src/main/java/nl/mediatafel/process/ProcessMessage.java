package nl.mediatafel.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;

/**
 * A message into the processes of one case (the business key), under its namespaced name ({@value #NAMESPACE}
 * {@code IntakeSubmitted}) and, for instances of a version deployed before the namespace, under the old name
 * ({@code IntakeSubmitted}). The process API classes create it ({@code IntakeProcess.intakeSubmitted(…)}); nobody
 * correlates a raw {@code createMessageCorrelation} any more (docs/migration.md, "Message names").
 *
 * <p>No message is delivered twice: {@link #correlate()} asks which of the two names an execution of the case waits
 * for and correlates that one name once (the namespaced name when both or neither are waited for);
 * {@link #correlateAllWithResult()} delivers to the executions waiting under each name, which are never the same.
 * The choice is a query, not a caught {@link org.camunda.bpm.engine.MismatchingMessageCorrelationException}: an
 * engine command that failed inside the caller's Spring transaction marks that transaction rollback-only even when
 * the exception is caught.
 */
public final class ProcessMessage {

  /** The prefix of every message name and error code in our models. */
  public static final String NAMESPACE = "Mediatafel.";

  private final RuntimeService runtimeService;
  private final String name;
  private final String businessKey;
  private final Map<String, Object> localVariablesEqual = new LinkedHashMap<>();
  private final Map<String, Object> processVariablesEqual = new LinkedHashMap<>();
  private final Map<String, Object> variables = new LinkedHashMap<>();

  private ProcessMessage(RuntimeService runtimeService, String name, String businessKey) {
    if (!name.startsWith(NAMESPACE)) {
      throw new IllegalArgumentException("Message names start with " + NAMESPACE + ", not: " + name);
    }
    this.runtimeService = runtimeService;
    this.name = name;
    this.businessKey = businessKey;
  }

  /** The message {@code name} (a process API constant) to the processes of the case {@code caseNumber}. */
  public static ProcessMessage to(RuntimeService runtimeService, String name, String caseNumber) {
    return new ProcessMessage(runtimeService, name, caseNumber);
  }

  /** The name a version from before the namespace waits for: {@code Mediatafel.IntakeSubmitted → IntakeSubmitted}. */
  public static String legacyName(String name) {
    return name.startsWith(NAMESPACE) ? name.substring(NAMESPACE.length()) : name;
  }

  public String name() {
    return name;
  }

  public ProcessMessage localVariableEquals(String variable, Object value) {
    localVariablesEqual.put(variable, value);
    return this;
  }

  public ProcessMessage processInstanceVariableEquals(String variable, Object value) {
    processVariablesEqual.put(variable, value);
    return this;
  }

  public ProcessMessage setVariable(String variable, Object value) {
    variables.put(variable, value);
    return this;
  }

  /**
   * Exactly one waiting execution, under the name the case waits for. Throws
   * {@link org.camunda.bpm.engine.MismatchingMessageCorrelationException} when none (or more than one) waits.
   */
  public void correlate() {
    correlateWithResult();
  }

  /**
   * As {@link #correlate()} when an execution of the case waits for the message (with the variables asked for), and
   * nothing when none does: for callers whose own transaction must commit either way (a portal submission that
   * stands when the case no longer waits for it). The choice is a query, so the caller's transaction is never marked
   * rollback-only by a failed correlation.
   *
   * @return whether the message was delivered
   */
  public boolean correlateIfWaiting() {
    String messageName = nameWaitedFor();
    if (!waitedFor(messageName, true)) {
      return false;
    }
    builder(messageName).correlate();
    return true;
  }

  /** As {@link #correlate()}, with the result. */
  public MessageCorrelationResult correlateWithResult() {
    return builder(nameWaitedFor()).correlateWithResult();
  }

  /** Every execution waiting under either name; an empty list when nobody waits. */
  public List<MessageCorrelationResult> correlateAllWithResult() {
    List<MessageCorrelationResult> results = new ArrayList<>(builder(name).correlateAllWithResult());
    if (waitedFor(legacyName(name))) {
      results.addAll(builder(legacyName(name)).correlateAllWithResult());
    }
    return results;
  }

  /** The namespaced name, unless no execution of the case waits for it and one waits for the old name. */
  String nameWaitedFor() {
    return !waitedFor(name) && waitedFor(legacyName(name)) ? legacyName(name) : name;
  }

  private boolean waitedFor(String messageName) {
    return waitedFor(messageName, false);
  }

  private boolean waitedFor(String messageName, boolean withVariables) {
    ExecutionQuery waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey)
        .messageEventSubscriptionName(messageName);
    if (withVariables) {
      localVariablesEqual.forEach(waiting::variableValueEquals);
      processVariablesEqual.forEach(waiting::processVariableValueEquals);
    }
    return waiting.count() > 0;
  }

  private MessageCorrelationBuilder builder(String messageName) {
    MessageCorrelationBuilder builder = runtimeService.createMessageCorrelation(messageName)
        .processInstanceBusinessKey(businessKey);
    localVariablesEqual.forEach(builder::localVariableEquals);
    processVariablesEqual.forEach(builder::processInstanceVariableEquals);
    variables.forEach(builder::setVariable);
    return builder;
  }
}
