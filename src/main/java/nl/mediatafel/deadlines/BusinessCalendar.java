package nl.mediatafel.deadlines;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.Period;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Dutch business days, so that "reply within 5 working days" in a letter and the timer in the process agree.
 *
 * <p>A business day is Monday to Friday, except the Dutch public holidays from jollyday's Netherlands calendar:
 * New Year, Easter Monday, Koningsdag (27 April, or Saturday 26 April when the 27th is a Sunday), Ascension Day, Whit
 * Monday, Christmas and Boxing Day. Two corrections on top of the library, because they are what a practice actually
 * closes for:
 * <ul>
 *   <li>Liberation Day (5 May) is a day off only in lustrum years (2025, 2030, …), as for the civil service and most
 *       collective agreements. Jollyday lists it every year since 1990, so it is removed and re-added here
 *       explicitly.</li>
 *   <li>Good Friday is not a general day off. Jollyday marks it as an {@link HolidayType#OBSERVANCE}, which is why only
 *       {@link HolidayType#PUBLIC_HOLIDAY public holidays} are taken; a test guards that.</li>
 * </ul>
 *
 * <p>Counting is by calendar date in the practice's zone; the time of day at which counting starts does not matter. A
 * business-day deadline expires at the end of the working day (configurable, {@link DeadlineProperties}).
 */
@Component
public class BusinessCalendar {

  private static final MonthDay LIBERATION_DAY = MonthDay.of(Month.MAY, 5);
  private static final String LIBERATION_DAY_KEY = "LIBERATION";

  private final HolidayManager holidays;
  private final LocalTime endOfWorkingDay;
  private final ZoneId zone;
  private final Map<Integer, Set<LocalDate>> daysOffByYear = new ConcurrentHashMap<>();

  public BusinessCalendar(DeadlineProperties properties) {
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS));
    this.endOfWorkingDay = properties.endOfWorkingDay();
    this.zone = properties.zone();
  }

  /** Monday to Friday and not a Dutch public holiday the practice closes for. */
  public boolean isBusinessDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff(date.getYear()).contains(date);
  }

  /**
   * The business day that lies {@code businessDays} business days after {@code date}: Friday + 1 is Monday, and so is
   * Saturday + 1. With 0 it is {@code date} itself, or the next business day when {@code date} is none.
   */
  public LocalDate plusBusinessDays(LocalDate date, int businessDays) {
    requireNotNegative(businessDays);
    LocalDate day = date;
    while (!isBusinessDay(day)) {
      day = day.plusDays(1);
    }
    for (int counted = day.equals(date) ? 0 : 1; counted < businessDays; counted++) {
      day = day.plusDays(1);
      while (!isBusinessDay(day)) {
        day = day.plusDays(1);
      }
    }
    return day;
  }

  /**
   * The business day that lies {@code businessDays} business days before {@code date}: Monday - 1 is Friday, and so is
   * Sunday - 1. With 0 it is {@code date} itself, or the previous business day when {@code date} is none.
   */
  public LocalDate minusBusinessDays(LocalDate date, int businessDays) {
    requireNotNegative(businessDays);
    LocalDate day = date;
    while (!isBusinessDay(day)) {
      day = day.minusDays(1);
    }
    for (int counted = day.equals(date) ? 0 : 1; counted < businessDays; counted++) {
      day = day.minusDays(1);
      while (!isBusinessDay(day)) {
        day = day.minusDays(1);
      }
    }
    return day;
  }

  /** The end of the working day that lies {@code businessDays} business days after the day of {@code from}. */
  public Instant addBusinessDays(Instant from, int businessDays) {
    return endOfWorkingDay(plusBusinessDays(LocalDate.ofInstant(from, zone), businessDays));
  }

  /**
   * The same local time of day, {@code businessDays} business days before {@code deadline}; for reminders ("two
   * business days before the signing deadline"). May lie in the past: a timer on it then fires at once.
   */
  public Instant subtractBusinessDays(Instant deadline, int businessDays) {
    ZonedDateTime local = deadline.atZone(zone);
    return ZonedDateTime.of(minusBusinessDays(local.toLocalDate(), businessDays), local.toLocalTime(), zone)
        .toInstant();
  }

  /**
   * {@code from} plus an ISO-8601 duration in calendar time, weekends and holidays included. Days, weeks, months and
   * years keep the local time of day across a change to or from summer time ({@code P3D} from 10:00 is 10:00); hours,
   * minutes and seconds are exact ({@code PT72H} from 10:00 may be 09:00 or 11:00).
   *
   * @throws IllegalArgumentException when the text is no ISO-8601 duration such as {@code P3D} or {@code PT48H}, or is
   *     negative
   */
  public Instant addCalendarTime(Instant from, String isoDuration) {
    String text = isoDuration.strip().toUpperCase(Locale.ROOT);
    Period period;
    Duration time;
    try {
      // java.time has no type for "P1DT12H": the date part is a Period, the time part a Duration
      int t = text.indexOf('T');
      period = t < 0 ? Period.parse(text) : t == 1 ? Period.ZERO : Period.parse(text.substring(0, t));
      time = t < 0 ? Duration.ZERO : Duration.parse("P" + text.substring(t));
    } catch (DateTimeException e) {
      if (text.startsWith("-")) {
        throw new IllegalArgumentException("Duration '" + isoDuration + "' is negative", e);
      }
      throw new IllegalArgumentException(
          "'" + isoDuration + "' is not an ISO-8601 duration such as P3D or PT48H", e);
    }
    if (period.isNegative() || time.isNegative()) {
      throw new IllegalArgumentException("Duration '" + isoDuration + "' is negative");
    }
    return from.atZone(zone).plus(period).plus(time).toInstant();
  }

  /** The moment a deadline on {@code date} expires: the end of the working day in the practice's zone. */
  public Instant endOfWorkingDay(LocalDate date) {
    return ZonedDateTime.of(date, endOfWorkingDay, zone).toInstant();
  }

  /** The zone in which business days are counted. */
  /**
   * For models ({@code ${businessCalendar.reminderBefore(deadline, 1)}}): the moment to remind someone of a deadline
   * that was just set or moved, given as a Date, an Instant or ISO text (a form's local date-time is read in the
   * practice's zone). When that moment has already passed, the reminder is placed an hour after the deadline, where
   * the deadline's own (interrupting) timer fires first and cancels it: no reminder right after a phone call.
   */
  public java.util.Date reminderBefore(Object deadline, int businessDays) {
    Instant due = instantOf(deadline);
    Instant reminder = subtractBusinessDays(due, businessDays);
    Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.now().toInstant();
    return java.util.Date.from(reminder.isAfter(now) ? reminder : due.plus(java.time.Duration.ofHours(1)));
  }

  private Instant instantOf(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (java.time.format.DateTimeParseException noOffset) {
        return java.time.LocalDateTime.parse(text).atZone(zone()).toInstant();
      }
    }
    throw new IllegalArgumentException("Not a deadline: " + value);
  }

  public ZoneId zone() {
    return zone;
  }

  private Set<LocalDate> daysOff(int year) {
    return daysOffByYear.computeIfAbsent(year, this::loadDaysOff);
  }

  private Set<LocalDate> loadDaysOff(int year) {
    Set<LocalDate> daysOff = holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
        .filter(holiday -> !LIBERATION_DAY_KEY.equals(holiday.getPropertiesKey()))
        .map(Holiday::getDate)
        .collect(Collectors.toCollection(HashSet::new));
    // Liberation Day: a day off in lustrum years only, whatever the library says (see the class comment)
    if (year % 5 == 0) {
      daysOff.add(LIBERATION_DAY.atYear(year));
    }
    return Set.copyOf(daysOff);
  }

  private static void requireNotNegative(int businessDays) {
    if (businessDays < 0) {
      throw new IllegalArgumentException("A number of business days must not be negative, but is " + businessDays);
    }
  }
}
