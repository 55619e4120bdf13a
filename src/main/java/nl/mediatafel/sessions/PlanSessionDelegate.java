package nl.mediatafel.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import nl.mediatafel.deadlines.BusinessCalendar;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${planSession}"}: turns the planning form into a row of {@code sessions} and
 * sets the dates the process waits for ({@link FaceToFaceProcess#SESSION_START} and the rest). Runs right after the
 * planning task, so a wrong answer (a room or party number that does not exist, a date in the past) is shown to the
 * secretariat when they complete the task, and nothing is saved.
 */
@Component("planSession")
class PlanSessionDelegate implements JavaDelegate {

  private final SessionPlanning planning;
  private final BusinessCalendar calendar;

  PlanSessionDelegate(SessionPlanning planning, BusinessCalendar calendar) {
    this.planning = planning;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getBusinessKey();
    SessionKind kind = kind(execution);
    UUID caucusParty = kind == SessionKind.CAUCUS
        ? planning.party(caseNumber, whole(FaceToFaceProcess.CAUCUS_PARTY_NUMBER.from(execution)
            .orElseThrow(() -> wrong("kies de partij voor het aparte gesprek")))).getId()
        : null;
    Instant start = start(execution);
    int minutes = minutes(FaceToFaceProcess.SESSION_DURATION_MINUTES.from(execution)
        .orElseThrow(() -> wrong("de duur ontbreekt")));
    Instant end = start.plusSeconds(60L * minutes);
    Session session;
    try {
      session = planning.plan(caseNumber, kind, caucusParty, start, end, location(execution));
    } catch (IllegalArgumentException e) {
      throw wrong(e.getMessage());
    }
    FaceToFaceProcess.SESSION_ID.set(execution, session.getId().toString());
    FaceToFaceProcess.SESSION_START.set(execution, Date.from(start));
    FaceToFaceProcess.SESSION_END.set(execution, Date.from(end));
    FaceToFaceProcess.SESSION_REMINDER.set(execution, planning.reminder(start));
    FaceToFaceProcess.SESSION_REPORT_DUE.set(execution, planning.reportDue(end));
  }

  private static SessionKind kind(DelegateExecution execution) {
    String value = FaceToFaceProcess.SESSION_KIND.from(execution).orElseThrow(() -> wrong("kies het soort bijeenkomst"));
    try {
      return SessionKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw wrong("onbekend soort bijeenkomst '" + value + "'");
    }
  }

  private Instant start(DelegateExecution execution) {
    Object day = FaceToFaceProcess.SESSION_DATE.from(execution).orElseThrow(() -> wrong("de datum ontbreekt"));
    String time = FaceToFaceProcess.SESSION_START_TIME.from(execution).orElseThrow(() -> wrong("de begintijd ontbreekt"));
    try {
      LocalDate date = day instanceof Date d ? LocalDate.ofInstant(d.toInstant(), calendar.zone())
          : LocalDate.parse(day.toString().substring(0, Math.min(10, day.toString().length())));
      // the form may add seconds or an offset ("14:00", "14:00:00", "14:00+01:00"): the first five characters count
      LocalTime clock = LocalTime.parse(time.trim().substring(0, Math.min(5, time.trim().length())));
      return ZonedDateTime.of(date, clock, calendar.zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw wrong("datum of tijd onleesbaar: " + day + " " + time);
    }
  }

  private String location(DelegateExecution execution) {
    String kind = FaceToFaceProcess.SESSION_LOCATION_KIND.from(execution).orElse(FaceToFaceProcess.ROOM);
    if (FaceToFaceProcess.ADDRESS.equals(kind)) {
      return FaceToFaceProcess.SESSION_ADDRESS.from(execution).filter(text -> !text.isBlank()).map(String::strip)
          .orElseThrow(() -> wrong("het adres ontbreekt"));
    }
    Number room = FaceToFaceProcess.SESSION_ROOM_NUMBER.from(execution).orElseThrow(() -> wrong("kies een zaal"));
    try {
      return planning.room(whole(room)).location();
    } catch (IllegalArgumentException e) {
      throw wrong(e.getMessage());
    }
  }

  private static int minutes(Object value) {
    int minutes;
    try {
      minutes = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw wrong("de duur is geen aantal minuten: " + value);
    }
    if (minutes <= 0) {
      throw wrong("de duur is meer dan 0 minuten");
    }
    return minutes;
  }

  private static int whole(Number number) {
    return number.intValue();
  }

  private static ProcessEngineException wrong(String problem) {
    return new ProcessEngineException("Bijeenkomst plannen: " + problem);
  }
}
