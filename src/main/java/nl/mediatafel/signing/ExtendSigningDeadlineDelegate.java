package nl.mediatafel.signing;

import java.time.Instant;
import java.util.Date;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${extendSigningDeadline}}, after the follow-up choice "termijn verlengen": the new date from the form
 * ({@code signingExtendedDeadline}) becomes this signer's {@code signerDeadline}, and {@code signerReminder} moves to
 * {@value #REMINDER_BUSINESS_DAYS_BEFORE} business days before it. The timers read both when the wait starts again.
 *
 * <p>Both variables are local to the signer's multi-instance execution (input mappings of the sub-process), so only
 * this signer's timers move. A date without time means the end of that working day, like every deadline. A reminder
 * moment that has already passed fires at once: the signer then gets a fresh link right away.
 */
@Component("extendSigningDeadline")
class ExtendSigningDeadlineDelegate implements JavaDelegate {

  static final String REMINDER_BUSINESS_DAYS_BEFORE = "reminderBusinessDaysBefore";

  private final BusinessCalendar calendar;

  ExtendSigningDeadlineDelegate(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant deadline;
    try {
      deadline = FormDates.moment(SigningProcess.SIGNING_EXTENDED_DEADLINE.from(execution).orElse(null),
          calendar::endOfWorkingDay);
    } catch (IllegalArgumentException e) {
      throw new FormRefusal(e, "signing-deadline.unreadable",
          SigningProcess.SIGNING_EXTENDED_DEADLINE.from(execution).orElse(""));
    }
    if (deadline == null) {
      throw new FormRefusal("signing-deadline.missing");
    }
    if (!deadline.isAfter(ClockUtil.getCurrentTime().toInstant())) {
      throw new FormRefusal("signing-deadline.not-in-future");
    }
    SigningProcess.SIGNER_DEADLINE.set(execution, Date.from(deadline));
    Integer days = reminderDays(execution);
    if (days != null) {
      SigningProcess.SIGNER_REMINDER.set(execution, Date.from(calendar.subtractBusinessDays(deadline, days)));
    }
  }

  private static Integer reminderDays(DelegateExecution execution) {
    Object value = execution.getVariableLocal(REMINDER_BUSINESS_DAYS_BEFORE);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      int days = Integer.parseInt(value.toString().strip());
      if (days < 0) {
        throw new NumberFormatException();
      }
      return days;
    } catch (NumberFormatException e) {
      throw new ProcessEngineException("extendSigningDeadline in '" + execution.getCurrentActivityId()
          + "', input parameter '" + REMINDER_BUSINESS_DAYS_BEFORE + "': not a whole number of 0 or more: " + value);
    }
  }
}
