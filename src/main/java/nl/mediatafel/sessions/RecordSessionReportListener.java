package nl.mediatafel.sessions;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:taskListener event="complete" delegateExpression="${recordSessionReport}">} on the session report:
 * stores hours and summary in the {@code sessions} row (the summary is local to the task and never becomes a process
 * variable), adds the hours to {@link SessionProcess#HOURS_SPENT}, and sets {@link SessionProcess#SESSIONS_OUTCOME}
 * when the next step is an outcome, or {@link SessionProcess#SESSION_KIND} for the next planning form.
 */
@Component("recordSessionReport")
class RecordSessionReportListener implements TaskListener {

  private static final Set<String> OUTCOMES =
      Set.of(SessionProcess.AGREEMENT, SessionProcess.NO_AGREEMENT, SessionProcess.SWITCH_ROUTE);

  /**
   * Optional input parameter of the report task: the next steps its model has a path for, comma-separated (the online
   * route adds {@code FORUM}); without it {@code JOINT}, {@code CAUCUS} and the outcomes.
   */
  static final String NEXT_STEPS = "nextSteps";

  private final SessionPlanning planning;

  RecordSessionReportListener(SessionPlanning planning) {
    this.planning = planning;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String nextStep = SessionProcess.SESSION_NEXT_STEP.from(execution)
        .orElseThrow(() -> new FormRefusal("session-report.next-step-missing"));
    if (!allowedNextSteps(task).contains(nextStep)) {
      throw new FormRefusal("session-report.next-step-unknown", nextStep);
    }
    Number hours = SessionProcess.SESSION_HOURS.from(execution)
        .orElseThrow(() -> new FormRefusal("session-report.hours-missing"));
    BigDecimal exact = new BigDecimal(hours.toString());
    String summary = SessionProcess.SESSION_SUMMARY.from(execution).orElse(null);
    planning.recordReport(UUID.fromString(SessionProcess.SESSION_ID.required(execution)), exact, summary);
    DelegateExecution processInstance = execution.getProcessInstance();
    double total = SessionProcess.HOURS_SPENT.from(processInstance).orElse(0.0) + exact.doubleValue();
    SessionProcess.HOURS_SPENT.set(processInstance, total);
    if (OUTCOMES.contains(nextStep)) {
      SessionProcess.SESSIONS_OUTCOME.set(processInstance, nextStep);
    } else if (SessionKind.JOINT.name().equals(nextStep) || SessionKind.CAUCUS.name().equals(nextStep)) {
      SessionProcess.SESSION_KIND.set(processInstance, nextStep);
    }
    // the summary lives in the sessions table only: clear it from the task's local variables
    execution.removeVariableLocal(SessionProcess.SESSION_SUMMARY.name());
  }

  private static Set<String> allowedNextSteps(DelegateTask task) {
    Object configured = task.getExecution().getVariableLocal(NEXT_STEPS);
    if (configured == null || configured.toString().isBlank()) {
      Set<String> steps = new java.util.HashSet<>(OUTCOMES);
      steps.add(SessionKind.JOINT.name());
      steps.add(SessionKind.CAUCUS.name());
      return steps;
    }
    return java.util.Arrays.stream(configured.toString().split(",")).map(String::strip)
        .filter(step -> !step.isEmpty()).collect(java.util.stream.Collectors.toSet());
  }
}
