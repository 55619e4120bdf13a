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
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${planSession}"}: turns the planning form into a row of {@code sessions} and
 * sets the dates the process waits for ({@link SessionProcess#SESSION_START} and the rest). Runs right after the
 * planning task, so a wrong answer (a room or party number that does not exist, a date in the past) is shown to the
 * secretariat when they complete the task, and nothing is saved.
 *
 * <p>The online route uses it for video sessions ({@link SessionProcess#SESSION_LOCATION_KIND}
 * {@link SessionProcess#VIDEO} with a secure {@link SessionProcess#SESSION_VIDEO_LINK}) and, with the input
 * parameter {@value #PRACTICE} = {@code true}, for a practice session with one party before it.
 */
@Component("planSession")
class PlanSessionDelegate implements JavaDelegate {

  /** Input parameter: {@code true} plans the practice session from the practice fields. */
  static final String PRACTICE = "practice";
  /** The location text of a video session (the link is kept apart, in the invitation's URL). */
  static final String VIDEO_LOCATION = "Online (video)";

  private final SessionPlanning planning;
  private final BusinessCalendar calendar;

  PlanSessionDelegate(SessionPlanning planning, BusinessCalendar calendar) {
    this.planning = planning;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.parseBoolean(String.valueOf(execution.getVariableLocal(PRACTICE)))) {
      planPractice(execution);
      return;
    }
    String caseNumber = execution.getBusinessKey();
    SessionKind kind = kind(execution);
    UUID caucusParty = kind == SessionKind.CAUCUS
        ? party(caseNumber, SessionProcess.CAUCUS_PARTY_NUMBER.from(execution)
            .orElseThrow(() -> wrong("caucus-party-missing")))
        : null;
    Instant start = start(SessionProcess.SESSION_DATE.from(execution),
        SessionProcess.SESSION_START_TIME.from(execution));
    int minutes = minutes(SessionProcess.SESSION_DURATION_MINUTES.from(execution)
        .orElseThrow(() -> wrong("duration-missing")));
    Instant end = start.plusSeconds(60L * minutes);
    boolean video = SessionProcess.VIDEO.equals(SessionProcess.SESSION_LOCATION_KIND.from(execution).orElse(null));
    String videoLink = video ? link(SessionProcess.SESSION_VIDEO_LINK.from(execution)) : null;
    Session session = planning.plan(caseNumber, kind, caucusParty, start, end,
        video ? VIDEO_LOCATION : location(execution), videoLink, false);
    SessionProcess.SESSION_ID.set(execution, session.getId().toString());
    SessionProcess.SESSION_START.set(execution, Date.from(start));
    SessionProcess.SESSION_END.set(execution, Date.from(end));
    SessionProcess.SESSION_REMINDER.set(execution, planning.reminder(start));
    SessionProcess.SESSION_REPORT_DUE.set(execution, planning.reportDue(end));
  }

  /**
   * A practice session: a short video session with one party before the session planned just now
   * ({@link SessionProcess#SESSION_START}), from the practice fields; sets only
   * {@link SessionProcess#PRACTICE_SESSION_ID}.
   */
  private void planPractice(DelegateExecution execution) {
    String caseNumber = execution.getBusinessKey();
    UUID party = party(caseNumber, SessionProcess.PRACTICE_PARTY_NUMBER.from(execution)
        .orElseThrow(() -> wrong("practice-party-missing")));
    Instant start = start(SessionProcess.PRACTICE_DATE.from(execution),
        SessionProcess.PRACTICE_START_TIME.from(execution));
    int minutes = minutes(SessionProcess.PRACTICE_DURATION_MINUTES.from(execution)
        .orElseThrow(() -> wrong("practice-duration-missing")));
    Instant end = start.plusSeconds(60L * minutes);
    SessionProcess.SESSION_START.from(execution).ifPresent(sessionStart -> {
      if (end.isAfter(sessionStart.toInstant())) {
        throw wrong("practice-after-start");
      }
    });
    // the form sends an empty text for an empty field: that means "the link of the session"
    String link = link(SessionProcess.PRACTICE_VIDEO_LINK.from(execution).filter(text -> !text.isBlank())
        .or(() -> SessionProcess.SESSION_VIDEO_LINK.from(execution)));
    Session practice = planning.plan(caseNumber, SessionKind.CAUCUS, party, start, end, VIDEO_LOCATION, link, true);
    SessionProcess.PRACTICE_SESSION_ID.set(execution, practice.getId().toString());
  }

  private UUID party(String caseNumber, Number number) {
    return planning.party(caseNumber, whole(number)).getId();
  }

  private static String link(java.util.Optional<String> link) {
    String value = link.filter(text -> !text.isBlank()).map(String::strip)
        .orElseThrow(() -> wrong("video-link-missing"));
    SessionPlanning.requireSecureLink(value);
    return value;
  }

  private static SessionKind kind(DelegateExecution execution) {
    String value = SessionProcess.SESSION_KIND.from(execution).orElseThrow(() -> wrong("kind-missing"));
    try {
      return SessionKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw wrong("kind-unknown", value);
    }
  }

  private Instant start(java.util.Optional<Object> dayValue, java.util.Optional<String> timeValue) {
    Object day = dayValue.orElseThrow(() -> wrong("date-missing"));
    String time = timeValue.orElseThrow(() -> wrong("time-missing"));
    try {
      LocalDate date = day instanceof Date d ? LocalDate.ofInstant(d.toInstant(), calendar.zone())
          : LocalDate.parse(day.toString().substring(0, Math.min(10, day.toString().length())));
      // the form may add seconds or an offset ("14:00", "14:00:00", "14:00+01:00"): the first five characters count
      LocalTime clock = LocalTime.parse(time.trim().substring(0, Math.min(5, time.trim().length())));
      return ZonedDateTime.of(date, clock, calendar.zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw wrong("date-time-unreadable", day, time);
    }
  }

  private String location(DelegateExecution execution) {
    String kind = SessionProcess.SESSION_LOCATION_KIND.from(execution).orElse(SessionProcess.ROOM);
    if (SessionProcess.ADDRESS.equals(kind)) {
      return SessionProcess.SESSION_ADDRESS.from(execution).filter(text -> !text.isBlank()).map(String::strip)
          .orElseThrow(() -> wrong("address-missing"));
    }
    Number room = SessionProcess.SESSION_ROOM_NUMBER.from(execution).orElseThrow(() -> wrong("room-missing"));
    return planning.room(whole(room)).location();
  }

  private static int minutes(Object value) {
    int minutes;
    try {
      minutes = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw wrong("duration-unreadable", value);
    }
    if (minutes <= 0) {
      throw wrong("duration-not-positive");
    }
    return minutes;
  }

  private static int whole(Number number) {
    return number.intValue();
  }

  private static FormRefusal wrong(String problem, Object... arguments) {
    return new FormRefusal("session-plan." + problem, arguments);
  }
}
