package nl.mediatafel.deadlines;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${extendDeadline}}: gives a running deadline {@value #BUSINESS_DAYS} more business days
 * from now, and moves what waits for it (timers, task due dates) through {@link DeadlineService#extend}. A deadline
 * that already ends later stays as it is: an extension never shortens.
 *
 * <p>Input parameters: {@value #VARIABLE} (the date variable set earlier by {@code setDeadline}) and
 * {@value #BUSINESS_DAYS}. Element template "Verleng deadline".
 */
@Component("extendDeadline")
class ExtendDeadlineDelegate implements JavaDelegate {

  static final String VARIABLE = SetDeadlineDelegate.VARIABLE;
  static final String BUSINESS_DAYS = SetDeadlineDelegate.BUSINESS_DAYS;

  private final BusinessCalendar calendar;
  private final DeadlineService deadlines;

  ExtendDeadlineDelegate(BusinessCalendar calendar, DeadlineService deadlines) {
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String variable = SetDeadlineDelegate.text(execution, VARIABLE);
    if (variable == null) {
      throw new DeadlineConfigurationException(execution, VARIABLE,
          "is required: the name of the deadline variable to extend");
    }
    Integer businessDays = SetDeadlineDelegate.count(execution, BUSINESS_DAYS);
    if (businessDays == null) {
      throw new DeadlineConfigurationException(execution, BUSINESS_DAYS, "is required");
    }
    if (!(execution.getVariable(variable) instanceof Date current)) {
      throw new DeadlineConfigurationException(execution, VARIABLE,
          "names '" + variable + "', which is not a date of this process instance");
    }
    Instant extended = calendar.addBusinessDays(ClockUtil.getCurrentTime().toInstant(), businessDays);
    if (extended.isAfter(current.toInstant())) {
      deadlines.extend(execution.getProcessInstanceId(), variable, Date.from(extended));
    }
  }
}
