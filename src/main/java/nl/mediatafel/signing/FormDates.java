package nl.mediatafel.signing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;

/**
 * Dates as a task form hands them over: a {@link Date} (Java API, REST with type Date) or the ISO text of a Camunda
 * Forms date or date-time field ({@code 2026-03-20}, {@code 2026-03-20T10:00+01:00}, {@code 2026-03-20T10:00}).
 */
final class FormDates {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private FormDates() {}

  /**
   * The moment a form value stands for; a date without time becomes {@code onDate(date)}, a time without offset is
   * Dutch time. Null when the value is absent or blank.
   *
   * @throws IllegalArgumentException when the value is no date
   */
  static Instant moment(Object value, Function<LocalDate, Instant> onDate) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("not a date but a " + value.getClass().getSimpleName());
    }
    String iso = text.strip();
    try {
      if (iso.length() == 10) {
        return onDate.apply(LocalDate.parse(iso));
      }
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        return LocalDateTime.parse(iso).atZone(AMSTERDAM).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + iso + "' is not an ISO date such as 2026-03-20", e);
    }
  }

  /** The start of a day in Amsterdam. */
  static Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(AMSTERDAM).toInstant();
  }
}
