package nl.mediatafel.forum;

import java.math.BigDecimal;
import java.util.Set;
import nl.mediatafel.process.FormRefusal;
import nl.mediatafel.sessions.SessionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:taskListener event="complete" delegateExpression="${recordForumRound}">} on "Forumronde afronden":
 * adds the round's hours to {@link OnlineMediationProcess#HOURS_SPENT}, publishes the optional summary or proposal in
 * the joint thread as the mediator's post (it never stays a process variable), and sets
 * {@link OnlineMediationProcess#SESSIONS_OUTCOME} when the next step is an outcome, or
 * {@link SessionProcess.SESSION_KIND} for the planning form of a video session. A wrong answer is shown to the
 * mediator when completing the task, and nothing is kept.
 */
@Component("recordForumRound")
class RecordForumRoundListener implements TaskListener {

  private static final Set<String> OUTCOMES = Set.of(OnlineMediationProcess.AGREEMENT,
      OnlineMediationProcess.NO_AGREEMENT, OnlineMediationProcess.SWITCH_ROUTE);

  private final ForumService forum;

  RecordForumRoundListener(ForumService forum) {
    this.forum = forum;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String nextStep = OnlineMediationProcess.NEXT_STEP.from(execution)
        .orElseThrow(() -> wrong("next-step-missing"));
    if (!OnlineMediationProcess.NEXT_STEPS.contains(nextStep)) {
      throw wrong("next-step-unknown", nextStep);
    }
    Number hours = OnlineMediationProcess.FORUM_ROUND_HOURS.from(execution)
        .orElseThrow(() -> wrong("hours-missing"));
    BigDecimal exact = new BigDecimal(hours.toString());
    if (exact.signum() < 0) {
      throw wrong("hours-negative", hours);
    }
    String summary = OnlineMediationProcess.FORUM_SUMMARY.from(execution).filter(text -> !text.isBlank())
        .orElse(null);
    if (summary != null) {
      String mediator = nl.mediatafel.process.CaseVariables.MEDIATOR.required(execution);
      try {
        forum.post(ForumThread.joint(execution.getProcessBusinessKey()),
            ForumParticipant.mediator(execution.getProcessBusinessKey(), mediator), summary);
      } catch (InvalidForumPostException e) {
        throw new FormRefusal(e, "forum-round.summary-too-long", ForumService.MAX_TEXT_LENGTH);
      }
    }
    DelegateExecution processInstance = execution.getProcessInstance();
    double total = OnlineMediationProcess.HOURS_SPENT.from(processInstance).orElse(0.0) + exact.doubleValue();
    OnlineMediationProcess.HOURS_SPENT.set(processInstance, total);
    if (OUTCOMES.contains(nextStep)) {
      OnlineMediationProcess.SESSIONS_OUTCOME.set(processInstance, nextStep);
    } else if (!OnlineMediationProcess.FORUM.equals(nextStep)) {
      SessionProcess.SESSION_KIND.set(processInstance, nextStep);
    }
    // the summary lives in the forum only
    execution.removeVariableLocal(OnlineMediationProcess.FORUM_SUMMARY.name());
  }

  private static FormRefusal wrong(String problem, Object... arguments) {
    return new FormRefusal("forum-round." + problem, arguments);
  }
}
