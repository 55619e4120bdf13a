package nl.mediatafel.deadlines;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${extendDeadline}}: gives a running deadline {@value SetDeadlineDelegate#BUSINESS_DAYS} more business days
 * from now, and moves what waits for it (timers, task due dates) through {@link DeadlineService#extend}. A deadline
 * that already ends later stays as it is: an extension never shortens.
 *
 * <p>Input parameters: {@value SetDeadlineDelegate#VARIABLE} (the date variable set earlier by {@code setDeadline}) and
 * {@value SetDeadlineDelegate#BUSINESS_DAYS}.
 */
@Component("extendDeadline")
class ExtendDeadlineDelegate implements JavaDelegate {

  private final BusinessCalendar calendar;
  private final DeadlineService deadlines;

  ExtendDeadlineDelegate(BusinessCalendar calendar, DeadlineService deadlines) {
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String variable = SetDeadlineDelegate.text(execution, SetDeadlineDelegate.VARIABLE);
    if (variable == null) {
      throw new DeadlineConfigurationException(execution, SetDeadlineDelegate.VARIABLE,
          "is required: the name of the deadline variable to extend");
    }
    Integer businessDays = SetDeadlineDelegate.count(execution, SetDeadlineDelegate.BUSINESS_DAYS);
    if (businessDays == null) {
      throw new DeadlineConfigurationException(execution, SetDeadlineDelegate.BUSINESS_DAYS, "is required");
    }
    if (!(execution.getVariable(variable) instanceof Date current)) {
      throw new DeadlineConfigurationException(execution, SetDeadlineDelegate.VARIABLE,
          "names '" + variable + "', which is not a date of this process instance");
    }
    Instant extended = calendar.addBusinessDays(ClockUtil.getCurrentTime().toInstant(), businessDays);
    if (extended.isAfter(current.toInstant())) {
      deadlines.extend(execution.getProcessInstanceId(), variable, Date.from(extended));
    }
  }
}
