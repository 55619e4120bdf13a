package nl.mediatafel.deadlines;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:dueDate="${dueDates.businessDays(2)}"}: a task's due date in Dutch business days from now, on the same
 * calendar as {@code setDeadline} (end of the working day, weekends and holidays skipped), for follow-up tasks whose
 * due date nothing else waits for. A deadline that a timer also waits for is set with {@code setDeadline} instead, so
 * timer and task share one variable.
 */
@Component("dueDates")
public class DueDates {

  private final BusinessCalendar calendar;

  DueDates(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  public Date businessDays(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("business days cannot be negative: " + days);
    }
    return Date.from(calendar.addBusinessDays(ClockUtil.getCurrentTime().toInstant(), days));
  }
}
