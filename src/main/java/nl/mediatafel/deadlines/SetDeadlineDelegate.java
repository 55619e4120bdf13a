package nl.mediatafel.deadlines;

import java.time.Instant;
import java.util.Date;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Computes a deadline and stores it as a {@link Date} on the process instance, so that a timer
 * ({@code timeDate="${signingDeadline}"}) and a user task ({@code camunda:dueDate="${signingDeadline}"}) share one
 * value and a secretary can extend both at once ({@link DeadlineService}).
 *
 * <p>Configured by the input parameters of the service task ({@code camunda:delegateExpression="${setDeadline}"},
 * element template {@code nl.mediatafel.setDeadline}):
 * <ul>
 *   <li>{@value #VARIABLE}: the name of the variable to write (required);</li>
 *   <li>{@value #BUSINESS_DAYS}: Dutch business days, ending at the end of the working day, <em>or</em>
 *       {@value #DURATION}: an ISO-8601 duration in calendar time ({@code P3D}, {@code PT48H});</li>
 *   <li>{@value #FROM}: the name of a date variable to count from; the engine's current time when absent;</li>
 *   <li>{@value #REMINDER_BUSINESS_DAYS_BEFORE}: also write {@code <variable>Reminder}, that many business days
 *       before the deadline.</li>
 * </ul>
 * A wrong configuration fails with a {@link DeadlineConfigurationException} naming the element and the parameter.
 */
@Component("setDeadline")
public class SetDeadlineDelegate implements JavaDelegate {

  public static final String VARIABLE = "variable";
  public static final String BUSINESS_DAYS = "businessDays";
  public static final String DURATION = "duration";
  public static final String FROM = "from";
  public static final String REMINDER_BUSINESS_DAYS_BEFORE = "reminderBusinessDaysBefore";
  public static final String REMINDER_SUFFIX = "Reminder";

  private final BusinessCalendar calendar;

  SetDeadlineDelegate(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** The variable holding the reminder of a deadline: {@code signingDeadline} → {@code signingDeadlineReminder}. */
  public static String reminderVariable(String deadlineVariable) {
    return deadlineVariable + REMINDER_SUFFIX;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String variable = text(execution, VARIABLE);
    if (variable == null) {
      throw new DeadlineConfigurationException(execution, VARIABLE, "is required: the name of the variable to set");
    }
    Integer businessDays = count(execution, BUSINESS_DAYS);
    String duration = text(execution, DURATION);
    if (businessDays == null && duration == null) {
      throw new DeadlineConfigurationException(execution, BUSINESS_DAYS,
          "or '" + DURATION + "' is required: set one of them");
    }
    if (businessDays != null && duration != null) {
      throw new DeadlineConfigurationException(execution, BUSINESS_DAYS,
          "and '" + DURATION + "' are both set: set only one of them");
    }
    Integer reminderDays = count(execution, REMINDER_BUSINESS_DAYS_BEFORE);
    Instant from = from(execution);

    Instant deadline;
    if (businessDays != null) {
      deadline = calendar.addBusinessDays(from, businessDays);
    } else {
      try {
        deadline = calendar.addCalendarTime(from, duration);
      } catch (IllegalArgumentException e) {
        throw new DeadlineConfigurationException(execution, DURATION, "is wrong: " + e.getMessage());
      }
    }

    DelegateExecution processInstance = execution.getProcessInstance();
    // the model names the variable (input parameter "variable"): typed here, where the name becomes known
    ProcessVariable.of(variable, Date.class).set(processInstance, Date.from(deadline));
    if (reminderDays != null) {
      ProcessVariable.of(reminderVariable(variable), Date.class).set(processInstance,
          Date.from(calendar.subtractBusinessDays(deadline, reminderDays)));
    }
  }

  /** The moment named by {@value #FROM}, or now by the engine's clock (which tests may move). */
  private static Instant from(DelegateExecution execution) {
    String name = text(execution, FROM);
    if (name == null) {
      return ClockUtil.getCurrentTime().toInstant();
    }
    if (!execution.hasVariable(name)) {
      throw new DeadlineConfigurationException(execution, FROM,
          "names the variable '" + name + "', which this process instance does not have");
    }
    Object value = execution.getVariable(name);
    if (!(value instanceof Date date)) {
      throw new DeadlineConfigurationException(execution, FROM, "names the variable '" + name
          + "', which is not a date but " + (value == null ? "empty" : "a " + value.getClass().getSimpleName()));
    }
    return date.toInstant();
  }

  /** A text input, or null when it is absent or blank (the Modeler leaves an emptied field as an empty string). */
  static String text(DelegateExecution execution, String parameter) {
    Object value = execution.getVariableLocal(parameter);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new DeadlineConfigurationException(execution, parameter,
          "must be text, but is a " + value.getClass().getSimpleName() + ": " + value);
    }
    return text.isBlank() ? null : text.strip();
  }

  /**
   * A whole number of 0 or more, or null when absent. Written in the model it arrives as text ({@code 5}); as an
   * expression ({@code ${5}}, {@code ${signingDays}}) as a number.
   */
  static Integer count(DelegateExecution execution, String parameter) {
    Object value = execution.getVariableLocal(parameter);
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    long number;
    try {
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        number = ((Number) value).longValue();
      } else if (value instanceof String text) {
        number = Long.parseLong(text.strip());
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new DeadlineConfigurationException(execution, parameter, "must be a whole number, but is '" + value + "'");
    }
    if (number < 0 || number > Integer.MAX_VALUE) {
      throw new DeadlineConfigurationException(execution, parameter,
          "must be a whole number of 0 or more, but is " + number);
    }
    return (int) number;
  }
}
