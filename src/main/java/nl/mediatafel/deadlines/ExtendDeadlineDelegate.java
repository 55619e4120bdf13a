package nl.mediatafel.deadlines;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${extendDeadline}}: gives a running deadline {@value #BUSINESS_DAYS} more business days, and moves what waits
 * for it (timers, task due dates) through {@link DeadlineService#extend}.
 *
 * <p>Counted from now (the default, {@value #FROM} = {@value #FROM_NOW}): a deadline that already ends later stays as
 * it is, an extension never shortens. Counted from the deadline itself ({@value #FROM} = {@value #FROM_DEADLINE}):
 * the deadline always moves by that many business days, e.g. the review period of the settlement agreement when a party
 * asks to consult an advisor (the parties were promised the days on top of the period they had).
 *
 * <p>Input parameters: {@value #VARIABLE} (the date variable set earlier by {@code setDeadline}), {@value #BUSINESS_DAYS}
 * and {@value #FROM}. Element template "Verleng deadline".
 */
@Component("extendDeadline")
class ExtendDeadlineDelegate implements JavaDelegate {

  static final String VARIABLE = SetDeadlineDelegate.VARIABLE;
  static final String BUSINESS_DAYS = SetDeadlineDelegate.BUSINESS_DAYS;
  static final String FROM = "from";
  static final String FROM_NOW = "now";
  static final String FROM_DEADLINE = "deadline";

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
    String from = SetDeadlineDelegate.text(execution, FROM);
    if (from != null && !from.equals(FROM_NOW) && !from.equals(FROM_DEADLINE)) {
      throw new DeadlineConfigurationException(execution, FROM,
          "is '" + from + "'; use '" + FROM_NOW + "' (the default) or '" + FROM_DEADLINE + "'");
    }
    Instant start = FROM_DEADLINE.equals(from) ? current.toInstant() : ClockUtil.getCurrentTime().toInstant();
    Instant extended = calendar.addBusinessDays(start, businessDays);
    if (extended.isAfter(current.toInstant())) {
      deadlines.extend(execution.getProcessInstanceId(), variable, Date.from(extended));
    }
  }
}
