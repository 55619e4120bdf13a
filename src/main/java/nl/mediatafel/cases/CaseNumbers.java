package nl.mediatafel.cases;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out case numbers {@code MED-2026-0042}: one counter per year, incremented under the row lock of an UPDATE, so
 * concurrent requests on any number of nodes never get the same number. A request that fails later leaves a gap,
 * which is fine: numbers are unique, not contiguous.
 */
@Component
class CaseNumbers {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CaseNumbers(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next() {
    int year = clock.instant().atZone(AMSTERDAM).getYear();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (jdbc.update("update case_number_counter set last_value = last_value + 1 where counter_year = ?", year) == 1) {
        Integer value = jdbc.queryForObject("select last_value from case_number_counter where counter_year = ?",
            Integer.class, year);
        return String.format("MED-%d-%04d", year, value);
      }
      try {
        jdbc.update("insert into case_number_counter (counter_year, last_value) values (?, 0)", year);
      } catch (DataIntegrityViolationException concurrentFirstOfTheYear) {
        // another request created this year's counter at the same moment: use it
      }
    }
    throw new IllegalStateException("No case number could be taken for " + year);
  }
}
