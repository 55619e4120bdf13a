package nl.mediatafel.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Dutch business days on fixed dates; every case names the day that makes it interesting. */
class BusinessCalendarTest {

  private final BusinessCalendar calendar = new BusinessCalendar(new DeadlineProperties(null, null));

  @ParameterizedTest(name = "{0} + {1} = {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-03-05 | 1 | 2026-03-06 | Thursday + 1 is Friday
      2026-03-06 | 1 | 2026-03-09 | Friday + 1 skips the weekend
      2026-03-05 | 3 | 2026-03-10 | Thursday + 3 skips the weekend
      2026-03-07 | 1 | 2026-03-09 | Saturday + 1 is Monday
      2026-03-07 | 0 | 2026-03-09 | Saturday + 0 is the next business day
      2026-03-04 | 0 | 2026-03-04 | Wednesday + 0 is that Wednesday
      2025-04-25 | 1 | 2025-04-28 | Koningsdag 2025 falls on Saturday 26 April (27th is a Sunday), not on Monday 28th
      2031-04-25 | 1 | 2031-04-28 | Koningsdag 2031 falls on Saturday 26 April (27th is a Sunday), not on Monday 28th
      2026-04-24 | 1 | 2026-04-28 | Koningsdag Monday 27 April 2026
      2026-04-02 | 1 | 2026-04-03 | Good Friday is a business day
      2026-04-02 | 2 | 2026-04-07 | Easter Monday 6 April 2026
      2026-05-13 | 1 | 2026-05-15 | Ascension Day Thursday 14 May 2026
      2026-05-22 | 1 | 2026-05-26 | Whit Monday 25 May 2026
      2025-12-24 | 1 | 2025-12-29 | Christmas and Boxing Day, Thursday and Friday 2025
      2025-12-31 | 1 | 2026-01-02 | New Year's Day Thursday 2026
      2025-05-02 | 1 | 2025-05-06 | Liberation Day Monday 5 May 2025, a lustrum year
      2045-05-04 | 1 | 2045-05-08 | Liberation Day Friday 5 May 2045, a lustrum year
      2026-05-04 | 1 | 2026-05-05 | Liberation Day 2026 is a working day: no lustrum
      2030-05-03 | 1 | 2030-05-06 | Liberation Day 2030 is a Sunday and is not moved to Monday
      """)
  void addsDutchBusinessDays(LocalDate from, int businessDays, LocalDate expected, String why) {
    assertThat(calendar.plusBusinessDays(from, businessDays)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} - {1} = {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-03-09 | 1 | 2026-03-06 | Monday - 1 is Friday
      2026-03-08 | 1 | 2026-03-06 | Sunday - 1 is Friday
      2026-03-08 | 0 | 2026-03-06 | Sunday - 0 is the previous business day
      2026-04-28 | 1 | 2026-04-24 | over Koningsdag 2026
      2025-05-06 | 1 | 2025-05-02 | over Liberation Day 2025
      2026-01-02 | 3 | 2025-12-29 | over New Year, Boxing Day and Christmas
      """)
  void subtractsDutchBusinessDays(LocalDate from, int businessDays, LocalDate expected, String why) {
    assertThat(calendar.minusBusinessDays(from, businessDays)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2025-04-26 | false | Koningsdag 2025 (Saturday)
      2026-04-27 | false | Koningsdag 2026
      2027-04-27 | false | Koningsdag 2027 (Tuesday)
      2025-04-18 | true  | Good Friday 2025
      2026-04-03 | true  | Good Friday 2026
      2025-05-05 | false | Liberation Day 2025, lustrum
      2030-05-05 | false | Liberation Day 2030, lustrum (and a Sunday)
      2026-05-05 | true  | Liberation Day 2026, no lustrum
      2027-05-05 | true  | Liberation Day 2027, no lustrum
      2045-05-05 | false | Liberation Day 2045, lustrum
      2026-05-14 | false | Ascension Day 2026
      2026-12-25 | false | Christmas 2026
      2026-12-28 | true  | Monday after Christmas 2026
      2026-03-07 | false | an ordinary Saturday
      2026-03-10 | true  | an ordinary Tuesday
      """)
  void knowsWhichDaysAreBusinessDays(LocalDate date, boolean businessDay, String what) {
    assertThat(calendar.isBusinessDay(date)).isEqualTo(businessDay);
  }

  @Test
  void aDeadlineEndsAtFiveInTheAfternoonInAmsterdamWinterAndSummer() {
    // winter (CET, UTC+1): Wednesday 14 January 2026 + 1 = Thursday 17:00 = 16:00Z
    assertThat(calendar.addBusinessDays(Instant.parse("2026-01-14T08:00:00Z"), 1))
        .isEqualTo(Instant.parse("2026-01-15T16:00:00Z"));
    // summer (CEST, UTC+2): Wednesday 1 July 2026 + 1 = Thursday 17:00 = 15:00Z
    assertThat(calendar.addBusinessDays(Instant.parse("2026-07-01T08:00:00Z"), 1))
        .isEqualTo(Instant.parse("2026-07-02T15:00:00Z"));
    // counted from Friday 27 March (CET) into Monday 30 March (CEST since Sunday 29 March)
    assertThat(calendar.addBusinessDays(Instant.parse("2026-03-27T09:00:00Z"), 1))
        .isEqualTo(Instant.parse("2026-03-30T15:00:00Z"));
  }

  @Test
  void countsFromTheDateInAmsterdamNotInUtc() {
    // 23:30Z on Wednesday 14 January is already Thursday 00:30 in Amsterdam
    assertThat(calendar.addBusinessDays(Instant.parse("2026-01-14T23:30:00Z"), 1))
        .isEqualTo(Instant.parse("2026-01-16T16:00:00Z"));
  }

  @Test
  void theEndOfTheWorkingDayIsConfigurable() {
    BusinessCalendar noon = new BusinessCalendar(new DeadlineProperties(LocalTime.NOON, ZoneId.of("Europe/Amsterdam")));
    assertThat(noon.addBusinessDays(Instant.parse("2026-01-14T08:00:00Z"), 1))
        .isEqualTo(Instant.parse("2026-01-15T11:00:00Z"));
  }

  @Test
  void theSettingsBindFromConfigurationKeysAndDefaultInCode() {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
        "mediatafel.deadlines.end-of-working-day", "16:30",
        "mediatafel.deadlines.zone", "Europe/Brussels")));
    DeadlineProperties bound = binder.bind("mediatafel.deadlines", DeadlineProperties.class).get();
    assertThat(bound.endOfWorkingDay()).isEqualTo(LocalTime.of(16, 30));
    assertThat(bound.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));

    DeadlineProperties defaults = new DeadlineProperties(null, null);
    assertThat(defaults.endOfWorkingDay()).isEqualTo(LocalTime.of(17, 0));
    assertThat(defaults.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
  }

  @Test
  void aReminderKeepsTheLocalTimeOfTheDeadline() {
    // Tuesday 28 April 2026 17:00 CEST - 1 business day = Friday 24 April 17:00 CEST (over Koningsdag)
    assertThat(calendar.subtractBusinessDays(Instant.parse("2026-04-28T15:00:00Z"), 1))
        .isEqualTo(Instant.parse("2026-04-24T15:00:00Z"));
    // Monday 30 March 2026 17:00 CEST - 1 business day = Friday 27 March 17:00 CET
    assertThat(calendar.subtractBusinessDays(Instant.parse("2026-03-30T15:00:00Z"), 1))
        .isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
  }

  @Test
  void calendarTimeCountsDaysOnTheWallClockAndHoursExactly() {
    Instant fridayTenCet = Instant.parse("2026-03-27T09:00:00Z");
    assertThat(calendar.addCalendarTime(fridayTenCet, "P3D")).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    assertThat(calendar.addCalendarTime(fridayTenCet, "PT72H")).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
    assertThat(calendar.addCalendarTime(fridayTenCet, "P1DT12H")).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
    assertThat(calendar.addCalendarTime(fridayTenCet, "p1w")).isEqualTo(Instant.parse("2026-04-03T08:00:00Z"));
  }

  @Test
  void refusesNegativeAndMalformedInput() {
    assertThatThrownBy(() -> calendar.plusBusinessDays(LocalDate.of(2026, 3, 4), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> calendar.minusBusinessDays(LocalDate.of(2026, 3, 4), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> calendar.addCalendarTime(Instant.EPOCH, "-P3D"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> calendar.addCalendarTime(Instant.EPOCH, "-PT48H"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> calendar.addCalendarTime(Instant.EPOCH, "PT-1H"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> calendar.addCalendarTime(Instant.EPOCH, "3 dagen"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
  }
}
