package nl.mediatafel.coaching;

import java.time.Clock;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:taskListener event="complete" delegateExpression="${recordCoachingAdvice}">} on "Advies
 * vastleggen": stores the advice in {@code coaching_trajectory} and removes it from the task's local variables, so it
 * never becomes a process variable.
 */
@Component("recordCoachingAdvice")
class RecordCoachingAdviceListener implements TaskListener {

  static final int MAX_LENGTH = 4000;

  private final CoachingTrajectoryRepository trajectories;
  private final Clock clock;

  RecordCoachingAdviceListener(CoachingTrajectoryRepository trajectories, Clock clock) {
    this.trajectories = trajectories;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String advice = ConflictCoachingProcess.ADVICE_TEXT.from(execution).map(String::strip).orElse("");
    if (advice.isEmpty()) {
      throw new FormRefusal("coaching-advice.missing");
    }
    if (advice.length() > MAX_LENGTH) {
      throw new FormRefusal("coaching-advice.too-long", MAX_LENGTH);
    }
    String number = execution.getProcessBusinessKey();
    trajectories.findById(number)
        .orElseThrow(() -> new ProcessEngineException("Coaching " + number + " bestaat niet"))
        .recordAdvice(advice, clock.instant());
    execution.removeVariableLocal(ConflictCoachingProcess.ADVICE_TEXT.name());
  }
}
