package nl.mediatafel.forum;

import java.time.Instant;
import java.util.Date;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${extendForumReaction}"}: after "Reactie ontbreekt" with {@code EXTEND}, this
 * party waits again: a new deadline {@link OnlineMediationProcess#REACTION_EXTENSION_BUSINESS_DAYS} business days from
 * now, and a reminder halfway (at least one business day before). Both are written to the party's own reaction scope
 * ({@link OnlineMediationProcess#PARTY_REACTION_DEADLINE}, {@link OnlineMediationProcess#PARTY_REACTION_REMINDER}), so
 * the other parties' deadlines stay as they are.
 */
@Component("extendForumReaction")
class ExtendForumReactionDelegate implements JavaDelegate {

  private final BusinessCalendar calendar;

  ExtendForumReactionDelegate(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number days = OnlineMediationProcess.REACTION_EXTENSION_BUSINESS_DAYS.from(execution)
        .orElseThrow(() -> new FormRefusal("forum-reaction.days-missing"));
    if (days.doubleValue() < 1 || days.doubleValue() != Math.rint(days.doubleValue())) {
      throw new FormRefusal("forum-reaction.days-invalid", days);
    }
    int businessDays = days.intValue();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant deadline = calendar.addBusinessDays(now, businessDays);
    Instant reminder = calendar.addBusinessDays(now, Math.max(1, businessDays / 2));
    // setVariable reaches the variables the party's reaction scope declares (its input parameters)
    OnlineMediationProcess.PARTY_REACTION_DEADLINE.set(execution, Date.from(deadline));
    OnlineMediationProcess.PARTY_REACTION_REMINDER.set(execution, Date.from(reminder));
  }
}
