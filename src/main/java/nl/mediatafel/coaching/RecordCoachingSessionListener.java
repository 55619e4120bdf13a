package nl.mediatafel.coaching;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:taskListener event="complete" delegateExpression="${recordCoachingSession}">} on "Coachingsgesprek
 * vastleggen": stores date, form and hours in {@code coaching_session} (they are local to the task), adds the hours to
 * {@link ConflictCoachingProcess#HOURS} (the hours of the cost statement) and puts the next step on the process
 * instance for the gateway. A wrong value is refused with a message in the Tasklist; the task stays open.
 */
@Component("recordCoachingSession")
class RecordCoachingSessionListener implements TaskListener {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Set<String> NEXT_STEPS = Set.of(ConflictCoachingProcess.ANOTHER_SESSION,
      ConflictCoachingProcess.ADVICE, ConflictCoachingProcess.CONVERT);
  private static final Set<String> FORMS = Set.of(ConflictCoachingProcess.ONLINE, ConflictCoachingProcess.IN_PERSON);
  private static final BigDecimal MAX_HOURS = new BigDecimal("24");

  private final CoachingSessionRepository sessions;
  private final Clock clock;

  private final CaseDirectory caseDirectory;

  RecordCoachingSessionListener(CoachingSessionRepository sessions, Clock clock, CaseDirectory caseDirectory) {
    this.sessions = sessions;
    this.clock = clock;
    this.caseDirectory = caseDirectory;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String nextStep = ConflictCoachingProcess.NEXT_STEP_CHOICE.from(execution).orElse(null);
    if (!NEXT_STEPS.contains(nextStep)) {
      throw refused("next-step-missing");
    }
    String form = ConflictCoachingProcess.SESSION_FORM.from(execution).orElse(null);
    if (!FORMS.contains(form)) {
      throw refused("form-missing");
    }
    BigDecimal hours = new BigDecimal(ConflictCoachingProcess.SESSION_HOURS.from(execution)
        .orElseThrow(() -> refused("hours-missing")).toString());
    if (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
      throw refused("hours-out-of-range", MAX_HOURS, hours.toPlainString());
    }
    LocalDate heldOn = date(ConflictCoachingProcess.SESSION_DATE.from(execution).orElse(null));
    if (heldOn.isAfter(ClockUtil.getCurrentTime().toInstant().atZone(AMSTERDAM).toLocalDate())) {
      throw refused("date-in-future", heldOn);
    }
    sessions.save(new CoachingSession(execution.getProcessBusinessKey(), heldOn, form, hours, clock.instant()));

    // the case row's hours are what the cost statement bills (CaseDocumentModel), as for a mediation
    BigDecimal total = caseDirectory.find(execution.getProcessBusinessKey())
        .orElseThrow(() -> new ProcessEngineException("Coaching " + execution.getProcessBusinessKey()
            + " bestaat niet"))
        .addHours(hours);
    DelegateExecution processInstance = execution.getProcessInstance();
    ConflictCoachingProcess.HOURS.set(processInstance, total.doubleValue());
    ConflictCoachingProcess.NEXT_STEP_CHOICE.set(processInstance, nextStep);
  }

  /** A Date, or the ISO text of a Camunda Forms date ({@code 2026-03-20}) or date-time field. */
  private static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(AMSTERDAM).toLocalDate();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw refused("date-missing");
    }
    String iso = text.strip();
    try {
      if (iso.length() == 10) {
        return LocalDate.parse(iso);
      }
      try {
        return OffsetDateTime.parse(iso).atZoneSameInstant(AMSTERDAM).toLocalDate();
      } catch (DateTimeParseException withoutOffset) {
        return LocalDateTime.parse(iso).toLocalDate();
      }
    } catch (DateTimeParseException e) {
      throw refused("date-unreadable", iso);
    }
  }

  private static FormRefusal refused(String problem, Object... arguments) {
    return new FormRefusal("coaching-session." + problem, arguments);
  }
}
